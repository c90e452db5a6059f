// Child-process entry for benchmarks: the embedded engine's HTTP server on a PostgreSQL datastore,
// as `npm run fga:server` would run it. Settings come from the environment the parent passes.
import { PostgresDatastore, startFgaServer } from '../../src/fga-engine/index.js';

const connectionString = process.env.FGA_BENCH_DATABASE_URL;
const schema = process.env.FGA_BENCH_SCHEMA;
if (!connectionString || !schema) throw new Error('FGA_BENCH_DATABASE_URL and FGA_BENCH_SCHEMA must be set');

const datastore = await PostgresDatastore.connect({ connectionString, schema });
const server = await startFgaServer({ datastore, port: 0, host: '127.0.0.1' });
process.send?.({ type: 'ready', url: server.url });

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await server.close().catch(() => undefined);
  await datastore.close().catch(() => undefined);
  // An explicit exit (not death by signal) lets --cpu-prof write its profile.
  process.exit(0);
}
process.on('SIGTERM', () => void stop());
process.on('disconnect', () => void stop());
