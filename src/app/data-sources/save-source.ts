// Creating and changing a data source (the DX office of its owner unit). Checked before anything is
// written: the URL template (HTTPS; the loopback address over plain HTTP only when the configuration allows
// it, for tests), the body template (JSON once expanded), the header name, the field mapping (each item
// input once), the unit mapping (units under the owner) and the campaign (one the office reaches). The
// token is sealed (source-access.ts) and never returned. Audited in the same transaction, without the token.
import {
  type FieldMapping,
  type PeriodKind,
  type ProfileCode,
  type SourceSchedule,
  TemplateError,
  checkUrlTemplate,
  expandBody,
  periodValues,
  placeholdersOf,
  withProfileRanges,
} from '../../core/data-sources/index.ts';
import { writeAudit } from '../../db/audit/write-audit.ts';
import type { Db } from '../../db/client.ts';
import { findReadableCampaign } from '../../db/queries/campaigns.ts';
import {
  findReachedSource,
  insertSource,
  latestRunsOf,
  lockSource,
  unitIdsUnder,
  updateSourceRow,
} from '../../db/queries/data-sources.ts';
import { findReadableUnit } from '../../db/queries/org-units.ts';
import { OperationError, notFound, versionConflict } from '../errors.ts';
import type { KeySecrets } from '../publication/key-secret.ts';
import { presentSource } from './present-source.ts';
import { type SourceWho, loadSourceForManage, requireOfficeOver, sealToken } from './source-access.ts';

export interface SourceInput {
  name: string;
  owningSystem: string;
  profile: ProfileCode;
  method: 'GET' | 'POST';
  urlTemplate: string;
  bodyTemplate: string | null;
  authHeader: string | null;
  /** undefined: keep the saved token; null: remove it. */
  authToken?: string | null | undefined;
  schedule: SourceSchedule;
  periodKind: PeriodKind;
  format: 'json' | 'csv';
  recordsPath: string;
  unitIdField: string;
  unitNameField: string | null;
  matchByCode: boolean;
  /** The source's identifier → our unit id, or null (known, not assessed here). */
  unitMapping: Record<string, string | null>;
  fieldMapping: FieldMapping[];
  campaignId: string | null;
  active: boolean;
}

export interface SaveOptions {
  secrets: KeySecrets;
  allowLoopbackHttp: boolean;
  now: Date;
}

const invalid = (path: string, message: string, code?: string) =>
  new OperationError('VALIDATION_FAILED', message, { issues: [{ path, message, ...(code ? { code } : {}) }] });

function checkTemplates(input: SourceInput, allowLoopbackHttp: boolean): void {
  try {
    checkUrlTemplate(input.urlTemplate, allowLoopbackHttp);
  } catch (err) {
    if (!(err instanceof TemplateError)) throw err;
    const message =
      err.code === 'URL_NOT_HTTPS'
        ? 'Địa chỉ nguồn dữ liệu phải dùng HTTPS.'
        : err.code === 'UNKNOWN_PLACEHOLDER'
          ? `Tham số {${err.params.name}} không được hỗ trợ (dùng {year}, {quarter}, {month}, {timeType}, {period}, {unitCode}).`
          : 'Địa chỉ nguồn dữ liệu không hợp lệ.';
    throw invalid('/urlTemplate', message, err.code);
  }
  if (input.bodyTemplate) {
    try {
      placeholdersOf(input.bodyTemplate);
      expandBody(input.bodyTemplate, { ...periodValues({ kind: 'month', year: 2026, number: 1 }), unitCode: 'X' });
    } catch (err) {
      if (!(err instanceof TemplateError)) throw err;
      throw invalid('/bodyTemplate', 'Nội dung yêu cầu phải là JSON hợp lệ sau khi điền tham số.', err.code);
    }
  }
  if (input.authHeader && !/^[A-Za-z0-9-]{1,64}$/.test(input.authHeader))
    throw invalid('/authHeader', 'Tên trường tiêu đề xác thực chỉ gồm chữ, số và dấu gạch ngang.');
  const seen = new Set<string>();
  input.fieldMapping.forEach((f, i) => {
    const key = `${f.itemCode} ${f.input}`;
    if (seen.has(key))
      throw invalid(`/fieldMapping/${i}`, `Chỉ số ${f.itemCode} (${f.input}) đã được gán cho một trường khác.`);
    seen.add(key);
    if (f.min != null && f.max != null && f.min > f.max)
      throw invalid(`/fieldMapping/${i}/min`, 'Giá trị nhỏ nhất lớn hơn giá trị lớn nhất.');
  });
}

async function checkReferences(db: Db, who: SourceWho, ownerPath: string, input: SourceInput): Promise<void> {
  const ids = [...new Set(Object.values(input.unitMapping).filter((v): v is string => v !== null))];
  if (ids.length > 0) {
    const found = await unitIdsUnder(db, ownerPath, ids);
    if (found.length !== ids.length)
      throw invalid('/unitMapping', 'Có đơn vị được ghép không thuộc phạm vi của đơn vị sở hữu nguồn dữ liệu.');
  }
  if (input.campaignId) {
    const c = await findReadableCampaign(db, who.actor, input.campaignId);
    if (!c) throw invalid('/campaignId', 'Không tìm thấy kỳ đánh giá.');
    requireOfficeOver(who.actor, { id: c.campaign.ownerUnitId, path: c.ownerPath });
  }
}

