// POST /campaigns/{id}/what-if {unitId, changes:[{code, score}]} — the unit's result, band and rank in
// its group recomputed with some final scores changed (the engine's whatIf); nothing is saved. Works on
// the published snapshot, or during appraisal on the final scores so far (provisional). Scores are
// checked against each item's 0…max; a not-applicable item without replacement has nothing to change.
import { flattenNodes } from '../../../core/framework/index.ts';
import { type ItemChanges, type UnitResult, displayPercent, whatIf } from '../../../core/results/index.ts';
import { UNIT_PAGE_ROLES } from '../../../db/queries/dashboards-scope.ts';
import { OperationError } from '../../../app/errors.ts';
import { type App, type ServerDeps, whoIs } from '../../http/route-types.ts';
import { idParams } from '../../../contract/common.ts';
import { campaignOr404, requireResults, resultsUnavailable, unitOr404 } from '../../../app/dashboards/access.ts';
import { bandRef } from '../../../app/dashboards/present.ts';
import { findEntry, loadResultSet } from '../../../app/dashboards/result-set.ts';
import { whatIfBody, whatIfResponse } from '../../../contract/dashboards.ts';
import { rankingOptions } from '../../../core/campaign/index.ts';

const side = (r: UnitResult, rank: number | null) => ({
  finalTotal: r.finalTotal,
  finalAfterPenalty: r.finalAfterPenalty,
  percent: displayPercent(r.percent),
  band: bandRef(r.band),
  rank,
  status: r.status,
});

export function registerWhatIf(app: App, deps: ServerDeps) {
  app.post(
    '/campaigns/:id/what-if',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['dashboards'],
        summary: 'Giả định: tính lại điểm, xếp loại và thứ hạng khi thay đổi điểm một số chỉ số (không lưu)',
        params: idParams,
        body: whatIfBody,
        response: { 200: whatIfResponse },
      },
    },
    async (request) => {
      const { actor } = whoIs(request);
      const { unitId, changes } = request.body;
      const unit = await unitOr404(deps.db, { actor, unitId, roles: UNIT_PAGE_ROLES });
      const campaign = await campaignOr404(deps.db, { unitId: unit.id, campaignId: request.params.id });
      requireResults(await resultsUnavailable(deps.db, actor, campaign));
      const set = await loadResultSet(deps.db, campaign);
      const found = set ? findEntry(set, unit.id) : null;
      if (!set || !found) throw new OperationError('INVALID_STATE', 'Kỳ đánh giá chưa có điểm thẩm định.');
      // A band-and-rank simulation has no object in a progress round (000 Điều 7.2; ranking-applies.ts).
      if (!set.classification.ranked)
        throw new OperationError(
          'NOT_RANKED',
          'Báo cáo tiến độ chỉ đánh giá mức độ thực hiện, không xếp loại, không xếp hạng: không có mô phỏng xếp loại.',
          { kind: campaign.kind },
        );
      const { group, entry } = found;

      const leaves = new Map(
        flattenNodes(group.definition)
          .filter((f) => f.isLeaf)
          .map((f) => [f.code, f.node.maxPoints]),
      );
      const scores = entry.input.itemScores as Record<
        string,
        { final: number | null; notApplicable: boolean; replacementCode?: string }
      >;
      const issues: { path: string; message: string }[] = [];
      const invalid: { code: string; score: number; max: number }[] = [];
      const applied: Record<string, ItemChanges[string]> = {};
      const shown: { code: string; from: number | null; to: number }[] = [];
      changes.forEach(({ code, score }, i) => {
        const max = leaves.get(code);
        const current = scores[code];
        if (max === undefined)
          issues.push({
            path: `/changes/${i}/code`,
            message: `${code} không phải chỉ số được chấm điểm của bộ chỉ số`,
          });
        else if (shown.some((s) => s.code === code))
          issues.push({ path: `/changes/${i}/code`, message: `${code} được thay đổi nhiều lần` });
        else if (current?.notApplicable && !current.replacementCode)
          issues.push({ path: `/changes/${i}/code`, message: `${code} không áp dụng: không có điểm để thay đổi` });
        else if (!Number.isFinite(score) || score < 0 || score > max) invalid.push({ code, score, max });
        else {
          // A replaced item scores through its council-added replacement (docs/results-rules.md §3).
          const target = current?.notApplicable && current.replacementCode ? current.replacementCode : code;
          applied[target] = { final: score };
          shown.push({ code, from: scores[target]?.final ?? null, to: score });
        }
      });
      if (issues.length > 0) throw new OperationError('VALIDATION_FAILED', 'Thay đổi không hợp lệ.', { issues });
      if (invalid.length > 0)
        throw new OperationError(
          'SCORE_INVALID',
          `Điểm phải trong khoảng 0 đến điểm tối đa của chỉ số (${invalid.map((x) => `${x.code}: 0…${x.max}`).join('; ')}).`,
          { items: invalid },
        );

      const w = whatIf(entry.input, applied, {
        unitId: unit.id,
        group: group.entries,
        options: rankingOptions(set.rules),
      });
      return {
        campaignId: campaign.id,
        unitId: unit.id,
        provisional: set.provisional,
        saved: false as const,
        groupSize: group.entries.length,
        changes: shown,
        before: side(w.before, w.rankBefore),
        after: side(w.after, w.rankAfter),
        bandChanged: w.bandChanged,
        rankChange: w.rankBefore === null || w.rankAfter === null ? null : w.rankBefore - w.rankAfter,
      };
    },
  );
}
