// GET /dashboards/overview — the leaders' and DX offices' overview, limited to the units their grants
// reach: open campaigns' progress (submitted, late, not started, in progress — per group and per
// district, from the progress page's query), and for published campaigns the band distribution, the
// main-indicator averages per group and the comparison with the same owner's previous year.
import type { SQL } from 'drizzle-orm';
import { type CampaignRules } from '../../../core/campaign/index.ts';
import { holdsAnyRole, isSystemAdmin } from '../../../core/policy/index.ts';
import { bandDistribution } from '../../../core/results/index.ts';
import type { Db } from '../../../db/client.ts';
import { type ProgressRow, campaignProgress } from '../../../app/assessments/progress-lists.ts';
import { formStageOf } from '../../../core/campaign/index.ts';
import { loadCampaignGroups } from '../../../db/queries/campaigns.ts';
import { type DashboardCampaign, campaignsWithUnits, previousPublished } from '../../../db/queries/dashboards.ts';
import {
  DASHBOARD_ROLES,
  parentsOf,
  unitColumn,
  unitIdReached,
  unitIdsInScope,
} from '../../../db/queries/dashboards-scope.ts';
import type { ScopedActor } from '../../../db/queries/org-units.ts';
import { OperationError } from '../../../app/errors.ts';
import { type App, type ServerDeps, whoIs } from '../../http/route-types.ts';
import { timingFor } from '../../../app/presenters/assessment.ts';
import { serverNow } from '../server-now.ts';
import { indicatorAverages } from '../../../app/dashboards/present.ts';
import { loadPublishedSets } from '../../../app/dashboards/result-set.ts';
import { campaignRef } from '../../../app/dashboards/campaign-ref.ts';
import { compareSets, summariseComparison } from '../../../app/dashboards/year-compare.ts';
import type { CampaignProgress, CampaignResultsSummary, Overview } from '../../../contract/dashboard-pages.ts';

type Counts = { total: number; submitted: number; late: number; notStarted: number; inProgress: number };
const zero = (): Counts => ({ total: 0, submitted: 0, late: 0, notStarted: 0, inProgress: 0 });

// The same definitions as the progress page's summary (routes/campaigns/progress.ts).
function add(c: Counts, r: ProgressRow) {
  c.total++;
  const stage = formStageOf({ status: r.status, answered: r.itemsAnswered });
  if (stage === 'submitted') c.submitted++;
  else if (stage === 'not_started') c.notStarted++;
  else c.inProgress++;
  if ((r.daysLate ?? 0) > 0) c.late++;
}

async function progressOf(
  db: Db,
  actor: ScopedActor,
  open: DashboardCampaign[],
  now: Date,
): Promise<CampaignProgress[]> {
  const readable: SQL = unitIdReached(actor, DASHBOARD_ROLES, unitColumn('assessments'));
  const groups = await loadCampaignGroups(
    db,
    open.map((c) => c.id),
  );
  const perCampaign = [];
  for (const c of open) perCampaign.push({ c, rows: await campaignProgress(db, c.id, { readable }) });
  const parents = await parentsOf(db, [...new Set(perCampaign.flatMap((p) => p.rows.map((r) => r.unit.id)))]);
  return perCampaign.map(({ c, rows }) => {
    const summary = zero();
    const byGroup = new Map<string, Counts>();
    const byDistrict = new Map<
      string,
      { district: { id: string; code: string; name: string } | null; counts: Counts }
    >();
    // Past the deadline without a submission (late or not submitted by the rules).
    let overdue = 0;
    for (const r of rows) {
      add(summary, r);
      add(byGroup.get(r.groupId) ?? byGroup.set(r.groupId, zero()).get(r.groupId)!, r);
      const d = parents.get(r.unit.id) ?? null;
      const key = d?.id ?? '';
      add((byDistrict.get(key) ?? byDistrict.set(key, { district: d, counts: zero() }).get(key)!).counts, r);
      if (
        r.status !== 'submitted' &&
        timingFor({ campaign: c, deadline: r.deadline, submittedAt: null, now }).timing !== 'pending'
      )
        overdue++;
    }
    return {
      campaign: campaignRef(c),
      summary: { ...summary, overdue },
      groups: (groups.get(c.id) ?? [])
        .filter((g) => byGroup.has(g.id))
        .map((g) => ({ group: { id: g.id, name: g.name }, deadline: g.deadlineSelfAssessment, ...byGroup.get(g.id)! })),
      districts: [...byDistrict.values()]
        .sort((a, b) => (a.district?.code ?? '').localeCompare(b.district?.code ?? ''))
        .map((d) => ({ district: d.district, ...d.counts })),
    };
  });
}