function values(input: SourceInput, o: SaveOptions) {
  return {
    name: input.name.normalize('NFC'),
    owningSystem: input.owningSystem.normalize('NFC'),
    profile: input.profile,
    method: input.method,
    urlTemplate: input.urlTemplate,
    bodyTemplate: input.bodyTemplate || null,
    authHeader: input.authHeader || null,
    schedule: input.schedule,
    periodKind: input.periodKind,
    format: input.format,
    recordsPath: input.recordsPath,
    unitIdField: input.unitIdField,
    unitNameField: input.unitNameField || null,
    matchByCode: input.matchByCode,
    unitMapping: input.unitMapping,
    fieldMapping: withProfileRanges(input.profile, input.fieldMapping).map((f) => ({
      field: f.field,
      itemCode: f.itemCode,
      input: f.input,
      ...(f.label ? { label: f.label.normalize('NFC') } : {}),
      min: f.min ?? null,
      max: f.max ?? null,
    })),
    campaignId: input.campaignId,
    active: input.active,
    ...(input.authToken !== undefined
      ? { authTokenEncrypted: input.authToken ? sealToken(input.authToken, o.secrets) : null }
      : {}),
    updatedAt: o.now,
  };
}

/** What the audit keeps of a source: everything but the token (only whether one is set). */
function audited(v: Record<string, unknown>) {
  const { authTokenEncrypted, ...rest } = v;
  return { ...rest, hasToken: authTokenEncrypted !== undefined ? authTokenEncrypted !== null : undefined };
}

export async function createSource(
  db: Db,
  o: SaveOptions & { who: SourceWho; ownerUnitId: string; input: SourceInput },
) {
  const { who, ownerUnitId, input } = o;
  checkTemplates(input, o.allowLoopbackHttp);
  return db.transaction(async (tx) => {
    const owner = await findReadableUnit(tx, who.actor, ownerUnitId);
    if (!owner) throw notFound('Không tìm thấy đơn vị.');
    requireOfficeOver(who.actor, owner);
    await checkReferences(tx, who, owner.path, input);
    const v = values(input, o);
    const row = await insertSource(tx, {
      ...v,
      ownerUnitId,
      createdBy: who.userId,
      updatedBy: who.userId,
      createdAt: o.now,
    });
    await writeAudit(tx, who.audit, {
      action: 'data_source.create',
      objectType: 'data_source',
      objectId: row.id,
      unitId: ownerUnitId,
      after: audited(v),
    });
    return presentSource((await findReachedSource(tx, who.actor, row.id))!, null);
  });
}

export async function updateSource(
  db: Db,
  o: SaveOptions & { who: SourceWho; id: string; input: SourceInput & { version: number } },
) {
  const { who, id, input } = o;
  checkTemplates(input, o.allowLoopbackHttp);
  return db.transaction(async (tx) => {
    const current = await loadSourceForManage(tx, who, id);
    await lockSource(tx, id);
    if (current.source.version !== input.version)
      throw versionConflict(presentSource(current, (await latestRunsOf(tx, [id])).get(id) ?? null));
    await checkReferences(tx, who, current.ownerPath, input);
    const v = values(input, o);
    await updateSourceRow(tx, id, { ...v, updatedBy: who.userId, version: current.source.version + 1 });
    const { authTokenEncrypted: _, ...before } = current.source;
    await writeAudit(tx, who.audit, {
      action: 'data_source.update',
      objectType: 'data_source',
      objectId: id,
      unitId: current.source.ownerUnitId,
      before: { ...before, hasToken: current.source.authTokenEncrypted !== null },
      after: audited(v),
    });
    const after = (await findReachedSource(tx, who.actor, id))!;
    return presentSource(after, (await latestRunsOf(tx, [id])).get(id) ?? null);
  });
}

/**
 * Places identifiers the source sent (the review of unknown identifiers): each one mapped to a unit under the
 * owner, or ignored (null: known, not assessed here). Merged into the saved mapping; audited.
 */
export async function mapSourceUnits(
  db: Db,
  o: { who: SourceWho; id: string; entries: { sourceUnitId: string; unitId: string | null }[]; now: Date },
) {
  const { who, id, entries, now } = o;
  return db.transaction(async (tx) => {
    const current = await loadSourceForManage(tx, who, id);
    await lockSource(tx, id);
    const unitMapping = { ...current.source.unitMapping };
    for (const e of entries) unitMapping[e.sourceUnitId.trim().normalize('NFC')] = e.unitId;
    await checkReferences(tx, who, current.ownerPath, {
      unitMapping: Object.fromEntries(entries.map((e) => [e.sourceUnitId, e.unitId])),
      campaignId: null,
    } as SourceInput);
    await updateSourceRow(tx, id, {
      unitMapping,
      updatedAt: now,
      updatedBy: who.userId,
      version: current.source.version + 1,
    });
    await writeAudit(tx, who.audit, {
      action: 'data_source.map_units',
      objectType: 'data_source',
      objectId: id,
      unitId: current.source.ownerUnitId,
      after: { entries },
    });
    const after = (await findReachedSource(tx, who.actor, id))!;
    return presentSource(after, (await latestRunsOf(tx, [id])).get(id) ?? null);
  });
}
