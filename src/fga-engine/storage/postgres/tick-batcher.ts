// Coalesces lookups issued in the same tick into one query. Resolution fans out with Promise.all
// (union branches, parents of a tuple-to-userset, both halves of an exclusion), so sibling reads
// start together; sending them as one statement saves round-trips without delaying anything: the
// batch leaves on process.nextTick, before any I/O could have answered a separate query anyway.

/** Larger batches are split so one statement's arrays stay small. */
const MAX_BATCH = 256;

interface Pending<K, R> {
  key: K;
  resolve(value: R): void;
  reject(reason: unknown): void;
}

export class TickBatcher<K, R> {
  private pending: Array<Pending<K, R>> = [];

  /** `run` answers a batch of keys with one result per key, in order. */
  constructor(private readonly run: (keys: K[]) => Promise<R[]>) {}

  load(key: K): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      if (this.pending.length === 0) process.nextTick(() => this.flush());
      this.pending.push({ key, resolve, reject });
    });
  }

  private flush(): void {
    const all = this.pending;
    this.pending = [];
    for (let start = 0; start < all.length; start += MAX_BATCH) {
      const batch = all.slice(start, start + MAX_BATCH);
      this.run(batch.map((p) => p.key)).then(
        (results) => batch.forEach((p, i) => p.resolve(results[i])),
        (err) => {
          if (batch.length === 1) batch[0].reject(err);
          // One bad lookup (say, text PostgreSQL refuses) must not fail the unrelated requests
          // that happened to share its tick: retry each on its own.
          else for (const p of batch) this.run([p.key]).then((r) => p.resolve(r[0]), p.reject);
        },
      );
    }
  }
}
