// GET /dashboards/unit/{unitId}?campaignId= — one unit's page: its result (from the snapshot once
// published; live and provisional during appraisal), per main indicator against the group average,
// gap analysis (points to each higher band, items ranked by points still available), the comparison
// with last year and its history across published campaigns.
import { flattenNodes } from '../../../core/framework/index.ts';
import { gapAnalysis } from '../../../core/results/index.ts';
import { previousPublished } from '../../../db/queries/dashboards.ts';
import { UNIT_PAGE_ROLES } from '../../../db/queries/dashboards-scope.ts';
import { type App, type ServerDeps, whoIs } from '../../http/route-types.ts';
import { UNAVAILABLE_LABELS, campaignOr404, resultsUnavailable, unitOr404 } from '../../../app/dashboards/access.ts';
import { publishedHistory } from '../../../app/dashboards/history.ts';
import { indicatorAverages, mainIndicators, presentGap, unitSummary } from '../../../app/dashboards/present.ts';
import { findEntry, loadPublishedSets, loadResultSet } from '../../../app/dashboards/result-set.ts';
import { campaignQuery, campaignRef, unitIdParams } from '../../../app/dashboards/campaign-ref.ts';
import { compareSets } from '../../../app/dashboards/year-compare.ts';
import type { UnitDashboard } from '../../../contract/dashboard-pages.ts';

export function registerUnitPage(app: App, deps: ServerDeps) {
  app.get(
    '/dashboards/unit/:unitId',
    {
      config: { access: 'signed-in', tokenScopes: ['results:read'] },
      schema: {
        tags: ['dashboards'],
        summary: 'Trang kết quả của một đơn vị: điểm, chỉ số chính, khoảng cách tới mức xếp loại cao hơn, lịch sử',
        params: unitIdParams,
        querystring: campaignQuery,
      },
    },
    async (request): Promise<UnitDashboard> => {
      const { actor } = whoIs(request);
      const unit = await unitOr404(deps.db, { actor, unitId: request.params.unitId, roles: UNIT_PAGE_ROLES });
      const campaign = await campaignOr404(deps.db, { unitId: unit.id, campaignId: request.query.campaignId });
      const history = await publishedHistory(deps.db, unit.id);
      const base = {
        unit: { id: unit.id, code: unit.code, name: unit.name },
        campaign: campaignRef(campaign),
        history,
      };
      const unavailable = await resultsUnavailable(deps.db, actor, campaign);
      const set = unavailable ? null : await loadResultSet(deps.db, campaign);
      const found = set ? findEntry(set, unit.id) : null;
      if (!set || !found) {
        const reason = unavailable ?? 'not_appraised';
        return {
          ...base,
          source: null,
          provisional: false,
          result: null,
          unavailable: { reason, message: UNAVAILABLE_LABELS[reason] },
          mainIndicators: [],
          gap: null,
          lastYear: null,
        };
      }
      const { group, entry } = found;
      const titles = new Map(flattenNodes(group.definition).map((f) => [f.code, f.node.title]));
      let lastYear: UnitDashboard['lastYear'] = null;
      // A progress round is compared with its previous round and annual result on its results page, not
      // ranked against last year; nor has it a band to reach (ranking-applies.ts).
      const ranked = set.classification.ranked;
      const prevCampaign = ranked ? await previousPublished(deps.db, campaign) : null;
      const prev = prevCampaign ? (await loadPublishedSets(deps.db, [prevCampaign])).get(prevCampaign.id) : undefined;
      if (prevCampaign && prev) {
        const [cmp] = await compareSets(deps.db, {
          current: { ...set, groups: [group] },
          previous: prev,
          inScope: (id) => id === unit.id,
          kinds: { current: campaign.kind, previous: prevCampaign.kind },
        });
        const u = cmp?.units[0];
        if (u)
          lastYear = {
            campaign: campaignRef(prevCampaign),
            mappings: cmp.mappings,
            ...u,
            indicators: u.indicators.map((i) => ({ ...i, title: titles.get(i.code) ?? i.code })),
          };
      }
      return {
        ...base,
        source: set.source,
        provisional: set.provisional,
        snapshot: set.snapshot,
        result: unitSummary(entry, group),
        unavailable: null,
        mainIndicators: mainIndicators(entry.result, indicatorAverages(group.entries.map((e) => e.result))),
        gap: ranked ? presentGap(gapAnalysis(entry.result, set.rules), titles) : null,
        lastYear,
      };
    },
  );
}
