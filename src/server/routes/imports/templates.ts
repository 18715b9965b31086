// GET …/import-template: for each table import, a workbook with the expected columns and one example row
// that imports as it is for the caller (its codes are the caller's own units, campaign, items), so a
// first import can start from a file the server accepts. Who may download a template is who may import.
import { canGrantRole, canManageUsers, globalAbilities, orgUnitAbilities } from '../../../core/policy/index.ts';
import { isLeaf, type FrameworkNode } from '../../../core/framework/index.ts';
import { compareCodes } from '../../../core/text/vietnamese.ts';
import type { Db } from '../../../db/client.ts';
import { firstOpenParticipant } from '../../../db/queries/figures.ts';
import { loadDefinition } from '../../../db/queries/framework-definitions.ts';
import { listReadableUnits, type OrgUnitRow, type ScopedActor } from '../../../db/queries/org-units.ts';
import { ancestryOf } from '../../../db/queries/unit-path.ts';
import { FIGURE_SHEET_HEADERS } from '../../../exchange/figures/parse-figures-table.ts';
import { writeImportTemplate } from '../../../exchange/import-report/write-template.ts';
import { UNIT_SHEET_HEADERS } from '../../../exchange/org-units/parse-units-table.ts';
import { OperationError } from '../../../app/errors.ts';
import { type App, type ServerDeps, whoIs } from '../../http/route-types.ts';
import { idParams } from '../../../contract/common.ts';
import { DX_OFFICE, FIGURE_SUPPLIERS } from '../../http/route-access.ts';
import { loadCampaignForSupply } from '../../../app/figures/figure-access.ts';
import { XLSX_MIME, contentDisposition } from '../org-units/exchange.ts';
import { USER_SHEET_HEADERS } from '../../../exchange/users/parse-users-table.ts';

/** The caller's readable units, highest first (then by code): the first that passes `ok`. */
async function firstUnit(db: Db, actor: ScopedActor, ok: (u: OrgUnitRow) => boolean): Promise<OrgUnitRow | undefined> {
  const units = await listReadableUnits(db, actor);
  units.sort((a, b) => ancestryOf(a.path).length - ancestryOf(b.path).length || compareCodes(a.code, b.code));
  return units.find(ok);
}

/** One leaf of the index set with its example inputs: a yes/no item if there is one (one row), else a ratio. */
function exampleItem(nodes: readonly FrameworkNode[]): { code: string; inputs: [string, string][] } | null {
  const leaves: FrameworkNode[] = [];
  const visit = (list: readonly FrameworkNode[]) =>
    list.forEach((n) => (isLeaf(n) ? leaves.push(n) : visit(n.children ?? [])));
  visit(nodes);
  const yesno = leaves.find((n) => n.method?.kind === 'yesno');
  if (yesno) return { code: yesno.code, inputs: [['yes', 'Có']] };
  const ratio = leaves.find((n) => n.method?.kind === 'ratio');
  if (ratio)
    return {
      code: ratio.code,
      inputs: [
        ['a', '8'],
        ['b', '10'],
      ],
    };
  return null;
}

export function registerImportTemplates(app: App, deps: ServerDeps) {
  const xlsx = (name: string) => ({ 'content-type': XLSX_MIME, 'content-disposition': contentDisposition(name) });

  app.get(
    '/org-units/import-template',
    {
      config: { access: DX_OFFICE },
      schema: { tags: ['org-units'], summary: 'Tệp mẫu nhập đơn vị: các cột và một dòng ví dụ (người quản lý đơn vị)' },
    },
    async (request, reply) => {
      const who = whoIs(request);
      if (!globalAbilities(who.actor).manageUnits)
        throw new OperationError('FORBIDDEN', 'Bạn không có quyền nhập danh sách đơn vị.');
      const parent = await firstUnit(
        deps.db,
        who.actor,
        (u) => orgUnitAbilities(who.actor, { id: u.id, ancestry: ancestryOf(u.path) }).createChild,
      );
      const example = parent ? [[`${parent.code}.MAU`, 'Xã Mẫu', 'Xã', parent.code]] : [];
      return reply
        .headers(xlsx('mau-nhap-don-vi.xlsx'))
        .send(await writeImportTemplate('Đơn vị', UNIT_SHEET_HEADERS, example));
    },
  );

  app.get(
    '/users/import-template',
    {
      config: { access: DX_OFFICE },
      schema: {
        tags: ['users'],
        summary: 'Tệp mẫu nhập tài khoản: các cột và một dòng ví dụ (người quản lý tài khoản)',
      },
    },
    async (request, reply) => {
      const who = whoIs(request);
      if (!canManageUsers(who.actor)) throw new OperationError('FORBIDDEN', 'Bạn không có quyền tạo tài khoản.');
      const unit = await firstUnit(deps.db, who.actor, (u) =>
        canGrantRole(who.actor, 'viewer', { id: u.id, ancestry: ancestryOf(u.path) }, false),
      );
      const example = [
        'nguoi.mau',
        'Nguyễn Văn Mẫu',
        'nguoi.mau@example.vn',
        '0912345678',
        'DoiNgay2026',
        unit ? 'Người xem' : '',
        unit?.code ?? '',
      ];
      return reply
        .headers(xlsx('mau-nhap-tai-khoan.xlsx'))
        .send(await writeImportTemplate('Tài khoản', USER_SHEET_HEADERS, [example]));
    },
  );

  app.get(
    '/campaigns/:id/figures/import-template',
    {
      config: { access: FIGURE_SUPPLIERS, tokenScopes: ['figures:write'] },
      schema: {
        tags: ['campaigns'],
        summary: 'Tệp mẫu nhập số liệu cung cấp: các cột và dòng ví dụ (đơn vị cung cấp số liệu)',
        params: idParams,
      },
    },
    async (request, reply) => {
      const who = whoIs(request);
      await loadCampaignForSupply(deps.db, who, request.params.id);
      const example = await figuresExample(deps.db, request.params.id);
      return reply
        .headers(xlsx('mau-nhap-so-lieu.xlsx'))
        .send(await writeImportTemplate('Số liệu', FIGURE_SHEET_HEADERS, example));
    },
  );
}

async function figuresExample(db: Db, campaignId: string): Promise<string[][]> {
  const first = await firstOpenParticipant(db, campaignId);
  if (!first) return [];
  const def = await loadDefinition(db, first.frameworkId);
  const item = def ? exampleItem(def.definition.nodes) : null;
  return item
    ? item.inputs.map(([name, value]) => [first.code, item.code, name, value, 'Tên cơ quan cung cấp số liệu'])
    : [];
}
