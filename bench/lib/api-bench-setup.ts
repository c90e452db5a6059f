// Brings up one benchmark dataset: the API process with a fresh database, the seeded rows, the
// tuples they imply, planner statistics, and a signed-in token for every actor a scenario uses.
import { startApiChild, type ApiChild } from './api-child.js';
import { apiScenarios, type Scenario } from './api-scenarios.js';
import { flushBulkLoad, vacuumAnalyzeSchema } from './postgres-schema.js';
import { seededRandom } from './seeded-random.js';
import { Dataset, datasetShape, seedDataset } from './touchline-dataset.js';

export interface BenchSetup {
  api: ApiChild;
  dataset: Dataset;
  scenarios: Scenario[];
  tokens: Map<string, string>;
  facts: ReturnType<Dataset['counts']> & { scale: number; tuples: number; seedSeconds: number; tupleLoadSeconds: number };
}

export async function setUpBench(scale: number, log: (line: string) => void, nodeArgs: string[] = []): Promise<BenchSetup> {
  const api = await startApiChild({ nodeArgs });
  try {
    const dataset = new Dataset(datasetShape(scale));
    const started = performance.now();
    await seedDataset(api.databaseUrl, dataset);
    const seedSeconds = (performance.now() - started) / 1000;
    log(`  rows seeded in ${seedSeconds.toFixed(1)} s: ${JSON.stringify(dataset.counts())}`);
    const load = await api.loadTuples();
    log(`  ${load.tuples} tuples (desiredTuples of those rows) loaded in ${(load.ms / 1000).toFixed(1)} s`);
    // Statistics and visibility map as autovacuum would leave them in steady state.
    for (const schema of ['public', 'fga']) await vacuumAnalyzeSchema(api.databaseUrl, schema);
    await flushBulkLoad(api.databaseUrl);
    const scenarios = apiScenarios(dataset, seededRandom(20261204), api.databaseUrl);
    const userIds = [...new Set(scenarios.flatMap((s) => s.userIds))];
    const signed = await api.tokens(userIds.map(Dataset.subjectOf));
    const tokens = new Map(userIds.map((id, i) => [id, signed[i]]));
    // Each actor signs in once first: the benchmark measures returning users, not first sign-ins.
    for (let i = 0; i < userIds.length; i += 25) {
      await Promise.all(userIds.slice(i, i + 25).map(async (id) => {
        const res = await fetch(`${api.url}/v1/me`, { headers: { authorization: `Bearer ${tokens.get(id)}` } });
        const body = (await res.json()) as { id?: string };
        if (res.status !== 200 || body.id !== id) throw new Error(`sign-in of ${id} answered ${res.status} ${JSON.stringify(body)}`);
      }));
    }
    log(`  ${userIds.length} actors signed in`);
    return { api, dataset, scenarios, tokens, facts: { scale, ...dataset.counts(), tuples: load.tuples, seedSeconds: Math.round(seedSeconds), tupleLoadSeconds: Math.round(load.ms / 1000) } };
  } catch (error) {
    await api.stop();
    throw error;
  }
}
