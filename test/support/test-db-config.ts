import path from 'node:path';

export function pgliteTemplateFile(runId: string): string {
  return path.join(process.cwd(), `test/.tmp/pglite-template-${runId}.tar`);
}
/** Per test run, so two runs on one PostgreSQL server never touch each other's databases. */
export function pgTemplateName(runId: string): string {
  return `thuocdo_t_${runId}_template`;
}

/** Which database the API suites run on: PGlite unless THUOCDO_TEST_DB=postgres (needs TEST_DATABASE_URL). */
export function testDbKind(): 'pglite' | 'postgres' {
  if (process.env.THUOCDO_TEST_DB !== 'postgres') return 'pglite';
  if (!process.env.TEST_DATABASE_URL) throw new Error('THUOCDO_TEST_DB=postgres needs TEST_DATABASE_URL');
  return 'postgres';
}

export function adminUrl(): string {
  return process.env.TEST_DATABASE_URL!;
}
