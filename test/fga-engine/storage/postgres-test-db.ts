// Where the PostgreSQL tests run and how they name their own schemas (dropped by each test file).
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/test';

export function uniqueSchemaName(purpose: string): string {
  return `fga_test_${purpose}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
}

/** Drops a test's schemas (each test file drops what it made). */
export async function dropSchemas(...schemas: string[]): Promise<void> {
  const admin = new pg.Client({ connectionString: DATABASE_URL });
  await admin.connect();
  try {
    for (const schema of schemas) await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await admin.end();
  }
}
