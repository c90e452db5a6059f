// A closed-loop load generator: `concurrency` workers each send one request, wait for the answer,
// and send the next, for a fixed time. A short warm-up (JIT, connection pools, caches) is not
// counted. Works for any async request (SDK call, fetch, DB query), so other benchmarks reuse it.
import { summarizeLatencies, type LatencySummary } from './latency-stats.js';

export interface LoadPhase {
  concurrency: number;
  durationMs: number;
  warmupMs?: number;
  /** One request; `worker` is 0..concurrency-1, `iteration` counts that worker's requests. Throw to count an error. */
  request(worker: number, iteration: number): Promise<void>;
}

export interface LoadResult extends LatencySummary {
  concurrency: number;
  /** The first error seen, for the report: a phase full of errors measures nothing. */
  firstError?: string;
}

async function runFor(phase: LoadPhase, untilMs: number, record: (ms: number) => void, onError: (error: unknown) => void): Promise<void> {
  const worker = async (index: number) => {
    for (let iteration = 0; performance.now() < untilMs; iteration++) {
      const started = performance.now();
      try {
        await phase.request(index, iteration);
        record(performance.now() - started);
      } catch (error) {
        onError(error);
      }
    }
  };
  await Promise.all(Array.from({ length: phase.concurrency }, (_, index) => worker(index)));
}

export async function runLoad(phase: LoadPhase): Promise<LoadResult> {
  if (phase.warmupMs) await runFor(phase, performance.now() + phase.warmupMs, () => undefined, () => undefined);
  // Preallocated and grown by doubling: pushing to a number[] per request would add GC noise.
  let latencies = new Float64Array(1 << 16);
  let count = 0;
  let errors = 0;
  let firstError: string | undefined;
  const record = (ms: number) => {
    if (count === latencies.length) {
      const grown = new Float64Array(latencies.length * 2);
      grown.set(latencies);
      latencies = grown;
    }
    latencies[count++] = ms;
  };
  const onError = (error: unknown) => {
    errors += 1;
    firstError ??= error instanceof Error ? error.message : String(error);
  };
  const started = performance.now();
  await runFor(phase, started + phase.durationMs, record, onError);
  const elapsed = performance.now() - started;
  return { ...summarizeLatencies(latencies.subarray(0, count), elapsed, errors), concurrency: phase.concurrency, firstError };
}
