// `thuocdo audit verify` and the restore check: every chain's links, every chain against the latest
// valid checkpoint, and the checkpoints themselves — with a line per problem naming what is missing.
import { type AuditProblem, type AuditVerification, verifyAuditChain } from '../../db/audit/verify-audit.ts';
import type { Db } from '../../db/client.ts';
import type { KeySecrets } from '../publication/key-secret.ts';
import { type CheckpointProblem, latestVerifiedCheckpoint } from './checkpoints.ts';

export interface AnchoredVerification extends AuditVerification {
  checkpoint: { id: number; createdAt: string; entries: number } | null;
  checkpointProblems: CheckpointProblem[];
}

export async function verifyAudit(db: Db, secrets: KeySecrets): Promise<AnchoredVerification> {
  const latest = await latestVerifiedCheckpoint(db, secrets);
  const chains = await verifyAuditChain(db, latest.checkpoint ? { anchor: latest.checkpoint.chains } : {});
  const c = latest.checkpoint;
  return {
    ...chains,
    ok: chains.ok && latest.problems.length === 0,
    checkpoint: c ? { id: c.id, createdAt: c.createdAt, entries: c.entries } : null,
    checkpointProblems: latest.problems,
  };
}

function problemText(p: AuditProblem): string {
  switch (p.kind) {
    case 'prev_hash_mismatch':
      return `chuỗi ${p.chain}: bản ghi #${p.entryId} không nối với bản ghi trước (bản ghi bị xóa, chèn hoặc đảo thứ tự) / broken link`;
    case 'content_hash_mismatch':
      return `chuỗi ${p.chain}: nội dung bản ghi #${p.entryId} đã bị sửa / entry content altered`;
    case 'chain_deleted':
      return `chuỗi ${p.chain}: cả ${p.anchored} bản ghi đã được neo đều mất (chuỗi bị xóa) / whole chain deleted`;
    case 'chain_truncated':
      return `chuỗi ${p.chain}: mất ${p.anchored - p.found} bản ghi cuối (còn ${p.found}/${p.anchored} bản ghi đã neo) / tail deleted`;
    case 'chain_rewritten':
      return `chuỗi ${p.chain}: bản ghi thứ ${p.position} (#${p.entryId}) khác bản ghi đã neo — chuỗi bị sửa rồi băm lại / re-hashed`;
  }
}

const CHECKPOINT_TEXT: Record<string, string> = {
  DIGEST_MISMATCH: 'nội dung không khớp mã băm',
  SIGNATURE_INVALID: 'chữ ký Ed25519 sai',
  KEY_UNKNOWN: 'khóa ký không có trong hệ thống',
  KEY_UNTRUSTED: 'khóa ký không phải của hệ thống này (không mở được bằng bí mật mã hóa khóa)',
};

/** The report `thuocdo audit verify` prints, Vietnamese with short English glosses. */
export function describeAudit(v: AnchoredVerification): string[] {
  const lines: string[] = [];
  const anchor = v.checkpoint
    ? `điểm neo #${v.checkpoint.id} lúc ${v.checkpoint.createdAt} (${v.checkpoint.entries} bản ghi)`
    : 'chưa có điểm neo hợp lệ — chỉ kiểm tra được liên kết / no valid checkpoint';
  lines.push(
    `${v.ok ? 'Nhật ký toàn vẹn' : 'Nhật ký KHÔNG toàn vẹn'}: ${v.entries} bản ghi, ${v.chains} chuỗi; ${anchor}. / Audit log ${v.ok ? 'intact' : 'NOT intact'}.`,
  );
  if (v.checkpoint)
    lines.push(
      `${v.unanchored} bản ghi sau điểm neo chỉ được kiểm tra bằng liên kết chuỗi. / entries after the checkpoint: verified by links only.`,
    );
  for (const p of v.problems) lines.push(`- ${problemText(p)}`);
  for (const p of v.checkpointProblems) {
    lines.push(
      p.kind === 'checkpoint_invalid'
        ? `- điểm neo #${p.checkpointId} không hợp lệ: ${CHECKPOINT_TEXT[p.problem]} / checkpoint invalid (${p.problem})`
        : `- điểm neo #${p.checkpointId} không nối với điểm neo trước (điểm neo bị xóa hoặc sửa) / checkpoint sequence broken`,
    );
  }
  return lines;
}
