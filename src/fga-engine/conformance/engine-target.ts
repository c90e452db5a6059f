// Starts the engine's HTTP server on a loopback port over the requested datastore. PostgreSQL runs
// get a fresh schema, dropped on close, so runs never see each other's data.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { startFgaServer } from '../api/index.js';
import type { Datastore } from '../storage/datastore.js';
import { MemoryDatastore } from '../storage/memory.js';
import { PostgresDatastore } from '../storage/postgres.js';

export type DatastoreKind = 'memory' | 'postgres';

export interface EngineTarget {
  datastore: DatastoreKind;
  url: string;
  close(): Promise<void>;
}

export async function startEngineTarget(kind: DatastoreKind, databaseUrl: string): Promise<EngineTarget> {
  let datastore: Datastore;
  let schema: string | undefined;
  if (kind === 'postgres') {
    schema = `fga_conformance_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
    datastore = await PostgresDatastore.connect({ connectionString: databaseUrl, schema });
  } else {
    datastore = new MemoryDatastore();
  }
  const server = await startFgaServer({ datastore, port: 0, host: '127.0.0.1' }).catch(async (err) => {
    await datastore.close();
    throw err;
  });
  return {
    datastore: kind,
    url: server.url,
    async close() {
      await server.close();
      await datastore.close();
      if (schema) await dropSchema(databaseUrl, schema);
    },
  };
}

async function dropSchema(databaseUrl: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}
