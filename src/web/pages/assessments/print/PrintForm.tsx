// The printed form itself: header fields, general information, one row per node (groups in bold with their
// totals, items with the method text, self score, explanation and evidence), the total and the signature block.
import { useMemo } from 'react';
import { flattenNodes, scoreFramework, sortNodes } from '../../../../core/framework/index.ts';
import type { Assessment } from '../../../../contract/assessments.ts';
import type { Evidence } from '../../../../contract/evidence.ts';
import type { ObjectionView } from '../../../../contract/objections.ts';
import { showDate } from '../../../lib/dates.ts';
import { useT } from '../../../i18n/context.ts';
import { reasonText } from '../../../i18n/codes.ts';
import { useNum } from '../../frameworks/format.ts';
import { EvidenceCell } from './EvidenceCell.tsx';

export function PrintForm({
  a,
  evidence,
  objections = [],
}: {
  a: Assessment;
  evidence: ReadonlyMap<string, Evidence>;
  objections?: readonly ObjectionView[];
}) {
  const t = useT();
  const num = useNum();
  const items = useMemo(() => new Map(a.items.map((i) => [i.code, i])), [a.items]);
  const nodes = useMemo(() => flattenNodes(sortNodes(a.framework.nodes)), [a.framework]);
  const score = useMemo(
    () => scoreFramework(a.framework, Object.fromEntries(a.items.map((i) => [i.code, i.inputs])), a.info),
    [a],
  );
  // The council's scores, once the unit may see them (issue 14 §1): two more columns.
  const appraisal = a.appraisal && Object.keys(a.appraisal.items).length > 0 ? a.appraisal.items : null;
  const reasonCell = (code: string) => {
    const r = appraisal?.[code];
    if (!r) return '';
    const reason = r.notApplicable
      ? [t('as.na'), r.notApplicableReason].filter(Boolean).join(': ')
      : r.finalReason
        ? reasonText(t, r.finalReason)
        : '';
    return [reason, r.finalComment].filter(Boolean).join('. ');
  };
  // Per item, its latest objection (they come oldest first): waiting, upheld with the new score, or rejected
  // with the council's reason.
  const objectionOf = new Map(objections.map((o) => [o.code, o]));
  const objectionCell = (code: string) => {
    const o = objectionOf.get(code);
    if (!o) return '';
    if (o.status === 'open') return t('obj.print.open');
    if (o.status === 'upheld') return t('obj.print.upheld', { score: num(o.scoreAfter) });
    return t('obj.print.rejected', { reason: o.answer ?? '' });
  };
  const hasObjections = objections.length > 0;
  return (
    <div className="print-page" data-testid="print-page">
      <table style={{ border: 0, marginBottom: 8 }}>
        <tbody>
          <tr>
            <td style={{ border: 0, width: '45%' }} className="center">
              <div style={{ fontWeight: 'bold', textTransform: 'uppercase' }}>{a.unit.name}</div>
              <div>
                {t('as.printUnitCode')}: {a.unit.code}
              </div>
            </td>
            <td style={{ border: 0 }} className="center">
              <div style={{ fontWeight: 'bold' }}>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</div>
              <div style={{ fontWeight: 'bold' }}>Độc lập - Tự do - Hạnh phúc</div>
            </td>
          </tr>
        </tbody>
      </table>
      <h2 className="center" style={{ fontSize: '14pt', margin: '8pt 0 2pt' }}>
        {t('as.printTitle')}
      </h2>
      <div className="center">{t('as.printYear', { year: String(a.campaign.year) })}</div>
      <p style={{ margin: '8pt 0 2pt' }}>
        {t('as.printUnit')}: <b data-testid="print-unit">{a.unit.name}</b>
      </p>
      <p style={{ margin: '2pt 0' }}>
        {t('as.printCampaign')}: {a.campaign.name}
      </p>
      <p style={{ margin: '2pt 0 8pt' }}>
        {t('as.printPeriod', {
          from: showDate(a.group.reportingPeriod.from),
          to: showDate(a.group.reportingPeriod.to),
        })}
      </p>
      {(a.framework.infoFields ?? []).length > 0 && (
        <p style={{ margin: '2pt 0 8pt' }}>
          {t('as.info')}:{' '}
          {(a.framework.infoFields ?? [])
            .map((f) => `${f.label}: ${num(a.info[f.key] ?? null)}${f.unit ? ` ${f.unit}` : ''}`)
            .join('; ')}
        </p>
      )}
      <table data-testid="print-table">
        <thead>
          <tr>
            <th style={{ width: '6%' }}>{t('as.printStt')}</th>
            <th style={{ width: '20%' }}>{t('as.printIndicator')}</th>
            <th style={{ width: '7%' }}>{t('as.printMax')}</th>
            <th>{t('as.printMethod')}</th>
            <th style={{ width: '7%' }}>{t('as.printSelf')}</th>
            {appraisal && <th style={{ width: '7%' }}>{t('as.printFinal')}</th>}
            <th style={{ width: '18%' }}>{t('as.printExplain')}</th>
            <th style={{ width: '18%' }}>{t('as.printEvidence')}</th>
            {appraisal && <th style={{ width: '14%' }}>{t('as.printReason')}</th>}
            {hasObjections && <th style={{ width: '12%' }}>{t('obj.print.column')}</th>}
          </tr>
        </thead>
        <tbody>
          {nodes.map((f) => {
            const item = items.get(f.code);
            const ns = score.byCode[f.code];
            const self = f.isLeaf
              ? ns?.notApplicable
                ? t('as.na')
                : num(item?.selfScore ?? ns?.points ?? null)
              : num(ns?.points ?? 0);
            return (
              <tr key={f.code} className={f.isLeaf ? undefined : 'group'} data-testid={`print-row-${f.code}`}>
                <td className="num">{f.code}</td>
                <td>{f.node.title}</td>
                <td className="num">{num(f.node.maxPoints)}</td>
                <td>{f.isLeaf ? (f.node.guidance ?? '') : ''}</td>
                <td className="num">{self}</td>
                {appraisal && (
                  <td className="num" data-testid={`print-final-${f.code}`}>
                    {f.isLeaf && appraisal[f.code]
                      ? appraisal[f.code]!.notApplicable
                        ? t('as.na')
                        : num(appraisal[f.code]!.finalScore)
                      : ''}
                  </td>
                )}
                <td style={{ whiteSpace: 'pre-wrap' }}>{f.isLeaf ? (item?.explanation ?? '') : ''}</td>
                <td data-testid={`print-evidence-${f.code}`}>
                  {f.isLeaf && item ? <EvidenceCell ids={item.evidenceIds} library={evidence} /> : null}
                </td>
                {appraisal && (
                  <td style={{ whiteSpace: 'pre-wrap' }} data-testid={`print-reason-${f.code}`}>
                    {f.isLeaf ? reasonCell(f.code) : ''}
                  </td>
                )}
                {hasObjections && (
                  <td style={{ whiteSpace: 'pre-wrap' }} data-testid={`print-objection-${f.code}`}>
                    {f.isLeaf ? objectionCell(f.code) : ''}
                  </td>
                )}
              </tr>
            );
          })}
          <tr className="group">
            <td />
            <td>{t('as.printTotal')}</td>
            <td className="num">{num(score.maxPoints)}</td>
            <td />
            <td className="num" data-testid="print-total">
              {/* The one self total (core selfTotalOf), as the form header and the lists show it. */}
              {num(a.progress.selfTotal)}
            </td>
            {appraisal && <td />}
            <td />
            <td />
            {appraisal && <td />}
            {hasObjections && <td />}
          </tr>
        </tbody>
      </table>
      <div className="sign">
        <div>
          <div>&nbsp;</div>
          <b>{t('as.printPreparer')}</b>
          <div>
            <i>{t('as.printSign')}</i>
          </div>
        </div>
        <div>
          <div>
            <i>{t('as.printDate')}</i>
          </div>
          <b>{t('as.printLeader')}</b>
          <div>
            <i>{t('as.printSignSeal')}</i>
          </div>
        </div>
      </div>
    </div>
  );
}
