// Runs conformance cases over HTTP through the unchanged @openfga/sdk against an engine server per
// datastore, several cases at a time, and collects one outcome per assertion.
import { OpenFgaClient } from '@openfga/sdk';
import type { CaseSpec } from './case-spec.js';
import type { DatastoreKind } from './engine-target.js';
import { startEngineTargetInWorker } from './engine-target-worker.js';
import type { Outcome } from './outcome.js';
import type { SkippedRun } from './plan-runs.js';
import { planRuns } from './plan-runs.js';
import { caseLabel, runCase } from './run-case.js';

export interface ConformanceOptions {
  datastores: DatastoreKind[];
  databaseUrl: string;
  /** Cases in flight at once. */
  concurrency: number;
}

export interface ConformanceResult {
  outcomes: Outcome[];
  skipped: Array<SkippedRun & { datastore: DatastoreKind }>;
}

/** Runs `task` over `items` with at most `limit` in flight; results keep the input order. */
export async function mapWithConcurrency<T, R>(items: T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await task(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}

export function createConformanceClient(apiUrl: string): OpenFgaClient {
  // No retries: a 5xx or 429 is an answer to judge, not something to paper over.
  return new OpenFgaClient({ apiUrl, retryParams: { maxRetry: 0 } });
}

export async function runConformance(cases: CaseSpec[], opts: ConformanceOptions): Promise<ConformanceResult> {
  const { runs, skipped } = planRuns(cases);
  // Datastores run side by side, each engine in its own worker thread: the wall time is the
  // slowest datastore's, not the sum. Results keep the requested datastore order.
  const perDatastore = await Promise.all(
    opts.datastores.map(async (datastore) => {
      const target = await startEngineTargetInWorker(datastore, opts.databaseUrl);
      try {
        const client = createConformanceClient(target.url);
        const perRun = await mapWithConcurrency(runs, opts.concurrency, (run) =>
          runCase(client, run.spec, run.variant, datastore).catch((err): Outcome[] => [
            // A runner bug must show up as a failure, not abort the other cases.
            { datastore, caseName: caseLabel(run.spec, run.variant), stage: 0, assertion: 'run case', expected: 'to complete', got: String((err as Error)?.stack ?? err), passed: false },
          ]),
        );
        return { outcomes: perRun.flat(), skipped: skipped.map((s) => ({ ...s, datastore })) };
      } finally {
        await target.close();
      }
    }),
  );
  return {
    outcomes: perDatastore.flatMap((d) => d.outcomes),
    skipped: perDatastore.flatMap((d) => d.skipped),
  };
}
