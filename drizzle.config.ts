import { defineConfig } from 'drizzle-kit';

// Migrations are generated from src/db/schema and applied at boot by src/db/migrate.ts on both
// PGlite and PostgreSQL (one SQL dialect).
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema/index.ts',
  out: './src/db/migrations',
});
