// Shared setup of the appraisal benchmarks: a province with N communes on a generated N-item set (10
// main indicators × items/10, manual and yes/no), every unit's items filled and submitted set-wise, the
// campaign under appraisal, a council whose chair has a ready session, and one evidence document per
// tenth item (a few with bytes shared across units, so the duplicate check has work).
import { sql } from 'drizzle-orm';
import type { FrameworkDefinition, FrameworkNode } from '../../src/core/framework/index.ts';
import type { Database } from '../../src/db/client.ts';
import { rowsOf } from '../../src/db/queries/assessments.ts';
import { createSession } from '../../src/db/queries/sessions.ts';
import { textArray, uuidArray } from '../../src/db/queries/sql-arrays.ts';
import { users } from '../../src/db/schema/accounts.ts';
import { appraisalBodies, appraisalMembers } from '../../src/db/schema/appraisal.ts';
import { type BenchCampaign, type Session, openBenchCampaign, seedProvince } from './campaign-bench.ts';

export function generatedSet(items: number): FrameworkDefinition {
  const per = Math.max(1, Math.round(items / 10));
  const nodes: FrameworkNode[] = [];
  for (let g = 1; g <= 10; g++) {
    const children: FrameworkNode[] = [];
    for (let i = 1; i <= per; i++)
      children.push({
        code: `${g}.${i}`,
        title: `Chỉ số ${g}.${i}`,
        maxPoints: 10,
        method: i % 2 ? { kind: 'manual', step: 0.5 } : { kind: 'yesno' },
        evidenceRequired: i % 5 === 0,
      });
    nodes.push({ code: String(g), title: `Chỉ số chính ${g}`, maxPoints: per * 10, children });
  }
  return {
    code: 'do-tai-tham-dinh',
    name: 'Bộ chỉ số đo tải thẩm định',
    decision: { number: 'Đo tải', issuer: 'Bench' },
    appliesTo: { unitTypes: ['commune'] },
    illustrative: true,
    nodes,
  };
}

export interface AppraisalBench extends BenchCampaign {
  groupId: string;
  codes: string[];
  chair: Session;
  chairId: string;
}

export async function setupAppraisal(database: Database, units: number, items: number): Promise<AppraisalBench> {
  const db = database.db;
  await seedProvince(database, units);
  const def = generatedSet(items);
  const campaign = await openBenchCampaign(database, def, 'Đo tải thẩm định', '2099-12-31');
  const codes = def.nodes.flatMap((n) => n.children!.map((c) => c.code));
  const ids = campaign.assessments.map((a) => a.id);
  // Every unit's items, set-wise: yes/no answered yes (10 points), manual 5.
  await db.execute(sql`insert into assessment_items (assessment_id, code, inputs, self_score, explanation, version)
    select a.id, c.code, case when c.n % 2 = 0 then '{"yes": true}'::jsonb else '{}'::jsonb end, case when c.n % 2 = 0 then 10 else 5 end, 'Theo báo cáo', 1
    from unnest(${uuidArray(ids)}) as a(id) cross join unnest(${textArray(codes)}) with ordinality as c(code, n)`);
  await db.execute(
    sql`update assessments set status = 'submitted', submitted_at = now(), submission_channel = 'system', days_late = 0, penalty_points = 0 where campaign_id = ${campaign.campaignId}::uuid`,
  );
  await db.execute(sql`update campaigns set status = 'under_appraisal' where id = ${campaign.campaignId}::uuid`);
  // Evidence: one document per tenth item; units in pairs share the same bytes (duplicates to flag).
  await db.execute(sql`insert into stored_files (sha256, size, mime_type)
    select md5(a.unit_id::text || 'x') || md5(a.unit_id::text), 1000, 'application/pdf' from assessments a where a.campaign_id = ${campaign.campaignId}::uuid on conflict do nothing`);
  await db.execute(sql`with docs as (insert into evidence_documents (unit_id, sha256, file_name)
      select a.unit_id, md5(a.unit_id::text || 'x') || md5(a.unit_id::text), 'bao-cao.pdf' from assessments a where a.campaign_id = ${campaign.campaignId}::uuid returning id, unit_id)
    insert into item_evidence (assessment_id, code, evidence_id)
    select a.id, c.code, d.id from docs d join assessments a on a.unit_id = d.unit_id and a.campaign_id = ${campaign.campaignId}::uuid
    cross join unnest(${textArray(codes.filter((_, i) => i % 10 === 0))}) as c(code)`);
  await db.execute(sql`insert into evidence_documents (unit_id, sha256, file_name)
    select (select unit_id from assessments where campaign_id = ${campaign.campaignId}::uuid order by unit_id offset 1 limit 1), sf.sha256, 'ban-sao.pdf'
    from stored_files sf limit 20`);
  const groupId = rowsOf<{ id: string }>(
    await db.execute(sql`select id from campaign_groups where campaign_id = ${campaign.campaignId}::uuid`),
  )[0]!.id;
  const [body] = await db
    .insert(appraisalBodies)
    .values({ campaignGroupId: groupId, kind: 'council', name: 'Hội đồng đo tải' })
    .returning();
  const [u] = await db
    .insert(users)
    .values({ username: 'chutich', fullName: 'Chủ tịch đo tải', fullNameFolded: 'chu tich do tai', passwordHash: 'x' })
    .returning();
  await db.insert(appraisalMembers).values({
    bodyId: body!.id,
    userId: u!.id,
    position: 'chair',
    assignment: { nodeCodes: [], domains: [], unitIds: [] },
  });
  const s = await createSession(db, { userId: u!.id, ttlHours: 12 });
  return {
    ...campaign,
    groupId,
    codes,
    chair: { cookie: `thuocdo_sid=${s.token}`, csrf: s.csrfToken },
    chairId: u!.id,
  };
}
