import { defineConfig } from 'drizzle-kit';

// Generates SQL migrations from the schema; no database connection is needed for that.
export default defineConfig({
	schema: './src/lib/server/db/schema/index.ts',
	out: './drizzle',
	dialect: 'postgresql'
});
