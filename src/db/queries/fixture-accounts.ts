// The fixture's accounts (`thuocdo fixture national`), written in bulk: thousands of users and their one
// role each, without an audit entry per row (the fixture builds a load-test database, not a history).
import type { Db } from '../client.ts';
import { bulkInsert, columnsOf } from './fixture-bulk.ts';

export type FixtureUserRow = [id: string, username: string, fullName: string, folded: string, passwordHash: string];
export type FixtureRoleRow = [userId: string, role: string, unitId: string, subtree: boolean];

export async function insertFixtureUsers(db: Db, rows: readonly FixtureUserRow[]): Promise<void> {
  await bulkInsert(
    db,
    'users',
    columnsOf('id:uuid,username:text,full_name:text,full_name_folded:text,password_hash:text'),
    rows,
  );
}

export async function insertFixtureRoleAssignments(db: Db, rows: readonly FixtureRoleRow[]): Promise<void> {
  await bulkInsert(db, 'role_assignments', columnsOf('user_id:uuid,role:text,unit_id:uuid,subtree:bool'), rows);
}
