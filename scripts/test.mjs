#!/usr/bin/env node
// `npm test`: typecheck, lint, unit tests, API tests on PGlite and (when TEST_DATABASE_URL is set) on
// PostgreSQL, then browser journeys in headless Chromium. Prints one closing line "N passed, N failed".
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const tmp = path.join(root, 'test/.tmp');
fs.mkdirSync(tmp, { recursive: true });
const bin = (name) => path.join(root, 'node_modules/.bin', name);

let passed = 0;
let failed = 0;
let skipped = 0;
const failures = [];

function run(label, cmd, args, env = {}) {
  console.log(`\n━━ ${label} ━━`);
  const started = Date.now();
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  console.log(
    `── ${label}: ${result.status === 0 ? 'ok' : `FAILED (exit ${result.status})`} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  return result.status === 0;
}

function step(label, cmd, args) {
  if (run(label, cmd, args)) passed++;
  else {
    failed++;
    failures.push(label);
  }
}

function vitest(label, project, env = {}) {
  const out = path.join(tmp, `results-${label.replace(/\W+/g, '-')}.json`);
  fs.rmSync(out, { force: true });
  const ok = run(
    label,
    bin('vitest'),
    ['run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${out}`],
    env,
  );
  if (fs.existsSync(out)) {
    const r = JSON.parse(fs.readFileSync(out, 'utf8'));
    passed += r.numPassedTests;
    failed += r.numFailedTests;
    skipped += r.numPendingTests + (r.numTodoTests ?? 0);
    if (r.numFailedTests > 0 || !ok) failures.push(label);
    if (!ok && r.numFailedTests === 0) failed++; // a suite failed to load
  } else if (!ok) {
    failed++;
    failures.push(label);
  }
}

step('typecheck', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']);
step('lint', bin('eslint'), ['.', '--max-warnings=0']);
// One format (Prettier, .prettierrc.json, 120 columns): `npm run format` fixes what this refuses.
step('format', bin('prettier'), [
  '--check',
  '--log-level=warn',
  'src/**/*.{ts,tsx,mts,mjs}',
  'test/**/*.{ts,mjs}',
  'bench/**/*.ts',
  'scripts/**/*.{ts,mjs}',
  'bin/*.mjs',
  '*.{js,ts}',
]);
vitest('unit', 'unit');
vitest('api (PGlite)', 'api', { THUOCDO_TEST_DB: 'pglite' });
if (process.env.TEST_DATABASE_URL) vitest('api (PostgreSQL)', 'api', { THUOCDO_TEST_DB: 'postgres' });
else console.log('\n(TEST_DATABASE_URL is not set: API tests on PostgreSQL skipped)');
if (process.env.THUOCDO_SKIP_E2E === '1') console.log('\n(THUOCDO_SKIP_E2E=1: browser tests skipped)');
else if (!fs.existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium')) {
  console.log('\nChromium is missing: install it with `apt-get install -y chromium` (or set THUOCDO_SKIP_E2E=1).');
  failed++;
  failures.push('e2e (no chromium)');
} else vitest('e2e (Chromium)', 'e2e');

if (failures.length) console.log(`\nFailed steps: ${failures.join(', ')}`);
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed === 0 ? 0 : 1);
