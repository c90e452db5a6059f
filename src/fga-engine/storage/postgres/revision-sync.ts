// Keeps a process's read cache up to date with every store's committed writes, whoever wrote them
// (this process, another API process, a worker, a CLI). Each write bumps its store's revision and
// files its changes under it (migrations/0002_store_revisions.sql); committed revisions have no holes.
//
// sync(store) resolves once the cache has dropped every read that a write committed before the call
// could alter: one statement reads the store's revision and the changes since the last one applied.
// Calls made while such a statement is already running wait for the next one (the running one may
// have started before their call), so concurrent requests share statements but none misses a write.
import type { Pool } from 'pg';
import { joinUser } from './tuple-columns.js';
import type { ReadCache } from './read-cache.js';
import { bind, statement } from './statements.js';

/** More changes than this since the last sync: drop the store's reads instead of replaying them. */
const MAX_REPLAY = 2000;
const NO_CHANGES = '9223372036854775807';

const changesSince = statement(
  `SELECT r.revision::text AS current, c.object_type, c.object_id, c.relation, c.user_type, c.user_id, c.user_relation
   FROM (SELECT coalesce((SELECT revision FROM store_revisions WHERE store = $1), 0) AS revision) r
   LEFT JOIN LATERAL (
     SELECT revision, object_type, object_id, relation, user_type, user_id, user_relation FROM changelog
     WHERE store = $1 AND revision IS NOT NULL AND revision > $2::bigint ORDER BY revision LIMIT $3
   ) c ON true`,
);

interface ChangeRow {
  current: string;
  object_type: string | null;
  object_id: string;
  relation: string;
  user_type: string;
  user_id: string;
  user_relation: string;
}

interface Waiter {
  resolve(): void;
  reject(error: unknown): void;
}

interface StoreSync {
  /** Revision the cache reflects; undefined before the first sync. */
  applied?: bigint;
  running: boolean;
  waiting: Waiter[];
}

export class RevisionSync {
  private readonly stores = new Map<string, StoreSync>();
  /** Bumped whenever reads are dropped: a read that started in an older epoch may be stale, so it is not cached. */
  epoch = 0;

  constructor(
    private readonly pool: Pool,
    private readonly cache: ReadCache,
  ) {}

  sync(storeId: string): Promise<void> {
    let state = this.stores.get(storeId);
    if (!state) this.stores.set(storeId, (state = { running: false, waiting: [] }));
    const store = state;
    return new Promise<void>((resolve, reject) => {
      store.waiting.push({ resolve, reject });
      if (!store.running) this.run(storeId, store);
    });
  }

  private run(storeId: string, state: StoreSync): void {
    const waiters = state.waiting;
    state.waiting = [];
    state.running = true;
    this.pool
      .query<ChangeRow>(bind(changesSince, [storeId, state.applied?.toString() ?? NO_CHANGES, MAX_REPLAY]))
      .then(({ rows }) => {
        this.apply(storeId, state, rows);
        for (const w of waiters) w.resolve();
      }, (error: unknown) => {
        for (const w of waiters) w.reject(error);
      })
      .finally(() => {
        state.running = false;
        if (state.waiting.length) this.run(storeId, state);
      });
  }

  private apply(storeId: string, state: StoreSync, rows: ChangeRow[]): void {
    const current = BigInt(rows[0].current);
    const changes = rows.filter((r) => r.object_type !== null);
    if (state.applied === undefined) {
      // Nothing of this store is cached before its first sync.
      state.applied = current;
      return;
    }
    if (changes.length === 0 && current === state.applied) return;
    this.epoch++;
    // Too many to replay, or the store's revisions started over (its schema was recreated): drop its reads.
    if (changes.length >= MAX_REPLAY || current < state.applied) this.cache.clearStore(storeId);
    else {
      for (const c of changes) {
        this.cache.invalidate({ store: storeId, objectType: c.object_type!, objectId: c.object_id, relation: c.relation, user: joinUser(c.user_type, c.user_id, c.user_relation) });
      }
    }
    state.applied = current;
  }
}
