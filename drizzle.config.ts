import { defineConfig } from 'drizzle-kit';

// Migrations are generated from src/platform/db/schema/, committed, and never edited after merge.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/platform/db/schema/index.ts',
  out: './drizzle',
});
