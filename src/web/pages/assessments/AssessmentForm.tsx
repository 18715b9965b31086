// The self-assessment form of one unit: header with running totals, informational fields, sections per main
// indicator with every item (autosaved), search and the "chưa hoàn thành" filter, conflicts, submission.
import { UnitResultCard } from './UnitResultCard.tsx';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Alert, Collapse, Empty, Grid, Space, Tag, Typography } from 'antd';
import { itemInputRangeProblems } from '../../../core/framework/index.ts';
import type { InfoValues } from '../../../core/framework/index.ts';
import { assessmentProgressOf, submissionProblems } from '../../../core/campaign/index.ts';
import { matchesSearch } from '../../../core/text/vietnamese.ts';
import { saveItem } from '../../api/assessments.ts';
import { ApiError } from '../../api/client.ts';
import { useEvidenceLibrary } from '../../api/evidence.ts';
import type { Assessment } from '../../../contract/assessments.ts';
import { useT } from '../../i18n/context.ts';
import { useNum } from '../frameworks/format.ts';
import { useAllSlots, useAutosaveStore } from './autosave/useAutosave.ts';
import type { SaveFn } from './autosave/types.ts';
import { buildSections, entriesOf, selfScoreOf } from './model.ts';
import { FormContext } from './formContext.ts';
import type { FormContextValue } from './formContext.ts';
import { AssessmentHeader } from './AssessmentHeader.tsx';
import { SaveIndicator } from './SaveIndicator.tsx';
import { ConflictDialog } from './ConflictDialog.tsx';
import { FormToolbar } from './FormToolbar.tsx';
import { InfoFieldsForm } from './InfoFieldsForm.tsx';
import { ItemCard } from './ItemCard.tsx';
import { LibraryModal } from './LibraryModal.tsx';
import { SubmitButton } from './SubmitPanel.tsx';
import { CheckButton } from './CheckButton.tsx';
import { FormActions } from './FormActions.tsx';
import { FormStyles } from './FormStyles.tsx';
import { UnitRequests } from './requests/UnitRequests.tsx';

const REVIEW_PHASES = new Set<string>(['self_assessment_closed', 'under_appraisal', 'approved', 'published']);

