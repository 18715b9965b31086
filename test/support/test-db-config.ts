import path from 'node:path';

export const PGLITE_TEMPLATE_FILE = path.join(process.cwd(), 'test/.tmp/pglite-template.tar');
export const PG_TEMPLATE_DB = 'thuocdo_t_template';

/** Which database the API suites run on: PGlite unless THUOCDO_TEST_DB=postgres (needs TEST_DATABASE_URL). */
export function testDbKind(): 'pglite' | 'postgres' {
  if (process.env.THUOCDO_TEST_DB !== 'postgres') return 'pglite';
  if (!process.env.TEST_DATABASE_URL) throw new Error('THUOCDO_TEST_DB=postgres needs TEST_DATABASE_URL');
  return 'postgres';
}

export function adminUrl(): string {
  return process.env.TEST_DATABASE_URL!;
}
