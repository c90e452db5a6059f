// Loads many tuples into a datastore directly through its write() in large batches (one statement
// per batch in the PostgreSQL datastore) — the API's 100-tuple limit would make 200k tuples take
// minutes, and seeding is not what a benchmark measures.
import type { Datastore } from '../../src/fga-engine/storage/datastore.js';
import type { TupleKey } from '../../src/fga-engine/types.js';

export interface BulkLoadResult { tuples: number; ms: number }

export async function bulkLoadTuples(
  datastore: Datastore,
  storeId: string,
  tuples: Iterable<TupleKey>,
  opts: { batchSize?: number; onProgress?: (loaded: number) => void } = {},
): Promise<BulkLoadResult> {
  const batchSize = opts.batchSize ?? 5000;
  const started = performance.now();
  let batch: TupleKey[] = [];
  let loaded = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    await datastore.write(storeId, [], batch);
    loaded += batch.length;
    batch = [];
    opts.onProgress?.(loaded);
  };
  for (const tuple of tuples) {
    batch.push(tuple);
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  return { tuples: loaded, ms: performance.now() - started };
}
