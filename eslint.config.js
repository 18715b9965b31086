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
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['node:*', 'fs', 'path', 'crypto', 'http', 'os', 'child_process'], message: 'src/core is pure: no I/O.' },
          { group: ['fastify*', '@fastify/*', 'drizzle-orm*', 'pg', '@electric-sql/*', 'react*', 'antd*', 'exceljs', '**/db/**', '**/server/**', '**/web/**'], message: 'src/core must not import frameworks or outer layers.' },
        ],
      }],
    },
  },
  {
    files: ['src/web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      // antd compares labels as typed: "cam xuyen" would not find "Cẩm Xuyên" (lib/searchSelect.ts).
      'no-restricted-syntax': ['error',
        { selector: "JSXAttribute[name.name='optionFilterProp']", message: 'Use showSearch={accentInsensitiveSearch} (src/web/lib/searchSelect.ts): search must ignore accents.' },
        { selector: "Property[key.name='optionFilterProp']", message: 'Use showSearch={accentInsensitiveSearch} (src/web/lib/searchSelect.ts): search must ignore accents.' },
      ],
    },
  },
);