export function AssessmentForm({ a, onReload }: { a: Assessment; onReload: () => void }) {
  const t = useT();
  const num = useNum();
  const phone = !Grid.useBreakpoint().md;
  const [info, setInfo] = useState<InfoValues>(() => ({ ...a.info }));
  const infoRef = useRef(info);
  useEffect(() => {
    infoRef.current = info;
  }, [info]);
  const sections = useMemo(() => buildSections(a.framework), [a.framework]);
  const nodes = useMemo(
    () => new Map(sections.flatMap((s) => s.items.map((i) => [i.code, i.node] as const))),
    [sections],
  );
  const save = useCallback<SaveFn>(
    (code, draft, version) => {
      const node = nodes.get(code);
      // Refused here, before saving, with the server's own rule and words (never sent, never clamped).
      const outOfRange = node ? itemInputRangeProblems(node, draft.inputs) : null;
      if (outOfRange)
        return Promise.reject(
          new ApiError(
            422,
            outOfRange.kind === 'score' ? 'SCORE_OUT_OF_RANGE' : 'FIGURE_OUT_OF_RANGE',
            outOfRange.problems.map((p) => p.message).join(' '),
          ),
        );
      const selfScore = node ? selfScoreOf(node, draft, infoRef.current) : null;
      return saveItem(a.id, code, {
        inputs: draft.inputs,
        selfScore,
        explanation: draft.explanation,
        evidenceIds: draft.evidenceIds,
        version,
      });
    },
    [a.id, nodes],
  );
  const store = useAutosaveStore(a.id, a.items, save);
  const slots = useAllSlots(store);
  const library = useEvidenceLibrary(a.unit.id);
  const libraryMap = useMemo(() => new Map((library.data?.items ?? []).map((e) => [e.id, e])), [library.data]);

  // The one definition of "complete" and of the self total (src/core), as the lists and the server count them.
  const entries = useMemo(() => entriesOf(slots, nodes, info), [slots, nodes, info]);
  const progress = useMemo(() => assessmentProgressOf(a.framework, entries), [a.framework, entries]);
  const incomplete = useMemo(
    () => new Set(submissionProblems(a.framework, entries).map((p) => p.code)),
    [a.framework, entries],
  );

  const [q, setQ] = useState('');
  const [onlyIncomplete, setOnlyIncomplete] = useState(false);
  const [openKeys, setOpenKeys] = useState<string[]>(() => (sections[0] ? [sections[0].node.code] : []));
  const [conflictCode, setConflictCode] = useState<string | null>(null);
  const [dismissed, setDismissed] = useState<string | null>(null);
  const [libraryFor, setLibraryFor] = useState<string | null>(null);

  const filtering = q.trim() !== '' || onlyIncomplete;
  const visible = useMemo(
    () =>
      sections
        .map((s) => ({
          ...s,
          items: s.items.filter(
            (i) => (!onlyIncomplete || incomplete.has(i.code)) && matchesSearch(`${i.code} ${i.node.title}`, q),
          ),
        }))
        .filter((s) => s.items.length > 0),
    [sections, onlyIncomplete, incomplete, q],
  );
  const shown = visible.reduce((n, s) => n + s.items.length, 0);

  const conflicts = slots.filter((s) => s.state === 'conflict');
  const firstConflict = conflicts[0]?.code ?? null;
  useEffect(() => {
    if (firstConflict && conflictCode === null && firstConflict !== dismissed) setConflictCode(firstConflict);
  }, [firstConflict, conflictCode, dismissed]);
  const conflictSlot = conflictCode ? (store.get(conflictCode) ?? null) : null;

  const scrollTo = (id: string) =>
    setTimeout(() => document.getElementById(id)?.scrollIntoView({ behavior: 'smooth', block: 'start' }), 120);
  const goTo = (code: string) => {
    const node = nodes.get(code);
    const section = sections.find((s) => s.items.some((i) => i.code === code))?.node.code ?? code.split('.')[0] ?? code;
    setQ('');
    if (onlyIncomplete && node && !incomplete.has(code)) setOnlyIncomplete(false);
    setOpenKeys((k) => (k.includes(section) ? k : [...k, section]));
    scrollTo(`item-${code}`);
  };
  const goToSection = (code: string) => {
    setOpenKeys((k) => (k.includes(code) ? k : [...k, code]));
    scrollTo(`section-${code}`);
  };

  const campaignOpen = a.campaign.status === 'open';
  const ctx: FormContextValue = useMemo(
    () => ({
      assessmentId: a.id,
      unitId: a.unit.id,
      store,
      info,
      library: libraryMap,
      libraryLoading: library.isLoading,
      canEdit: a.abilities.edit && campaignOpen,
      canEditReopened: a.abilities.editReopened && campaignOpen,
      canUpload: a.abilities.uploadEvidence,
      phone,
      openLibrary: setLibraryFor,
      evidenceRule: a.framework.evidenceRule,
      showRequests: REVIEW_PHASES.has(a.campaign.status),
      appraisal: a.appraisal?.items,
    }),
    [
      a.id,
      a.unit.id,
      store,
      info,
      libraryMap,
      library.isLoading,
      a.abilities.edit,
      a.abilities.editReopened,
      a.abilities.uploadEvidence,
      campaignOpen,
      phone,
      a.campaign.status,
      a.framework.evidenceRule,
      a.appraisal?.items,
    ],
  );

  const indicator = (
    <SaveIndicator slots={slots} onRetry={() => store.retryAll()} onConflicts={() => setConflictCode(firstConflict)} />
  );
  const submitted = (done: Assessment) => store.sync(done.items);

  return (
    <FormContext.Provider value={ctx}>
      <FormStyles />
      <Space orientation="vertical" size={12} style={{ width: '100%' }} className="as-form">
        <AssessmentHeader
          a={a}
          sections={sections}
          progress={progress}
          saveIndicator={null}
          onSection={goToSection}
          actions={
            <FormActions
              assessmentId={a.id}
              canImport={ctx.canEdit}
              phone={phone}
              beforeImport={() => store.flushAll()}
              onImported={onReload}
            />
          }
        />
        {a.status === 'submitted' && <Alert type="info" showIcon title={t('as.readOnly')} data-testid="as-readonly" />}
        {!campaignOpen && <Alert type="info" showIcon title={t('as.campaignClosed')} />}
        {a.appraisal?.result && <UnitResultCard r={a.appraisal.result} />}
        {ctx.showRequests && (
          <UnitRequests assessmentId={a.id} unitId={a.unit.id} library={library.data?.items ?? []} onGoTo={goTo} />
        )}
        {a.reopenReason && a.status !== 'submitted' && (
          <Alert type="warning" showIcon title={t('as.reopenedNote', { reason: a.reopenReason })} />
        )}
        <div
          className="as-sticky"
          style={{ background: '#fff', padding: '8px 12px', borderRadius: 6, boxShadow: '0 1px 4px rgba(0,0,0,.08)' }}
          data-testid="as-sticky"
        >
          <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
            <Space size={6} align="baseline">
              <Typography.Text type="secondary">{t('as.selfTotal')}:</Typography.Text>
              <Typography.Text strong data-testid="as-sticky-total">
                {t('as.totalOf', { points: num(progress.selfTotal), max: num(progress.selfApplicableMax) })}
              </Typography.Text>
              <Tag color={progress.complete < progress.total ? 'gold' : 'green'} data-testid="as-complete">
                {t('as.completeOf', { complete: progress.complete, total: progress.total })}
              </Tag>
            </Space>
            <Space wrap>
              {indicator}
              {a.status !== 'submitted' && (
                <CheckButton assessmentId={a.id} canEdit={ctx.canEdit} store={store} phone={phone} onGoTo={goTo} />
              )}
              <SubmitButton a={a} store={store} phone={phone} onSubmitted={submitted} onGoTo={goTo} />
            </Space>
          </Space>
        </div>
        <InfoFieldsForm
          assessmentId={a.id}
          fields={a.framework.infoFields ?? []}
          initial={a.info}
          rowVersion={a.rowVersion}
          editable={ctx.canEdit && a.status !== 'submitted'}
          phone={phone}
          onChange={setInfo}
          onSaved={() =>
            store.resaveWhere((s) => {
              const node = nodes.get(s.code);
              return (
                !!node &&
                node.method?.kind === 'formula' &&
                selfScoreOf(node, s.draft, infoRef.current) !== s.server.selfScore
              );
            })
          }
        />
        <FormToolbar
          q={q}
          onQ={setQ}
          onlyIncomplete={onlyIncomplete}
          onOnlyIncomplete={setOnlyIncomplete}
          shown={shown}
          incomplete={incomplete.size}
          phone={phone}
        />
        {visible.length === 0 ? (
          <Empty description={t('as.noMatch')} />
        ) : (
          <Collapse
            activeKey={filtering ? visible.map((s) => s.node.code) : openKeys}
            onChange={(keys) => !filtering && setOpenKeys(keys as string[])}
            data-testid="as-sections"
            items={visible.map((s) => {
              const ns = progress.selfIndicators[s.node.code];
              return {
                key: s.node.code,
                label: (
                  <span
                    id={`section-${s.node.code}`}
                    data-testid={`as-section-${s.node.code}`}
                    style={{ scrollMarginTop: 80 }}
                  >
                    <Typography.Text strong>
                      {s.node.code}. {s.node.title}
                    </Typography.Text>
                  </span>
                ),
                extra: (
                  <Typography.Text type="secondary">
                    {num(ns?.points ?? 0)} / {num(ns?.applicableMax ?? s.node.maxPoints)}
                  </Typography.Text>
                ),
                children: (
                  <Space orientation="vertical" size={12} style={{ width: '100%' }}>
                    {s.items.map((i) => (
                      <ItemCard key={i.code} node={i.node} incomplete={incomplete.has(i.code)} />
                    ))}
                  </Space>
                ),
              };
            })}
          />
        )}
      </Space>
      <ConflictDialog
        slot={conflictSlot?.state === 'conflict' ? conflictSlot : null}
        node={conflictCode ? (nodes.get(conflictCode) ?? null) : null}
        info={info}
        onResolve={(code, choice) => {
          store.resolveConflict(code, choice);
          setConflictCode(store.all().find((s) => s.state === 'conflict' && s.code !== code)?.code ?? null);
        }}
        onClose={() => {
          setDismissed(conflictCode);
          setConflictCode(null);
        }}
      />
      <LibraryModal
        code={libraryFor}
        library={library.data?.items ?? []}
        attached={libraryFor ? (store.get(libraryFor)?.draft.evidenceIds ?? []) : []}
        loading={library.isLoading}
        onAttach={(code, ids) => {
          const now = store.get(code)?.draft.evidenceIds ?? [];
          store.edit(code, { evidenceIds: [...now, ...ids.filter((id) => !now.includes(id))] });
        }}
        onClose={() => setLibraryFor(null)}
      />
    </FormContext.Provider>
  );
}
