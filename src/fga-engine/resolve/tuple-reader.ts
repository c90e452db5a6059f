// Every tuple read of one request goes through here: stored tuples (only via the datastore's indexed
// reads) unioned with the request's contextual tuples (the contextual copy wins for the same key),
// stale tuples the current model no longer allows dropped, and each distinct read done once.
import type { Datastore, ReadUsersetTuplesFilter } from '../storage/datastore.js';
import type { TupleKey } from '../types.js';
import type { Typesystem } from '../model/typesystem.js';
import { isTupleValidForRead } from '../model/validate-tuple.js';
import { getType } from '../model/tuple-syntax.js';

export type UserShape = NonNullable<ReadUsersetTuplesFilter['allowedUserTypes']>[number];

function identity(tk: { object: string; relation: string; user: string }): string {
  return `${tk.object}#${tk.relation}@${tk.user}`;
}

function matchesShape(user: string, shape: UserShape): boolean {
  const hash = user.lastIndexOf('#');
  const relation = hash === -1 ? '' : user.slice(hash + 1);
  if (getType(user) !== shape.type) return false;
  if (shape.relation) return relation === shape.relation;
  if (shape.wildcard) return user === `${shape.type}:*`;
  return relation === '';
}

class ContextualTuples {
  readonly byIdentity = new Map<string, TupleKey>();
  private readonly byObjectRelation = new Map<string, TupleKey[]>();
  private readonly byTypeRelationUser = new Map<string, TupleKey[]>();

  constructor(tuples: TupleKey[]) {
    for (const tk of tuples) this.byIdentity.set(identity(tk), tk); // a later duplicate replaces an earlier one
    for (const tk of this.byIdentity.values()) {
      push(this.byObjectRelation, `${tk.object}#${tk.relation}`, tk);
      push(this.byTypeRelationUser, `${getType(tk.object)}#${tk.relation}@${tk.user}`, tk);
    }
  }

  onObjectRelation(object: string, relation: string): TupleKey[] {
    return this.byObjectRelation.get(`${object}#${relation}`) ?? [];
  }

  startingWith(objectType: string, relation: string, user: string): TupleKey[] {
    return this.byTypeRelationUser.get(`${objectType}#${relation}@${user}`) ?? [];
  }

  get size(): number {
    return this.byIdentity.size;
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

// A datastore with a read cache hands out the same answer (array) to many requests: it is filtered
// once per model. Answers are never mutated (the cache shares them), so an all-valid one is returned as is.
const filteredAnswers = new WeakMap<TupleKey[], { ts: Typesystem; valid: TupleKey[] }>();

function validForRead(ts: Typesystem, stored: TupleKey[]): TupleKey[] {
  const known = filteredAnswers.get(stored);
  if (known?.ts === ts) return known.valid;
  const valid = stored.every((tk) => isTupleValidForRead(ts, tk)) ? stored : stored.filter((tk) => isTupleValidForRead(ts, tk));
  filteredAnswers.set(stored, { ts, valid });
  return valid;
}

export class TupleReader {
  private readonly memo = new Map<string, Promise<unknown>>();
  private readonly contextual: ContextualTuples;
  /** Number of datastore reads issued (for tests and diagnostics). */
  reads = 0;

  constructor(
    private readonly datastore: Datastore,
    private readonly storeId: string,
    private readonly ts: Typesystem,
    contextualTuples: TupleKey[] | undefined,
  ) {
    this.contextual = new ContextualTuples(contextualTuples ?? []);
  }

  /** The tuple `object#relation@user`, if stored or contextual and valid under the model. */
  userTuple(object: string, relation: string, user: string): Promise<TupleKey | undefined> {
    const key = { object, relation, user };
    const id = identity(key);
    const contextual = this.contextual.byIdentity.get(id);
    if (contextual) return Promise.resolve(contextual);
    return this.once(`u|${id}`, async () => {
      this.reads++;
      const stored = await this.datastore.readUserTuple(this.storeId, key);
      return stored && isTupleValidForRead(this.ts, stored) ? stored : undefined;
    });
  }

  /** Tuples on `object#relation`, optionally restricted to user shapes. */
  usersetTuples(object: string, relation: string, allowed?: UserShape[]): Promise<TupleKey[]> {
    const shapeKey = allowed ? allowed.map((s) => `${s.type}#${s.relation ?? ''}${s.wildcard ? '*' : ''}`).sort().join(',') : '';
    return this.once(`s|${object}#${relation}|${shapeKey}`, async () => {
      this.reads++;
      const stored = await this.datastore.readUsersetTuples(this.storeId, { object, relation, allowedUserTypes: allowed });
      const contextual = this.contextual.onObjectRelation(object, relation).filter((tk) => !allowed || allowed.some((s) => matchesShape(tk.user, s)));
      return this.merge(stored, contextual);
    });
  }

  /** Tuples `objectType:*#relation@u` for each of `users`, optionally only on `objectIds`. Not memoised. */
  async startingWithUser(objectType: string, relation: string, users: string[], objectIds?: string[]): Promise<TupleKey[]> {
    if (users.length === 0 || (objectIds && objectIds.length === 0)) return [];
    this.reads++;
    const stored = await this.datastore.readStartingWithUser(this.storeId, { objectType, relation, users, objectIds });
    let contextual: TupleKey[] = [];
    if (this.contextual.size > 0) {
      const wanted = objectIds && new Set(objectIds);
      for (const user of new Set(users)) {
        for (const tk of this.contextual.startingWith(objectType, relation, user)) {
          if (!wanted || wanted.has(tk.object)) contextual.push(tk);
        }
      }
    }
    return this.merge(stored, contextual);
  }

  private merge(stored: TupleKey[], contextual: TupleKey[]): TupleKey[] {
    if (contextual.length === 0) return validForRead(this.ts, stored);
    const out: TupleKey[] = [];
    const contextualIds = new Set(contextual.map(identity));
    for (const tk of stored) {
      if (!contextualIds.has(identity(tk)) && isTupleValidForRead(this.ts, tk)) out.push(tk);
    }
    out.push(...contextual);
    return out;
  }

  private once<T>(key: string, read: () => Promise<T>): Promise<T> {
    let pending = this.memo.get(key) as Promise<T> | undefined;
    if (!pending) {
      pending = read();
      this.memo.set(key, pending);
    }
    return pending;
  }
}
