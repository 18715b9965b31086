// POST /org-units, PATCH /org-units/{id}, POST /org-units/{id}/move, POST /org-units/{id}/deactivate.
import { createUnit } from '../../../app/org-units/create-unit.ts';
import { deactivateUnit } from '../../../app/org-units/deactivate-unit.ts';
import { moveUnit } from '../../../app/org-units/move-unit.ts';
import { updateUnit } from '../../../app/org-units/update-unit.ts';
import { presentOrgUnit, todayInVietnam } from '../../../app/presenters/org-unit.ts';
import { type App, type ServerDeps, whoIs } from '../../http/route-types.ts';
import { idParams } from '../../../contract/common.ts';
import {
  createUnitBody,
  deactivateUnitBody,
  moveUnitBody,
  orgUnitSchema,
  updateUnitBody,
} from '../../../contract/org-units.ts';
import { serverNow } from '../server-now.ts';
import { DX_OFFICE } from '../../http/route-access.ts';

export function registerWriteOrgUnits(app: App, deps: ServerDeps) {
  app.post(
    '/org-units',
    {
      config: { access: DX_OFFICE },
      schema: { tags: ['org-units'], summary: 'Thêm đơn vị', body: createUnitBody, response: { 201: orgUnitSchema } },
    },
    async (request, reply) => {
      const who = whoIs(request);
      const row = await createUnit(deps.db, who, request.body);
      return reply.status(201).send(presentOrgUnit(row, who.actor, todayInVietnam(serverNow(deps))));
    },
  );

  app.patch(
    '/org-units/:id',
    {
      config: { access: DX_OFFICE },
      schema: {
        tags: ['org-units'],
        summary: 'Sửa đơn vị',
        params: idParams,
        body: updateUnitBody,
        response: { 200: orgUnitSchema },
      },
    },
    async (request) => {
      const who = whoIs(request);
      const now = serverNow(deps);
      const row = await updateUnit(deps.db, { who, id: request.params.id, input: request.body, now });
      return presentOrgUnit(row, who.actor, todayInVietnam(now));
    },
  );

  app.post(
    '/org-units/:id/move',
    {
      config: { access: DX_OFFICE },
      schema: {
        tags: ['org-units'],
        summary: 'Chuyển đơn vị sang đơn vị cấp trên khác',
        params: idParams,
        body: moveUnitBody,
        response: { 200: orgUnitSchema },
      },
    },
    async (request) => {
      const who = whoIs(request);
      const now = serverNow(deps);
      const row = await moveUnit(deps.db, { who, id: request.params.id, input: request.body, now });
      return presentOrgUnit(row, who.actor, todayInVietnam(now));
    },
  );

  app.post(
    '/org-units/:id/deactivate',
    {
      config: { access: DX_OFFICE },
      schema: {
        tags: ['org-units'],
        summary: 'Ngừng hoạt động đơn vị',
        params: idParams,
        body: deactivateUnitBody,
        response: { 200: orgUnitSchema },
      },
    },
    async (request) => {
      const who = whoIs(request);
      const now = serverNow(deps);
      const row = await deactivateUnit(deps.db, { who, id: request.params.id, input: request.body, now });
      return presentOrgUnit(row, who.actor, todayInVietnam(now));
    },
  );
}
