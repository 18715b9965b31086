// Issue 13 §3: the 2878 presets marked every indicator evidenceRequired, so an indicator explained in
// writing without a file was refused (EVIDENCE_REQUIRED) while the form quoted 000 Điều 8.4.a. With the
// set's rule "evidence or a written explanation", the explanation suffices; an item whose own rule is
// "required" still needs a document (422 SUBMISSION_INCOMPLETE naming it).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FrameworkDefinition, FrameworkNode } from '../../src/core/framework/types.ts';
import { COMPACT_FRAMEWORK, createOpenCampaign, fillAll, publishFramework } from '../support/campaign-fixture.ts';
import { type TestApp, createTestApp } from '../support/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ clock: () => new Date('2026-11-10T03:00:00Z') });
});
afterAll(() => t.close());

const everyLeaf = (nodes: FrameworkNode[], f: (n: FrameworkNode) => FrameworkNode): FrameworkNode[] =>
  nodes.map((n) => (n.children ? { ...n, children: everyLeaf(n.children, f) } : f(n)));

async function submitOn(def: FrameworkDefinition, name: string) {
  const frameworkId = await publishFramework(t, def);
  const ids = await createOpenCampaign(t, { name, frameworkId, units: ['C1'], rules: { reportersMaySubmit: true } });
  await fillAll(t, ids.assessments.C1!, 'rep_c1'); // every item explained in writing, no file
  return (await t.as('rep_c1')).post(`/api/v1/assessments/${ids.assessments.C1}/submit`);
}

describe('evidence or a written explanation (000 Điều 8.4.a)', () => {
  it("every item marked evidenceRequired, the set's rule evidence_or_explanation: explained without files → submitted", async () => {
    const def: FrameworkDefinition = {
      ...COMPACT_FRAMEWORK,
      code: 'bang-chung-hoac-giai-trinh',
      evidenceRule: 'evidence_or_explanation',
      nodes: everyLeaf(COMPACT_FRAMEWORK.nodes, (n) => ({ ...n, evidenceRequired: true })),
    };
    const res = await submitOn(def, 'Tài liệu hoặc giải trình');
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('submitted');
  });

  it('an item whose own rule is "required" → 422 SUBMISSION_INCOMPLETE naming it (EVIDENCE_REQUIRED), the others pass', async () => {
    const def: FrameworkDefinition = {
      ...COMPACT_FRAMEWORK,
      code: 'bang-chung-bat-buoc',
      evidenceRule: 'evidence_or_explanation',
      nodes: everyLeaf(COMPACT_FRAMEWORK.nodes, (n) => (n.code === '1.2' ? { ...n, evidenceRule: 'required' } : n)),
    };
    const res = await submitOn(def, 'Bắt buộc một chỉ số');
    expect([res.statusCode, res.json().error.code]).toEqual([422, 'SUBMISSION_INCOMPLETE']);
    expect(res.json().error.details.problems).toEqual([
      expect.objectContaining({ code: '1.2', problem: 'EVIDENCE_REQUIRED' }),
    ]);
  });
});
