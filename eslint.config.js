// Lint rules: typescript-eslint recommended, plus a hard rule that src/core stays pure (no I/O, no frameworks).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'data/**', 'src/db/migrations/**', 'test/.tmp/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  // A key written twice in one dictionary object silently keeps the second text ("camp.reminders" once read
  // "Gửi nhắc nhở ngay"): an error, named here so it cannot be switched off by a change of preset. Across the
  // dictionary files of one language, test/unit/web/i18n-keys.test.ts fails on a repeat (issue 14 §6).
  { files: ['src/web/i18n/**/*.ts', 'src/web/portal/**/*.ts'], rules: { 'no-dupe-keys': 'error' } },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'fs', 'path', 'crypto', 'http', 'os', 'child_process'],
              message: 'src/core is pure: no I/O.',
            },
            {
              group: [
                'fastify*',
                '@fastify/*',
                'drizzle-orm*',
                'pg',
                '@electric-sql/*',
                'react*',
                'antd*',
                'exceljs',
                '**/db/**',
                '**/server/**',
                '**/web/**',
                '**/app/**',
                '**/infra/**',
                '**/exchange/**',
                '**/contract/**',
                '**/cli/**',
                '**/seed/**',
                '**/fixture/**',
              ],
              message: 'src/core must not import frameworks or outer layers.',
            },
          ],
        },
      ],
    },
  },
  // ── Layer rules: who may import whom (issue 12; docs/ARCHITECTURE.md "Layers") ─────────────────────────
  // core ← contract, exchange ← db ← infra ← app ← server, cli, seed, fixture. An import pointing up fails
  // `npm test`. Each layer lists the outer layers it must not reach; type-only imports of a framework's
  // types (e.g. drizzle's SQL) are allowed where noted.
  {
    files: ['src/exchange/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '**/db/**',
                '**/infra/**',
                '**/app/**',
                '**/server/**',
                '**/cli/**',
                '**/seed/**',
                '**/fixture/**',
                '**/web/**',
                'fastify*',
                '@fastify/*',
                'drizzle-orm*',
              ],
              message: 'src/exchange reads and writes files people exchange: it may import src/core only.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/db/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '**/infra/**',
                '**/app/**',
                '**/server/**',
                '**/cli/**',
                '**/seed/**',
                '**/fixture/**',
                '**/web/**',
                '**/exchange/**',
                'fastify*',
                '@fastify/*',
              ],
              message:
                'src/db (schema, migrations, queries) may import src/core only: use cases call it, never the reverse.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/infra/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            // The one exception: infrastructure reports failures in the use cases' error vocabulary.
            {
              group: ['**/app/**', '!**/app/errors.ts'],
              message: 'src/infra (file store, import workers, config) must not import use cases: src/app calls it.',
            },
            {
              group: [
                '**/server/**',
                '**/cli/**',
                '**/seed/**',
                '**/fixture/**',
                '**/web/**',
                'fastify*',
                '@fastify/*',
              ],
              message: 'src/infra must not import the server or the entry points.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/app/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '**/server/**',
                '**/cli/**',
                '**/seed/**',
                '**/fixture/**',
                '**/web/**',
                'fastify*',
                '@fastify/*',
              ],
              message:
                'src/app (use cases) is transport-neutral: no Fastify, no server, no entry points. Throw OperationError (app/errors.ts); the server maps codes to statuses.',
            },
            {
              group: ['**/db/schema/**', 'drizzle-orm*'],
              allowTypeImports: true,
              message:
                'src/app holds no SQL: every statement is a named function in src/db/queries (decision 0011); type imports stay allowed.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/db/schema/**', 'drizzle-orm*'],
              allowTypeImports: true,
              message:
                'src/server is Fastify only: tables and SQL live in src/db (queries) and are reached through src/app.',
            },
            {
              group: ['**/cli/**', '**/seed/**', '**/fixture/**', '**/web/**'],
              message: 'src/server must not import the entry points or the web app.',
            },
          ],
        },
      ],
    },
  },
  {
    // The entry points build data through the use cases and the statements of src/db/queries, never a table.
    files: ['src/cli/**/*.ts', 'src/seed/**/*.ts', 'src/fixture/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/db/schema/**', 'drizzle-orm*'],
              allowTypeImports: true,
              message:
                'Entry points hold no SQL: their statements live in src/db/queries (seed-*, fixture-*, cli-*; decision 0011).',
            },
          ],
        },
      ],
    },
  },
  // ── end of the layer rules ───────────────────────────────────────────────────────────────────────────
  // ── Layer rules: src/contract and src/web (issue 12, the API contract) ─────────────────────────────
  // src/contract is the API's zod schemas and their inferred types: it may import zod and src/core only.
  {
    files: ['src/contract/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!zod$|\\.\\./core/|\\./)',
              message: 'src/contract imports only zod, src/core and its own files.',
            },
          ],
        },
      ],
    },
  },
  // The web app and the portal talk to the server over HTTP: they import src/core, src/contract (types
  // only, so zod stays out of the bundles), their own files and browser libraries, never a server layer.
  {
    files: ['src/web/**/*.{ts,tsx}'],
    ignores: ['src/web/vite.config.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '**/server/**',
                '**/db/**',
                '**/app/**',
                '**/infra/**',
                '**/exchange/**',
                '**/cli/**',
                '**/seed/**',
                '**/fixture/**',
                '**/bench/**',
                'node:*',
              ],
              message: 'src/web imports only src/core, src/contract, its own files and browser libraries.',
            },
            {
              group: ['**/contract/**'],
              allowTypeImports: true,
              message: 'Import only types from src/contract (import type …): zod stays out of the web bundles.',
            },
            {
              group: ['zod', 'zod/*'],
              allowTypeImports: true,
              message: 'The web app does not validate with zod: the server does (types come from src/contract).',
            },
          ],
        },
      ],
    },
  },
  // ── end of the contract/web layer rules ──────────────────────────────────────────────────────────────
  {
    files: ['src/web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      // antd compares labels as typed: "cam xuyen" would not find "Cẩm Xuyên" (lib/searchSelect.ts).
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='optionFilterProp']",
          message:
            'Use showSearch={accentInsensitiveSearch} (src/web/lib/searchSelect.ts): search must ignore accents.',
        },
        {
          selector: "Property[key.name='optionFilterProp']",
          message:
            'Use showSearch={accentInsensitiveSearch} (src/web/lib/searchSelect.ts): search must ignore accents.',
        },
      ],
    },
  },
);
