// GET /dashboards/district/{unitId}?campaignId= — a district's communes in one campaign (000 Điều 7.1.c,
// 8.2: the district appraises, classifies and publishes its communes): mean percent, lowest, highest,
// band distribution (summariseDistrict) and the list with each commune's rank in its group and among
// the district's communes of that group (rankGroup).
import { type UnitResult, displayPercent, rankGroup, summariseDistrict } from '../../../core/results/index.ts';
import { DASHBOARD_ROLES, childIdsOf, unitIdsInScope } from '../../../db/queries/dashboards-scope.ts';
import { type App, type ServerDeps, whoIs } from '../../http/route-types.ts';
import { UNAVAILABLE_LABELS, campaignOr404, resultsUnavailable, unitOr404 } from '../../../app/dashboards/access.ts';
import { bandRef } from '../../../app/dashboards/present.ts';
import { loadResultSet } from '../../../app/dashboards/result-set.ts';
import { campaignQuery, campaignRef, unitIdParams } from '../../../app/dashboards/campaign-ref.ts';
import { rankingOptions } from '../../../core/campaign/index.ts';
import type { DistrictCommune, DistrictPage } from '../../../contract/dashboard-pages.ts';

export function registerDistrictPage(app: App, deps: ServerDeps) {
  app.get(
    '/dashboards/district/:unitId',
    {
      config: { access: 'signed-in', tokenScopes: ['results:read'] },
      schema: {
        tags: ['dashboards'],
        summary: 'Các xã của một huyện trong kỳ đánh giá: trung bình, thấp nhất, cao nhất, phân bố xếp loại, danh sách',
        params: unitIdParams,
        querystring: campaignQuery,
      },
    },
    async (request): Promise<DistrictPage> => {
      const { actor } = whoIs(request);
      const district = await unitOr404(deps.db, { actor, unitId: request.params.unitId, roles: DASHBOARD_ROLES });
      const campaign = await campaignOr404(deps.db, {
        unitId: district.id,
        campaignId: request.query.campaignId,
        children: true,
      });
      const base = {
        district: { id: district.id, code: district.code, name: district.name },
        campaign: campaignRef(campaign),
      };
      const unavailable = await resultsUnavailable(deps.db, actor, campaign);
      const set = unavailable ? null : await loadResultSet(deps.db, campaign);
      if (!set) {
        const reason = unavailable ?? 'not_appraised';
        return {
          ...base,
          source: null,
          provisional: false,
          unavailable: { reason, message: UNAVAILABLE_LABELS[reason] },
          summary: null,
          communes: [],
        };
      }
      const scope = await unitIdsInScope(deps.db, actor, DASHBOARD_ROLES);
      const childIds = await childIdsOf(deps.db, district.id);
      const results: UnitResult[] = [];
      const communes: DistrictCommune[] = [];
      for (const group of set.groups) {
        const mine = group.entries.filter((e) => childIds.has(e.unitId) && (!scope || scope.has(e.unitId)));
        if (mine.length === 0) continue;
        // A progress round has no district rank either (ranking-applies.ts).
        const local = new Map(
          set.classification.ranked
            ? rankGroup(mine, rankingOptions(set.rules)).units.map((u) => [u.unitId, u.rank])
            : [],
        );
        for (const e of mine) {
          results.push(e.result);
          communes.push({
            unit: e.unit,
            group: { id: group.id, name: group.name },
            status: e.result.status,
            percent: displayPercent(e.result.percent),
            band: bandRef(e.result.band),
            finalAfterPenalty: e.result.finalAfterPenalty,
            rank: e.rank,
            groupSize: group.entries.length,
            districtRank: local.get(e.unitId) ?? null,
            complete: e.result.complete,
            ...(e.progress ? { progress: e.progress } : {}),
          });
        }
      }
      communes.sort(
        (a, b) =>
          (a.group.id === b.group.id
            ? (a.rank ?? Infinity) - (b.rank ?? Infinity)
            : a.group.name.localeCompare(b.group.name, 'vi')) || a.unit.code.localeCompare(b.unit.code),
      );
      const s = summariseDistrict(results, set.rules.bands);
      return {
        ...base,
        source: set.source,
        provisional: set.provisional,
        unavailable: null,
        summary: {
          averagePercent: s.averagePercent === null ? null : Math.round(s.averagePercent * 100) / 100,
          minPercent: displayPercent(s.min),
          maxPercent: displayPercent(s.max),
          counted: s.counted,
          total: s.total,
          forcedLowestBand: s.forcedLowestBand,
          distribution: set.classification.classified ? s.distribution : null,
        },
        communes,
      };
    },
  );
}