async function resultsOf(
  db: Db,
  actor: ScopedActor,
  published: DashboardCampaign[],
): Promise<CampaignResultsSummary[]> {
  const scope = await unitIdsInScope(db, actor, DASHBOARD_ROLES);
  const inScope = (id: string) => !scope || scope.has(id);
  const sets = await loadPublishedSets(db, published);
  const out: CampaignResultsSummary[] = [];
  for (const c of published) {
    const set = sets.get(c.id);
    if (!set) continue;
    const groups = set.groups
      .map((g) => ({ g, results: g.entries.filter((e) => inScope(e.unitId)).map((e) => e.result) }))
      .filter((x) => x.results.length > 0);
    let lastYear: CampaignResultsSummary['lastYear'] = null;
    const prevCampaign = c.kind === 'annual' ? await previousPublished(db, c) : null;
    const prev = prevCampaign ? (await loadPublishedSets(db, [prevCampaign])).get(prevCampaign.id) : undefined;
    if (prevCampaign && prev)
      lastYear = {
        campaign: campaignRef(prevCampaign),
        groups: (
          await compareSets(db, {
            current: set,
            previous: prev,
            inScope,
            kinds: { current: c.kind, previous: prevCampaign.kind },
          })
        )
          .filter((x) => x.units.length > 0)
          .map(summariseComparison),
      };
    out.push({
      campaign: campaignRef(c),
      snapshot: set.snapshot,
      // A progress round has no band distribution (ranking-applies.ts): none is sent for it.
      distribution: set.classification.classified
        ? groups.map(({ g, results }) => ({
            group: { id: g.id, name: g.name },
            ...bandDistribution(results, (set.rules as CampaignRules).bands),
          }))
        : [],
      mainIndicatorAverages: groups.map(({ g, results }) => {
        const avg = indicatorAverages(results);
        return {
          group: { id: g.id, name: g.name },
          indicators: g.definition.nodes.map((n) => ({
            code: n.code,
            title: n.title,
            averagePercent: avg.get(n.code) ?? null,
          })),
        };
      }),
      lastYear,
    });
  }
  return out;
}

export function registerOverview(app: App, deps: ServerDeps) {
  app.get(
    '/dashboards/overview',
    {
      config: { access: 'signed-in', tokenScopes: ['results:read'] },
      schema: {
        tags: ['dashboards'],
        summary: 'Tổng quan: tiến độ các kỳ đang mở, phân bố xếp loại, trung bình chỉ số chính, so sánh với năm trước',
      },
    },
    async (request): Promise<Overview> => {
      const { actor } = whoIs(request);
      if (!isSystemAdmin(actor) && !holdsAnyRole(actor, DASHBOARD_ROLES))
        throw new OperationError(
          'FORBIDDEN',
          'Trang tổng quan dành cho lãnh đạo và cơ quan chuyên trách chuyển đổi số.',
        );
      const units = unitIdReached(actor, DASHBOARD_ROLES, unitColumn('a'));
      const open = await campaignsWithUnits(deps.db, ['open'], units);
      const published = await campaignsWithUnits(deps.db, ['published', 'archived'], units, 5);
      return {
        progress: await progressOf(deps.db, actor, open, serverNow(deps)),
        results: await resultsOf(deps.db, actor, published),
      };
    },
  );
}
