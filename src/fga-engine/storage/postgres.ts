// The PostgreSQL datastore: durable storage for the embedded engine, in its own schema (created and
// migrated on connect), so several engines, tests and the app can share one database.
import pg from 'pg';
import type { Assertion, AuthorizationModel, Store, Tuple, TupleChange, TupleKey } from '../types.js';
import type {
  ChangesFilter,
  Datastore,
  Page,
  ReadFilter,
  ReadStartingWithUserFilter,
  ReadUsersetTuplesFilter,
  WriteOptions,
} from './datastore.js';
import { readAssertions, writeAssertions } from './postgres/assertions.js';
import { readChanges } from './postgres/changes.js';
import { migrate } from './postgres/migrate.js';
import { findLatestAuthorizationModel, readAuthorizationModel, readAuthorizationModels, writeAuthorizationModel } from './postgres/models.js';
import { readPage } from './postgres/read-page.js';
import { CachedResolutionReads } from './postgres/cached-resolution-reads.js';
import { ResolutionReads } from './postgres/resolution-reads.js';
import { assertSchemaName } from './postgres/schema-name.js';
import { createStore, deleteStore, getStore, listStores } from './postgres/stores.js';
import { writeTuples } from './postgres/write.js';

export interface PostgresDatastoreOptions {
  connectionString: string;
  /** Schema holding the datastore's tables; created and migrated on connect. */
  schema?: string;
  /** Connections in the pool. Queries are short, so a few per core keep PostgreSQL busy without thrashing. */
  poolSize?: number;
  /** Resolution reads kept in this process for queries (see freshView); 0 turns the cache off. */
  readCacheEntries?: number;
}

export const DEFAULT_POOL_SIZE = 8;
export const DEFAULT_READ_CACHE_ENTRIES = 20_000;

export class PostgresDatastore implements Datastore {
  readonly kind = 'postgres' as const;

  private readonly resolution: ResolutionReads;
  private readonly cachedResolution?: CachedResolutionReads;
  private cachedView?: Datastore;

  private constructor(
    private readonly pool: pg.Pool,
    readonly schema: string,
    readCacheEntries: number,
  ) {
    this.resolution = new ResolutionReads(pool);
    if (readCacheEntries > 0) this.cachedResolution = new CachedResolutionReads(this.resolution, pool, readCacheEntries);
  }

  /** Opens a pool whose connections use `schema`, and brings the schema up to date. */
  static async connect({ connectionString, schema = 'fga', poolSize = DEFAULT_POOL_SIZE, readCacheEntries = DEFAULT_READ_CACHE_ENTRIES }: PostgresDatastoreOptions): Promise<PostgresDatastore> {
    assertSchemaName(schema);
    const pool = new pg.Pool({
      connectionString,
      max: poolSize,
      // Set at connection start-up (no extra round-trip). search_path: every prepared statement
      // resolves in the datastore's schema. Generic plans: each statement is written to be an index
      // lookup whatever its parameters, so planning once per connection beats re-planning per call.
      options: `-c search_path=${schema} -c plan_cache_mode=force_generic_plan`,
    });
    // An idle client losing its connection must not crash the process; the next query reconnects.
    pool.on('error', () => undefined);
    try {
      await migrate(pool, schema);
    } catch (err) {
      await pool.end();
      throw err;
    }
    return new PostgresDatastore(pool, schema, readCacheEntries);
  }

  createStore(store: Store): Promise<void> {
    return createStore(this.pool, store);
  }
  getStore(id: string): Promise<Store | undefined> {
    return getStore(this.pool, id);
  }
  listStores(opts: { pageSize: number; continuationToken?: string; name?: string }): Promise<Page<Store>> {
    return listStores(this.pool, opts);
  }
  deleteStore(id: string): Promise<void> {
    return deleteStore(this.pool, id);
  }

  writeAuthorizationModel(storeId: string, model: AuthorizationModel): Promise<void> {
    return writeAuthorizationModel(this.pool, storeId, model);
  }
  readAuthorizationModel(storeId: string, id: string): Promise<AuthorizationModel | undefined> {
    return readAuthorizationModel(this.pool, storeId, id);
  }
  readAuthorizationModels(storeId: string, opts: { pageSize: number; continuationToken?: string }): Promise<Page<AuthorizationModel>> {
    return readAuthorizationModels(this.pool, storeId, opts);
  }
  findLatestAuthorizationModel(storeId: string): Promise<AuthorizationModel | undefined> {
    return findLatestAuthorizationModel(this.pool, storeId);
  }

  write(storeId: string, deletes: TupleKey[], writes: TupleKey[], opts?: WriteOptions): Promise<void> {
    return writeTuples(this.pool, storeId, deletes, writes, opts);
  }
  read(storeId: string, filter: ReadFilter, opts: { pageSize: number; continuationToken?: string }): Promise<Page<Tuple>> {
    return readPage(this.pool, storeId, filter, opts);
  }
  /** Resolution reads held by this process's cache (0 when it is off). */
  get readCacheSize(): number {
    return this.cachedResolution?.size ?? 0;
  }

  /** Resolution reads from the process's cache, fresh as of this call (cached-resolution-reads.ts). */
  async freshView(storeId: string): Promise<Datastore> {
    const cached = this.cachedResolution;
    if (!cached) return this;
    await cached.sync(storeId);
    this.cachedView ??= Object.assign(Object.create(this) as PostgresDatastore, {
      readUserTuple: cached.readUserTuple.bind(cached),
      readUsersetTuples: cached.readUsersetTuples.bind(cached),
      readStartingWithUser: cached.readStartingWithUser.bind(cached),
      freshView: (id: string) => this.freshView(id),
    });
    return this.cachedView;
  }

  readUserTuple(storeId: string, key: { object: string; relation: string; user: string }): Promise<TupleKey | undefined> {
    return this.resolution.readUserTuple(storeId, key);
  }
  readUsersetTuples(storeId: string, filter: ReadUsersetTuplesFilter): Promise<TupleKey[]> {
    return this.resolution.readUsersetTuples(storeId, filter);
  }
  readStartingWithUser(storeId: string, filter: ReadStartingWithUserFilter): Promise<TupleKey[]> {
    return this.resolution.readStartingWithUser(storeId, filter);
  }

  readChanges(storeId: string, filter: ChangesFilter, opts: { pageSize: number; continuationToken?: string }): Promise<Page<TupleChange>> {
    return readChanges(this.pool, storeId, filter, opts);
  }

  writeAssertions(storeId: string, modelId: string, assertions: Assertion[]): Promise<void> {
    return writeAssertions(this.pool, storeId, modelId, assertions);
  }
  readAssertions(storeId: string, modelId: string): Promise<Assertion[]> {
    return readAssertions(this.pool, storeId, modelId);
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
