// The three resolution reads answered from a process-wide cache when they can be: a Check on a
// warm cache costs no PostgreSQL round-trip beyond its request's revision sync (revision-sync.ts),
// and that one is shared by every request in flight. Answers stay exact: a read is used only by
// requests that synced after it was made, and a change drops every read it could alter.
import type { Pool } from 'pg';
import type { TupleKey } from '../../types.js';
import type { ReadStartingWithUserFilter, ReadUsersetTuplesFilter } from '../datastore.js';
import { objectKey, ReadCache, userKey } from './read-cache.js';
import type { ResolutionReads } from './resolution-reads.js';
import { RevisionSync } from './revision-sync.js';

const SEP = '\u0000';
/** Answers longer than this are not kept: one huge group's members must not push out thousands of small reads. */
const MAX_CACHED_TUPLES = 1000;
/** Reverse reads restricted to more ids than this are not kept (their key alone would be large). */
const MAX_KEYED_OBJECT_IDS = 200;

export class CachedResolutionReads {
  private readonly cache: ReadCache;
  private readonly revisions: RevisionSync;
  // Misses of the same key in the same epoch share one read.
  private readonly inFlight = new Map<string, { epoch: number; read: Promise<unknown> }>();

  constructor(
    private readonly reads: ResolutionReads,
    pool: Pool,
    maxEntries: number,
  ) {
    this.cache = new ReadCache(maxEntries);
    this.revisions = new RevisionSync(pool, this.cache);
  }

  /** Resolves once every write committed before the call is reflected (see RevisionSync). */
  sync(storeId: string): Promise<void> {
    return this.revisions.sync(storeId);
  }

  get size(): number {
    return this.cache.size;
  }

  readUserTuple(storeId: string, key: { object: string; relation: string; user: string }): Promise<TupleKey | undefined> {
    return this.cached(`e${SEP}${storeId}${SEP}${key.object}${SEP}${key.relation}${SEP}${key.user}`, [objectKey(storeId, key.object, key.relation)], () =>
      this.reads.readUserTuple(storeId, key),
    );
  }

  readUsersetTuples(storeId: string, filter: ReadUsersetTuplesFilter): Promise<TupleKey[]> {
    const shapes = filter.allowedUserTypes ? JSON.stringify(filter.allowedUserTypes) : '*';
    return this.cached(`s${SEP}${storeId}${SEP}${filter.object}${SEP}${filter.relation}${SEP}${shapes}`, [objectKey(storeId, filter.object, filter.relation)], () =>
      this.reads.readUsersetTuples(storeId, filter),
    );
  }

  readStartingWithUser(storeId: string, filter: ReadStartingWithUserFilter): Promise<TupleKey[]> {
    const { objectType, relation, users, objectIds } = filter;
    if (objectIds && objectIds.length > MAX_KEYED_OBJECT_IDS) return this.reads.readStartingWithUser(storeId, filter);
    const ids = objectIds ? `ids${SEP}${objectIds.join(SEP)}` : 'all';
    const key = `r${SEP}${storeId}${SEP}${objectType}${SEP}${relation}${SEP}${users.join(SEP)}${SEP}${ids}`;
    return this.cached(key, users.map((user) => userKey(storeId, objectType, relation, user)), () => this.reads.readStartingWithUser(storeId, filter));
  }

  private cached<T>(key: string, dependsOn: string[], read: () => Promise<T>): Promise<T> {
    const hit = this.cache.get(key);
    if (hit) return Promise.resolve(hit.value as T);
    const epoch = this.revisions.epoch;
    const pending = this.inFlight.get(key);
    if (pending && pending.epoch === epoch) return pending.read as Promise<T>;
    const reading = read().then(
      (value) => {
        // A change applied while reading may have come too late for this snapshot: don't keep it.
        const tooLarge = Array.isArray(value) && value.length > MAX_CACHED_TUPLES;
        if (this.revisions.epoch === epoch && !tooLarge) this.cache.set(key, value, dependsOn);
        return value;
      },
    ).finally(() => {
      if (this.inFlight.get(key)?.read === reading) this.inFlight.delete(key);
    });
    this.inFlight.set(key, { epoch, read: reading });
    return reading;
  }
}
