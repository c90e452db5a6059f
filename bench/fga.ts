// `npm run bench:fga`: the embedded engine on PostgreSQL under load, over HTTP with @openfga/sdk.
// Builds a club-shaped graph (≥ 200k tuples) in its own schema, starts the engine server in a child
// process (after VACUUM ANALYZE, as autovacuum would leave a steady-state database), and measures
// check, batch-check, list-objects, list-users and GET /healthz (baseline) at
// concurrency 1 (service time) and 16 (throughput). Prints a table, then one JSON line.
//
// Settings (environment): BENCH_DATABASE_URL (default postgres://root@127.0.0.1:5432/test),
// BENCH_SCHEMA (fga_bench), BENCH_PHASE_MS (8000), BENCH_WARMUP_MS (1500), BENCH_CLUBS (50),
// BENCH_CPU_PROF_DIR (profile the server with --cpu-prof into that folder), BENCH_KEEP_SCHEMA=1,
// BENCH_ONLY=check,healthz (measure only these operations, e.g. while profiling).
import { fileURLToPath } from 'node:url';
import { OpenFgaClient } from '@openfga/sdk';
import { transformer } from '@openfga/syntax-transformer';
import { PostgresDatastore } from '../src/fga-engine/index.js';
import { bulkLoadTuples } from './lib/bulk-load.js';
import { startChildServer } from './lib/child-server.js';
import { ClubGraph, DEFAULT_CLUB_GRAPH } from './lib/club-graph.js';
import { CLUB_MODEL_DSL } from './lib/club-model.js';
import { fgaOperations, type WrongAnswers } from './lib/fga-operations.js';
import { runLoad } from './lib/load-runner.js';
import { phaseJson, phaseTable, type MeasuredPhase } from './lib/phase-report.js';
import { dropSchema, vacuumAnalyzeSchema } from './lib/postgres-schema.js';
import { seededRandom } from './lib/seeded-random.js';

const env = process.env;
const settings = {
  databaseUrl: env.BENCH_DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/test',
  schema: env.BENCH_SCHEMA ?? 'fga_bench',
  phaseMs: Number(env.BENCH_PHASE_MS ?? 8000),
  warmupMs: Number(env.BENCH_WARMUP_MS ?? 1500),
  clubs: Number(env.BENCH_CLUBS ?? DEFAULT_CLUB_GRAPH.clubs),
  cpuProfDir: env.BENCH_CPU_PROF_DIR,
  keepSchema: env.BENCH_KEEP_SCHEMA === '1',
  only: env.BENCH_ONLY ? env.BENCH_ONLY.split(',').map((key) => key.trim()) : undefined,
};
const CONCURRENCIES = [1, 16] as const;
const log = (line: string) => process.stderr.write(`${line}\n`);

async function main(): Promise<void> {
  const started = performance.now();
  const graph = new ClubGraph({ ...DEFAULT_CLUB_GRAPH, clubs: settings.clubs });
  log(`fga bench: ${graph.tupleCount} tuples (${settings.clubs} clubs), schema ${settings.schema}, ${settings.phaseMs} ms per phase`);

  await dropSchema(settings.databaseUrl, settings.schema);
  const datastore = await PostgresDatastore.connect({ connectionString: settings.databaseUrl, schema: settings.schema });
  const server = await startChildServer(fileURLToPath(new URL('./lib/fga-server-process.ts', import.meta.url)), {
    env: { FGA_BENCH_DATABASE_URL: settings.databaseUrl, FGA_BENCH_SCHEMA: settings.schema },
    nodeArgs: settings.cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${settings.cpuProfDir}`] : [],
  });
  try {
    // Store and model through the API, as an app would create them.
    const admin = new OpenFgaClient({ apiUrl: server.url });
    const { id: storeId } = await admin.createStore({ name: 'fga-bench' });
    const model = transformer.transformDSLToJSONObject(CLUB_MODEL_DSL);
    const { authorization_model_id: modelId } = await admin.writeAuthorizationModel(model, { storeId });

    const load = await bulkLoadTuples(datastore, storeId, graph.tuples(), {
      onProgress: (loaded) => { if (loaded % 50_000 < 5000) log(`  loaded ${loaded} tuples`); },
    });
    log(`  ${load.tuples} tuples loaded in ${(load.ms / 1000).toFixed(1)} s (${Math.round(load.tuples / (load.ms / 1000))} tuples/s)`);
    const vacuumMs = await vacuumAnalyzeSchema(settings.databaseUrl, settings.schema);
    log(`  VACUUM (ANALYZE) in ${(vacuumMs / 1000).toFixed(1)} s`);

    const client = new OpenFgaClient({ apiUrl: server.url, storeId, authorizationModelId: modelId, retryParams: { maxRetry: 0 } });
    const wrong: WrongAnswers = { count: 0 };
    // healthz always runs: every ratio is relative to it.
    const operations = fgaOperations(client, graph, seededRandom(20240611), wrong)
      .filter((operation) => !settings.only || operation.key === 'healthz' || settings.only.includes(operation.key));
    const results = new Map<string, Map<number, MeasuredPhase>>();
    for (const operation of operations) {
      const byConcurrency = new Map<number, MeasuredPhase>();
      results.set(operation.key, byConcurrency);
      for (const concurrency of CONCURRENCIES) {
        const wrongBefore = wrong.count;
        const result = await runLoad({ concurrency, durationMs: settings.phaseMs, warmupMs: settings.warmupMs, request: () => operation.request() });
        byConcurrency.set(concurrency, { ...result, wrong: wrong.count - wrongBefore });
        log(`  ${operation.label} c${concurrency}: p50 ${result.p50.toFixed(2)} ms, p99 ${result.p99.toFixed(2)} ms, ${Math.round(result.rps)} req/s${result.errors ? `, ${result.errors} errors (${result.firstError})` : ''}`);
      }
    }

    const report = { operations, concurrencies: CONCURRENCIES, results, baselineKey: 'healthz' };
    console.log(phaseTable(report));
    if (wrong.count > 0) console.log(`WRONG ANSWERS: ${wrong.count}, e.g. ${wrong.example}`);
    console.log(`tuples ${load.tuples}, loaded in ${(load.ms / 1000).toFixed(1)} s; total ${((performance.now() - started) / 1000).toFixed(0)} s`);
    console.log(JSON.stringify(phaseJson(report, ['check', 'batchCheck', 'listObjects', 'listUsers', 'healthz'])));
  } finally {
    await server.stop();
    await datastore.close();
    if (!settings.keepSchema) await dropSchema(settings.databaseUrl, settings.schema).catch(() => undefined);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
