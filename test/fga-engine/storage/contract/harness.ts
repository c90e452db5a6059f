// Shared plumbing of the datastore contract suite: each datastore under test is opened once per
// suite; every test works in its own fresh store id, so tests never see each other's data.
import { expect } from 'chai';
import { ulid } from 'ulid';
import { FgaError } from '../../../../src/fga-engine/errors.js';
import type { Datastore } from '../../../../src/fga-engine/storage/datastore.js';
import type { Store, TupleKey } from '../../../../src/fga-engine/types.js';

export interface DatastoreFactory {
  name: string;
  open(): Promise<Datastore>;
  dispose(ds: Datastore): Promise<void>;
}

/** Lets the contract files reach the datastore opened by the suite's before() hook. */
export interface ContractContext {
  ds(): Datastore;
}

export function newStore(name = 'contract store'): Store {
  const now = new Date().toISOString();
  return { id: ulid(), name, created_at: now, updated_at: now };
}

export async function freshStore(ds: Datastore, name?: string): Promise<string> {
  const store = newStore(name);
  await ds.createStore(store);
  return store.id;
}

export function tk(object: string, relation: string, user: string, condition?: TupleKey['condition']): TupleKey {
  return condition ? { object, relation, user, condition } : { object, relation, user };
}

export function keyString(k: TupleKey): string {
  return `${k.object}#${k.relation}@${k.user}`;
}

/** Order-free comparison of tuple keys, conditions included. */
export function sortedKeys(keys: TupleKey[]): TupleKey[] {
  return [...keys].sort((a, b) => keyString(a).localeCompare(keyString(b)));
}

export async function expectFgaError(promise: Promise<unknown>, code: string, status?: number, message?: RegExp): Promise<FgaError> {
  let caught: unknown;
  try {
    await promise;
  } catch (err) {
    caught = err;
  }
  expect(caught, `expected FgaError ${code}`).to.be.instanceOf(FgaError);
  const err = caught as FgaError;
  expect(err.code).to.equal(code);
  if (status !== undefined) expect(err.status).to.equal(status);
  if (message) expect(err.message).to.match(message);
  return err;
}

/** Every page of a paginated listing, following continuation tokens. */
export async function allPages<T>(
  fetch: (token: string | undefined) => Promise<{ items: T[]; continuationToken: string }>,
  maxPages = 100,
): Promise<{ items: T[]; pages: number }> {
  const items: T[] = [];
  let token: string | undefined;
  for (let pages = 1; pages <= maxPages; pages++) {
    const page = await fetch(token);
    items.push(...page.items);
    if (!page.continuationToken) return { items, pages };
    token = page.continuationToken;
  }
  throw new Error('pagination did not end');
}
