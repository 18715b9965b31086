// Every named prepared statement of the application prepares on this database (PGlite and PostgreSQL): its
// SQL parses, its tables and columns exist after the migrations, and every parameter's type is known. The
// hot writes come in variants built from one template (decision 0025), some of which run only when a race is
// lost; this runs each of them without waiting for that race.
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.ts';
import { namedStatementsMade } from '../../src/db/prepared.ts';
import { createTestDatabase } from '../support/test-db.ts';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
  // Load every module that makes named statements (they are made when the module loads).
  const dir = path.resolve('src/db');
  const files = fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
  for (const f of files) {
    const full = path.join(dir, f);
    if (fs.readFileSync(full, 'utf8').includes('namedStatement<')) await import(full);
  }
});
afterAll(async () => database.close());

describe('named statements', () => {
  it('each prepares, with every parameter typed', async () => {
    const statements = namedStatementsMade().filter((s) => !s.name.startsWith('test_'));
    // One text per name: a connection keeps one plan per name.
    const texts = new Map<string, Set<string>>();
    for (const s of statements) texts.set(s.name, (texts.get(s.name) ?? new Set()).add(s.text));
    expect([...texts].filter(([, t]) => t.size > 1).map(([name]) => name)).toEqual([]);
    // The item save's ten writes (eight, and two reading the form's revision) and the submission's six are among them.
    expect(statements.filter((s) => s.name.startsWith('item_save_') && !s.name.includes('context'))).toHaveLength(10);
    expect(statements.filter((s) => s.name.startsWith('submit_write'))).toHaveLength(6);
    const failed: string[] = [];
    for (const s of statements) {
      try {
        // One connection for both (a pool's next statement may run on another).
        await database.db.transaction(async (tx) => {
          await tx.execute(sql.raw(`prepare check_${s.name} as ${s.text}`));
          await tx.execute(sql.raw(`deallocate check_${s.name}`));
        });
      } catch (err) {
        failed.push(`${s.name}: ${(err as Error).message}`);
      }
    }
    expect(failed).toEqual([]);
  });
});
