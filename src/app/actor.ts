// Who performed an operation, for the audit log: a signed-in user, or the command line.
import type { AuditActor } from '../db/audit/write-audit.ts';

export function auditActorOf(user: { id: string; username: string } | null): AuditActor {
  return user ? { id: user.id, name: user.username } : { id: null, name: 'cli' };
}
