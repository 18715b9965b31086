// Who manages a data source: the DX office (dx_office) whose grant reaches the source's owner unit, and
// system administrators. A source out of reach is absent (404), never forbidden. The auth token is kept
// encrypted with the key-encryption secret, as the signing keys are (publication/signing-key.ts: AES-256-GCM
// under an HKDF-derived key), and is never shown again once saved.
import { holdsRoleOver } from '../../core/policy/index.ts';
import type { AuditActor } from '../../db/audit/write-audit.ts';
import type { Db } from '../../db/client.ts';
import { type SourceWithOwner, findReachedSource } from '../../db/queries/data-sources.ts';
import type { ScopedActor } from '../../db/queries/org-units.ts';
import { ancestryOf } from '../../db/queries/unit-path.ts';
import { OperationError, notFound } from '../errors.ts';
import type { KeySecrets } from '../publication/key-secret.ts';
import { decryptPrivateKey, encryptPrivateKey } from '../publication/signing-key.ts';

export interface SourceWho {
  actor: ScopedActor;
  audit: AuditActor;
  userId: string;
}

export const sourceNotFound = () => notFound('Không tìm thấy nguồn dữ liệu.');

export async function loadSourceForManage(db: Db, who: SourceWho, id: string): Promise<SourceWithOwner> {
  const row = await findReachedSource(db, who.actor, id);
  if (!row) throw sourceNotFound();
  return row;
}

export function requireOfficeOver(actor: ScopedActor, unit: { id: string; path: string }): void {
  if (!holdsRoleOver(actor, ['dx_office'], { id: unit.id, ancestry: ancestryOf(unit.path) }))
    throw new OperationError(
      'FORBIDDEN',
      'Chỉ cơ quan chuyên trách về chuyển đổi số của đơn vị được quản lý nguồn dữ liệu.',
    );
}

export function sealToken(token: string, secrets: KeySecrets): string {
  return encryptPrivateKey(token, secrets.primary);
}

/** The token in clear, or null when no configured secret opens it (the secret changed since it was saved). */
export function openToken(stored: string, secrets: KeySecrets): string | null {
  for (const secret of secrets.candidates) {
    try {
      return decryptPrivateKey(stored, secret);
    } catch {
      // try the next secret
    }
  }
  return null;
}
