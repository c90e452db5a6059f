// In-memory datastore for tests, conformance runs and embedding. Every method runs synchronously
// inside its promise (no await before it finishes), so each call is atomic with respect to others.
import { monotonicFactory } from 'ulid';
import type { Assertion, AuthorizationModel, Store, Tuple, TupleChange, TupleKey } from '../types.js';
import type {
  ChangesFilter, Datastore, Page, ReadFilter, ReadStartingWithUserFilter, ReadUsersetTuplesFilter, WriteOptions,
} from './datastore.js';
import { decodeContinuationToken, encodeContinuationToken, hasContinuationToken } from './tokens.js';
import { Changelog } from './memory/changelog.js';
import { OrderedIds, takePage } from './memory/ordered-ids.js';
import { TupleIndex, tupleIdentity } from './memory/tuple-index.js';
import { readPage, readStartingWithUser, readUsersetTuples } from './memory/tuple-reads.js';
import { planWrite } from './memory/write-plan.js';

/** Everything kept for one store id. Created on first use, like OpenFGA's memory backend. */
class StoreState {
  readonly tuples = new TupleIndex();
  readonly models = new Map<string, AuthorizationModel>();
  readonly modelIds = new OrderedIds();
  readonly assertions = new Map<string, Assertion[]>();
  readonly changelog: Changelog;
  constructor(nextChangeId: (seedTime: number) => string) {
    this.changelog = new Changelog(nextChangeId);
  }
}

export class MemoryDatastore implements Datastore {
  readonly kind = 'memory' as const;
  private readonly stores = new Map<string, Store>();
  private readonly storeIds = new OrderedIds();
  private readonly states = new Map<string, StoreState>();
  private readonly nextChangeId = monotonicFactory();

  async createStore(store: Store): Promise<void> {
    this.stores.set(store.id, { ...store });
    this.storeIds.add(store.id);
  }

  async getStore(id: string): Promise<Store | undefined> {
    const store = this.stores.get(id);
    return store && { ...store };
  }

  async listStores(opts: { pageSize: number; continuationToken?: string; name?: string }): Promise<Page<Store>> {
    const after = hasContinuationToken(opts.continuationToken)
      ? decodeContinuationToken(opts.continuationToken, 'stores', { after: 'string' }).after
      : undefined;
    const { items, more } = takePage(this.storesAfter(after, opts.name), opts.pageSize);
    return {
      items: items.map((s) => ({ ...s })),
      continuationToken: more ? encodeContinuationToken('stores', { after: items[items.length - 1].id }) : '',
    };
  }

  /** Hard delete: the store and everything in it are dropped (a missing store is a no-op). */
  async deleteStore(id: string): Promise<void> {
    this.stores.delete(id);
    this.storeIds.remove(id);
    this.states.delete(id);
  }

  async writeAuthorizationModel(storeId: string, model: AuthorizationModel): Promise<void> {
    const state = this.stateFor(storeId);
    state.models.set(model.id, structuredClone(model));
    state.modelIds.add(model.id);
  }

  async readAuthorizationModel(storeId: string, id: string): Promise<AuthorizationModel | undefined> {
    return this.states.get(storeId)?.models.get(id);
  }

  async readAuthorizationModels(storeId: string, opts: { pageSize: number; continuationToken?: string }): Promise<Page<AuthorizationModel>> {
    const before = hasContinuationToken(opts.continuationToken)
      ? decodeContinuationToken(opts.continuationToken, 'models', { before: 'string' }).before
      : undefined;
    const state = this.states.get(storeId);
    if (!state) return { items: [], continuationToken: '' };
    const { items, more } = takePage(state.modelIds.descendingBefore(before), opts.pageSize);
    return {
      items: items.map((id) => state.models.get(id)!),
      continuationToken: more ? encodeContinuationToken('models', { before: items[items.length - 1] }) : '',
    };
  }

  async findLatestAuthorizationModel(storeId: string): Promise<AuthorizationModel | undefined> {
    const state = this.states.get(storeId);
    const latest = state?.modelIds.last;
    return latest === undefined ? undefined : state!.models.get(latest);
  }

  async write(storeId: string, deletes: TupleKey[], writes: TupleKey[], opts?: WriteOptions): Promise<void> {
    const state = this.stateFor(storeId);
    const plan = planWrite(state.tuples, deletes, writes, opts);
    const now = new Date();
    const timestamp = now.toISOString();
    for (const identity of plan.deletes) {
      const removed = state.tuples.remove(identity)!;
      const { object, relation, user } = removed.key;
      state.changelog.append('TUPLE_OPERATION_DELETE', { object, relation, user }, now);
    }
    for (const key of plan.writes) {
      const stored = state.tuples.insert(key, timestamp);
      state.changelog.append('TUPLE_OPERATION_WRITE', stored.key, now);
    }
  }

  async read(storeId: string, filter: ReadFilter, opts: { pageSize: number; continuationToken?: string }): Promise<Page<Tuple>> {
    const state = this.states.get(storeId);
    if (!state) {
      // Still reject a garbage token, as a populated store would.
      readPage(new TupleIndex(), filter, opts);
      return { items: [], continuationToken: '' };
    }
    return readPage(state.tuples, filter, opts);
  }

  async readUserTuple(storeId: string, key: { object: string; relation: string; user: string }): Promise<TupleKey | undefined> {
    return this.states.get(storeId)?.tuples.get(tupleIdentity(key))?.key;
  }

  async readUsersetTuples(storeId: string, filter: ReadUsersetTuplesFilter): Promise<TupleKey[]> {
    const state = this.states.get(storeId);
    return state ? readUsersetTuples(state.tuples, filter) : [];
  }

  async readStartingWithUser(storeId: string, filter: ReadStartingWithUserFilter): Promise<TupleKey[]> {
    const state = this.states.get(storeId);
    return state ? readStartingWithUser(state.tuples, filter) : [];
  }

  async readChanges(storeId: string, filter: ChangesFilter, opts: { pageSize: number; continuationToken?: string }): Promise<Page<TupleChange>> {
    const state = this.states.get(storeId) ?? new StoreState(this.nextChangeId);
    return state.changelog.read(filter, opts);
  }

  async writeAssertions(storeId: string, modelId: string, assertions: Assertion[]): Promise<void> {
    this.stateFor(storeId).assertions.set(modelId, structuredClone(assertions));
  }

  async readAssertions(storeId: string, modelId: string): Promise<Assertion[]> {
    return structuredClone(this.states.get(storeId)?.assertions.get(modelId) ?? []);
  }

  async close(): Promise<void> {
    // Nothing to release: the data lives as long as this object.
  }

  private *storesAfter(after: string | undefined, name: string | undefined): Iterable<Store> {
    for (const id of this.storeIds.ascendingAfter(after)) {
      const store = this.stores.get(id)!;
      if (!name || store.name === name) yield store;
    }
  }

  private stateFor(storeId: string): StoreState {
    let state = this.states.get(storeId);
    if (!state) this.states.set(storeId, (state = new StoreState(this.nextChangeId)));
    return state;
  }
}
