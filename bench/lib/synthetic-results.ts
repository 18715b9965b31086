// A published-snapshot payload for benchmarks: one group of N units × 100 items (10 main indicators of
// 10 items), computed by the real results engine and ranked, in the shape publish-campaign.ts stores;
// and `insertSnapshot` to store it (org unit, published campaign, signing key, signed snapshot row). The
// key's private half is encrypted with BENCH_KEY_SECRET: an app built with SESSION_SECRET=BENCH_KEY_SECRET
// trusts it (trusted-keys.ts), so the public routes serve the snapshot instead of PUBLICATION_UNVERIFIED.
import { generateKeyPairSync, randomUUID, sign } from 'node:crypto';
import { DEFAULT_BANDS } from '../../src/core/campaign/index.ts';
import type { FrameworkNode } from '../../src/core/framework/index.ts';
import {
  type ItemScoreInput,
  type RankEntry,
  SNAPSHOT_FORMAT,
  computeUnitResult,
  displayPercent,
  rankGroup,
} from '../../src/core/results/index.ts';
import type { Db } from '../../src/db/client.ts';
import { signingKeys, snapshots } from '../../src/db/schema/appraisal.ts';
import { campaigns } from '../../src/db/schema/campaigns.ts';
import { orgUnits } from '../../src/db/schema/org.ts';
import { encryptPrivateKey, keyIdOf } from '../../src/app/publication/signing-key.ts';
import type { SnapshotPayload } from '../../src/app/publication/snapshot-view.ts';
import { snapshotDigest } from '../../src/app/publication/verify-snapshot.ts';

export function syntheticPayload(units: number, campaignId = randomUUID(), groupId = randomUUID()): SnapshotPayload {
  const nodes: FrameworkNode[] = Array.from({ length: 10 }, (_, g) => ({
    code: String(g + 1),
    title: `Chỉ số chính ${g + 1}`,
    maxPoints: 100,
    children: Array.from({ length: 10 }, (_, i) => ({
      code: `${g + 1}.${i + 1}`,
      title: `Chỉ số thành phần ${g + 1}.${i + 1} về chuyển đổi số`,
      maxPoints: 10,
      method: { kind: 'manual' as const },
    })),
  }));
  const codes = nodes.flatMap((n) => n.children!.map((c) => c.code));
  const rules = {
    bands: DEFAULT_BANDS,
    lateSubmission: { toleranceDays: 5, penaltyPoints: 100, beyondTolerance: 'lowest_band' as const },
    nonSubmission: 'lowest_band' as const,
    notApplicable: 'reduce_max' as const,
    reportersMaySubmit: false,
    reminderDaysBefore: [7],
  };
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff);
  const entries: (RankEntry & { scores: Record<string, ItemScoreInput>; code: string })[] = [];
  for (let u = 0; u < units; u++) {
    const level = 0.3 + (next() % 700) / 1000;
    const scores: Record<string, ItemScoreInput> = {};
    for (const c of codes) {
      const final = Math.min(10, Math.round(level * 10 * (0.6 + (next() % 80) / 100) * 4) / 4);
      scores[c] = { final, self: Math.min(10, final + (next() % 3) * 0.5), notApplicable: next() % 97 === 0 };
    }
    const timing =
      u % 150 === 0
        ? { kind: 'not_submitted' as const, penaltyPoints: 0, lowestBand: true }
        : { kind: 'on_time' as const, penaltyPoints: 0, lowestBand: false };
    entries.push({
      unitId: randomUUID(),
      code: `XA.${String(u).padStart(5, '0')}`,
      scores,
      result: computeUnitResult({ definition: { nodes }, itemScores: scores, timing, rules }),
    });
  }
  const ranked = rankGroup(entries, { bands: DEFAULT_BANDS });
  const byId = new Map(entries.map((e) => [e.unitId, e]));
  return {
    format: SNAPSHOT_FORMAT,
    campaign: {
      id: campaignId,
      name: 'Đánh giá DTI cấp xã (đo hiệu năng)',
      year: 2026,
      kind: 'annual',
      owner: { id: randomUUID(), code: 'P', name: 'Tỉnh đo hiệu năng' },
    },
    rules,
    groups: [
      {
        id: groupId,
        name: 'UBND cấp xã',
        frameworkId: randomUUID(),
        frameworkCode: 'bench',
        frameworkVersion: 1,
        framework: { code: 'bench', name: 'Bộ chỉ số đo hiệu năng', nodes } as never,
        notApplicable: [],
        distribution: ranked.distribution,
      },
    ],
    results: ranked.units.map((u) => {
      const e = byId.get(u.unitId)!;
      const r = u.result;
      return {
        unit: { id: u.unitId, code: e.code, name: `Xã số ${e.code.slice(3)}` },
        group: { id: groupId, name: 'UBND cấp xã' },
        submitted: r.timing.kind !== 'not_submitted',
        timing: r.timing.kind,
        status: r.status,
        selfTotal: r.selfTotal,
        finalTotal: r.finalTotal,
        penaltyPoints: r.penaltyApplied,
        finalAfterPenalty: r.finalAfterPenalty,
        maxPoints: r.maxPoints,
        applicableMax: r.applicableMax,
        percent: displayPercent(r.percent),
        band: r.band ? { code: r.band.code, label: r.band.label } : null,
        bandByScore: r.bandByScore ? { code: r.bandByScore.code, label: r.bandByScore.label } : null,
        rank: u.rank,
        rankable: u.tier === 'ranked',
        lowestBandReason: r.status === 'forced_lowest_band' ? 'not_submitted' : null,
        mainIndicators: r.indicators.map((i) => ({
          code: i.code,
          title: i.title,
          self: i.self,
          final: i.final,
          max: i.max,
          applicableMax: i.applicableMax,
          percent: displayPercent(i.percent),
        })),
        items: codes.map((c) => ({
          code: c,
          self: e.scores[c]!.self,
          final: e.scores[c]!.notApplicable ? null : e.scores[c]!.final,
          notApplicable: e.scores[c]!.notApplicable,
          replacementCode: null,
        })),
      };
    }),
    approvals: [],
    publishedAt: new Date().toISOString(),
    version: 1,
    reason: null,
  };
}

