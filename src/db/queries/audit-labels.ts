// Names for the audit log (issue 14 §6): who did what to which unit and item, in people's words — the
// unit's name, the campaign, the item code, the account's or document's name — resolved in a few batched
// reads per page, never one per entry. Object ids of the log stay ids; this only adds what people read.
import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { users } from '../schema/accounts.ts';
import { appraisalBodies } from '../schema/appraisal.ts';
import { assessments, campaignGroups, campaigns } from '../schema/campaigns.ts';
import { evidenceDocuments } from '../schema/evidence.ts';
import { frameworks } from '../schema/frameworks.ts';
import { orgUnits, unitGroups } from '../schema/org.ts';
import { auditObjectRef } from '../../core/audit/object-id.ts';

/** Where the client links an entry's object (its own page), by kind and id. */
export type AuditLinkKind = 'assessment' | 'campaign' | 'user' | 'org_unit' | 'framework' | 'unit_group';

export interface AuditObjectLabel {
  /** The object's own name (unit, campaign, account, index set, document, council…); null when gone. */
  name: string | null;
  /** The item (chỉ số) an item-level entry is about. */
  itemCode: string | null;
  /** The campaign the object belongs to, for assessments, groups and councils. */
  campaignName: string | null;
  link: { kind: AuditLinkKind; id: string } | null;
}

export interface AuditRowRef {
  id: number;
  objectType: string;
  objectId: string;
  unitId: string | null;
}

async function byIds<T>(ids: Set<string>, load: (ids: string[]) => Promise<T[]>): Promise<T[]> {
  return ids.size === 0 ? [] : load([...ids]);
}

