// The one interface every datastore implements (in-memory for tests and conformance, PostgreSQL for
// the app). Resolution only uses the indexed reads below, so no query ever scans a whole store.
import type { Assertion, AuthorizationModel, Store, Tuple, TupleChange, TupleKey } from '../types.js';

export interface Page<T> {
  items: T[];
  /** Opaque to callers; '' when there is nothing more. */
  continuationToken: string;
}

export interface ReadFilter {
  /** `type:id` (exact object) or `type:` (every object of a type); omitted = any object. */
  object?: string;
  relation?: string;
  /** Exact user string (`type:id`, `type:*`, `type:id#rel`). */
  user?: string;
}

export interface ReadStartingWithUserFilter {
  objectType: string;
  relation: string;
  /** Exact user strings to match, e.g. ['user:anne', 'user:*'] or ['group:eng#member']. */
  users: string[];
  /** Optional restriction to these object ids (`type:id`). */
  objectIds?: string[];
}

export interface ReadUsersetTuplesFilter {
  object: string;
  relation: string;
  /** Restrict to users of these shapes: `{ type }` plain + wildcard of that type, `{ type, relation }` usersets, `{ type, wildcard: true }` only `type:*`. Omitted = all. */
  allowedUserTypes?: Array<{ type: string; relation?: string; wildcard?: boolean }>;
}

export interface ChangesFilter {
  objectType?: string;
  /** Only changes at or after this instant (ignored when a continuation token is given). */
  startTime?: Date;
}

export interface WriteOptions {
  /** 'error' (default): writing an existing tuple fails with write_failed_due_to_invalid_input; 'ignore': no-op. */
  onDuplicate?: 'error' | 'ignore';
  /** 'error' (default): deleting a missing tuple fails; 'ignore': no-op. */
  onMissing?: 'error' | 'ignore';
}

export interface Datastore {
  readonly kind: 'memory' | 'postgres';

  createStore(store: Store): Promise<void>;
  getStore(id: string): Promise<Store | undefined>;
  listStores(opts: { pageSize: number; continuationToken?: string; name?: string }): Promise<Page<Store>>;
  /** Soft or hard delete; a missing store is a no-op. */
  deleteStore(id: string): Promise<void>;

  writeAuthorizationModel(storeId: string, model: AuthorizationModel): Promise<void>;
  readAuthorizationModel(storeId: string, id: string): Promise<AuthorizationModel | undefined>;
  /** Newest first. */
  readAuthorizationModels(storeId: string, opts: { pageSize: number; continuationToken?: string }): Promise<Page<AuthorizationModel>>;
  findLatestAuthorizationModel(storeId: string): Promise<AuthorizationModel | undefined>;

  /**
   * Applies deletes then writes atomically: all or nothing. Throws FgaError
   * write_failed_due_to_invalid_input (400) for an existing write / missing delete unless ignored.
   * Records every applied change in the changelog.
   */
  write(storeId: string, deletes: TupleKey[], writes: TupleKey[], opts?: WriteOptions): Promise<void>;

  /** Paginated read for the Read API (ordered stably). */
  read(storeId: string, filter: ReadFilter, opts: { pageSize: number; continuationToken?: string }): Promise<Page<Tuple>>;
  /**
   * For a datastore that caches resolution reads: a view of it whose resolution reads may answer from
   * the cache, once every write committed before this call is reflected there. Queries (check,
   * list-objects, …) read through it; without the method they read the datastore itself.
   */
  freshView?(storeId: string): Promise<Datastore>;
  /** Unpaginated read for resolution: the tuple `object#relation@user` if stored. */
  readUserTuple(storeId: string, key: { object: string; relation: string; user: string }): Promise<TupleKey | undefined>;
  /** Unpaginated read for resolution: every tuple on `object#relation`, optionally restricted by user shape. */
  readUsersetTuples(storeId: string, filter: ReadUsersetTuplesFilter): Promise<TupleKey[]>;
  /** Unpaginated reverse read for list-objects: tuples `objectType:*#relation@user` for the given users. */
  readStartingWithUser(storeId: string, filter: ReadStartingWithUserFilter): Promise<TupleKey[]>;

  /**
   * Oldest first. Unlike other pages, the token points at the last change returned even when no more
   * exist yet (so clients can poll with it); '' only when nothing matched. A token issued for another
   * objectType → FgaError query_string_type_continuation_token_mismatch.
   */
  readChanges(storeId: string, filter: ChangesFilter, opts: { pageSize: number; continuationToken?: string }): Promise<Page<TupleChange>>;

  writeAssertions(storeId: string, modelId: string, assertions: Assertion[]): Promise<void>;
  readAssertions(storeId: string, modelId: string): Promise<Assertion[]>;

  close(): Promise<void>;
}
