// PostgreSQL chores around a benchmark: a clean schema per run, and statistics plus a visibility
// map after a bulk load (what autovacuum gives a database in steady state), so the planner and
// index-only scans behave as they would in production rather than on a just-filled table.
import pg from 'pg';

function assertPlainIdentifier(schema: string): void {
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`schema '${schema}' is not a plain lower-case identifier`);
}

async function withClient<T>(databaseUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function dropSchema(databaseUrl: string, schema: string): Promise<void> {
  assertPlainIdentifier(schema);
  await withClient(databaseUrl, (client) => client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`));
}

/** VACUUM (ANALYZE) every table of the schema; returns how long it took in ms. */
export async function vacuumAnalyzeSchema(databaseUrl: string, schema: string): Promise<number> {
  assertPlainIdentifier(schema);
  const started = performance.now();
  await withClient(databaseUrl, async (client) => {
    const { rows } = await client.query<{ name: string }>('SELECT tablename AS name FROM pg_tables WHERE schemaname = $1', [schema]);
    for (const { name } of rows) await client.query(`VACUUM (ANALYZE) ${schema}."${name.replace(/"/g, '""')}"`);
  });
  return performance.now() - started;
}

/**
 * Writes the bulk load's dirty pages out now (CHECKPOINT), as the server would within minutes of a
 * load: left to the timed checkpoint, that flush can land inside the first measured cells and slow
 * every commit's WAL sync there (each read commits its decision-log entry). Needs superuser or
 * pg_checkpoint; without either, the flush is left to the server.
 */
export async function flushBulkLoad(databaseUrl: string): Promise<void> {
  await withClient(databaseUrl, (client) => client.query('CHECKPOINT')).catch(() => undefined);
}