export async function auditLabels(
  db: Db,
  rows: readonly AuditRowRef[],
): Promise<{ units: Map<string, string>; objects: Map<number, AuditObjectLabel> }> {
  const want = {
    unit: new Set<string>(),
    assessment: new Set<string>(),
    campaign: new Set<string>(),
    group: new Set<string>(),
    user: new Set<string>(),
    framework: new Set<string>(),
    unitGroup: new Set<string>(),
    evidence: new Set<string>(),
    body: new Set<string>(),
  };
  for (const r of rows) {
    if (r.unitId) want.unit.add(r.unitId);
    const { id } = auditObjectRef(r.objectId);
    if (!id) continue;
    const t = r.objectType;
    if (t === 'assessment' || t === 'assessment_item') want.assessment.add(id);
    else if (t === 'campaign' || t === 'snapshot') want.campaign.add(id);
    else if (t === 'campaign_group') want.group.add(id);
    else if (t === 'user') want.user.add(id);
    else if (t === 'org_unit') want.unit.add(id);
    else if (t === 'framework') want.framework.add(id);
    else if (t === 'unit_group') want.unitGroup.add(id);
    else if (t === 'evidence') want.evidence.add(id);
    else if (t === 'appraisal_body') want.body.add(id);
  }
  const assessmentRows = await byIds(want.assessment, (ids) =>
    db
      .select({ id: assessments.id, unitName: orgUnits.name, campaignId: campaigns.id, campaignName: campaigns.name })
      .from(assessments)
      .innerJoin(orgUnits, eq(orgUnits.id, assessments.unitId))
      .innerJoin(campaigns, eq(campaigns.id, assessments.campaignId))
      .where(inArray(assessments.id, ids)),
  );
  const groupRows = await byIds(want.group, (ids) =>
    db
      .select({
        id: campaignGroups.id,
        name: campaignGroups.name,
        campaignId: campaigns.id,
        campaignName: campaigns.name,
      })
      .from(campaignGroups)
      .innerJoin(campaigns, eq(campaigns.id, campaignGroups.campaignId))
      .where(inArray(campaignGroups.id, ids)),
  );
  const bodyRows = await byIds(want.body, (ids) =>
    db
      .select({
        id: appraisalBodies.id,
        name: appraisalBodies.name,
        campaignId: campaigns.id,
        campaignName: campaigns.name,
      })
      .from(appraisalBodies)
      .innerJoin(campaignGroups, eq(campaignGroups.id, appraisalBodies.campaignGroupId))
      .innerJoin(campaigns, eq(campaigns.id, campaignGroups.campaignId))
      .where(inArray(appraisalBodies.id, ids)),
  );
  const named = async (
    ids: Set<string>,
    table: typeof campaigns | typeof frameworks | typeof unitGroups | typeof orgUnits,
  ): Promise<Map<string, string>> =>
    new Map(
      (
        await byIds(ids, (list) =>
          db.select({ id: table.id, name: table.name }).from(table).where(inArray(table.id, list)),
        )
      ).map((r) => [r.id, r.name]),
    );
  const units = await named(want.unit, orgUnits);
  const campaignNames = await named(want.campaign, campaigns);
  const frameworkNames = await named(want.framework, frameworks);
  const unitGroupNames = await named(want.unitGroup, unitGroups);
  const userNames = new Map(
    (
      await byIds(want.user, (ids) =>
        db.select({ id: users.id, name: users.fullName }).from(users).where(inArray(users.id, ids)),
      )
    ).map((r) => [r.id, r.name]),
  );
  const evidenceNames = new Map(
    (
      await byIds(want.evidence, (ids) =>
        db
          .select({
            id: evidenceDocuments.id,
            fileName: evidenceDocuments.fileName,
            url: evidenceDocuments.url,
            summary: evidenceDocuments.summary,
          })
          .from(evidenceDocuments)
          .where(inArray(evidenceDocuments.id, ids)),
      )
    ).map((r) => [r.id, r.fileName ?? r.summary ?? r.url ?? null]),
  );
  const assessmentsById = new Map(assessmentRows.map((r) => [r.id, r]));
  const groupsById = new Map(groupRows.map((r) => [r.id, r]));
  const bodiesById = new Map(bodyRows.map((r) => [r.id, r]));

  const objects = new Map<number, AuditObjectLabel>();
  for (const r of rows) {
    const { id, code } = auditObjectRef(r.objectId);
    const label: AuditObjectLabel = { name: null, itemCode: null, campaignName: null, link: null };
    if (id) {
      switch (r.objectType) {
        case 'assessment':
        case 'assessment_item': {
          const a = assessmentsById.get(id);
          if (a)
            Object.assign(label, { name: a.unitName, campaignName: a.campaignName, link: { kind: 'assessment', id } });
          label.itemCode = r.objectType === 'assessment_item' ? code : null;
          break;
        }
        case 'campaign':
        case 'snapshot':
          label.name = campaignNames.get(id) ?? null;
          if (label.name) label.link = { kind: 'campaign', id };
          break;
        case 'campaign_group': {
          const g = groupsById.get(id);
          if (g)
            Object.assign(label, {
              name: g.name,
              campaignName: g.campaignName,
              link: { kind: 'campaign', id: g.campaignId },
            });
          label.itemCode = code;
          break;
        }
        case 'appraisal_body': {
          const b = bodiesById.get(id);
          if (b)
            Object.assign(label, {
              name: b.name,
              campaignName: b.campaignName,
              link: { kind: 'campaign', id: b.campaignId },
            });
          break;
        }
        case 'user':
          label.name = userNames.get(id) ?? null;
          if (label.name) label.link = { kind: 'user', id };
          break;
        case 'org_unit':
          label.name = units.get(id) ?? null;
          if (label.name) label.link = { kind: 'org_unit', id };
          break;
        case 'framework':
          label.name = frameworkNames.get(id) ?? null;
          if (label.name) label.link = { kind: 'framework', id };
          break;
        case 'unit_group':
          label.name = unitGroupNames.get(id) ?? null;
          if (label.name) label.link = { kind: 'unit_group', id };
          break;
        case 'evidence':
          label.name = evidenceNames.get(id) ?? null;
          break;
      }
    }
    objects.set(r.id, label);
  }
  return { units, objects };
}
