// Runs conformance cases over HTTP through the unchanged @openfga/sdk against an engine server per
// datastore, several cases at a time, and collects one outcome per assertion.
import { OpenFgaClient } from '@openfga/sdk';
import type { CaseSpec } from './case-spec.js';
import type { DatastoreKind } from './engine-target.js';
import { startEngineTarget } from './engine-target.js';
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
  const result: ConformanceResult = { outcomes: [], skipped: [] };
  for (const datastore of opts.datastores) {
    const target = await startEngineTarget(datastore, opts.databaseUrl);
    try {
      const client = createConformanceClient(target.url);
      const perRun = await mapWithConcurrency(runs, opts.concurrency, (run) =>
        runCase(client, run.spec, run.variant, datastore).catch((err): Outcome[] => [
          // A runner bug must show up as a failure, not abort the other cases.
          { datastore, caseName: caseLabel(run.spec, run.variant), stage: 0, assertion: 'run case', expected: 'to complete', got: String((err as Error)?.stack ?? err), passed: false },
        ]),
      );
      result.outcomes.push(...perRun.flat());
      result.skipped.push(...skipped.map((s) => ({ ...s, datastore })));
    } finally {
      await target.close();
    }
  }
  return result;
}