/** Pass as SESSION_SECRET to the app that serves the benchmark's snapshots (the key-encryption secret). */
export const BENCH_KEY_SECRET = 'bench-key-encryption-secret-0123456789abcdef';

/** Stores the payload as the published snapshot of a new published campaign; returns the ids. */
export async function insertSnapshot(
  db: Db,
  payload: SnapshotPayload,
): Promise<{ campaignId: string; groupId: string; digest: string }> {
  const [owner] = await db
    .insert(orgUnits)
    .values({
      code: `BENCH.${randomUUID().slice(0, 8)}`,
      name: 'Tỉnh đo hiệu năng',
      nameFolded: 'tinh do hieu nang',
      type: 'province',
      path: 'bench',
    })
    .returning({ id: orgUnits.id });
  const [c] = await db
    .insert(campaigns)
    .values({
      id: payload.campaign.id,
      name: payload.campaign.name,
      year: payload.campaign.year,
      kind: 'annual',
      status: 'published',
      ownerUnitId: owner!.id,
      rules: payload.rules,
    })
    .returning({ id: campaigns.id });
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const keyId = keyIdOf(publicKey);
  await db.insert(signingKeys).values({
    id: keyId,
    algorithm: 'Ed25519',
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    privateKey: encryptPrivateKey(privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), BENCH_KEY_SECRET),
    encrypted: true,
  });
  const { text, digest } = snapshotDigest(payload);
  const signature = sign(null, Buffer.from(digest, 'hex'), privateKey).toString('base64');
  await db
    .insert(snapshots)
    .values({ campaignId: c!.id, version: 1, payload: JSON.parse(text), digest, signature, keyId });
  return { campaignId: c!.id, groupId: payload.groups[0]!.id, digest };
}
