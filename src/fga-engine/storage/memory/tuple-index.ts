// The tuples of one store, indexed for every access path the engine uses, so that neither the
// resolvers nor the Read API ever scan the whole store. Every index is a Map whose insertion order is
// the tuple's sequence number, which gives Read pagination a stable order for free.
import type { TupleKey } from '../../types.js';

export interface StoredTuple {
  readonly key: Readonly<TupleKey>;
  /** Monotonic per store; a deleted-then-rewritten tuple gets a new one. */
  readonly seq: number;
  readonly timestamp: string;
  readonly objectType: string;
  readonly userType: string;
  /** Relation of a userset user (`group:eng#member` → 'member'), '' otherwise. */
  readonly userRelation: string;
  readonly userIsWildcard: boolean;
}

/** Identity of a tuple: conditions are not part of it (OpenFGA keys tuples on object, relation, user). */
export function tupleIdentity(key: { object: string; relation: string; user: string }): string {
  return `${key.object}#${key.relation}@${key.user}`;
}

export function objectTypeOf(object: string): string {
  const colon = object.indexOf(':');
  return colon === -1 ? object : object.slice(0, colon);
}

type Bucket = Map<string, StoredTuple>;

export class TupleIndex {
  /** identity → tuple; insertion order = sequence order. */
  readonly all: Bucket = new Map();
  /** `object#relation` → user → tuple (check, expand, list-users). */
  private readonly byObjectRelation = new Map<string, Bucket>();
  /** `type#relation@user` → object → tuple (list-objects reverse reads). */
  private readonly byTypeRelationUser = new Map<string, Bucket>();
  /** object → identity → tuple (Read by object without relation). */
  private readonly byObject = new Map<string, Bucket>();
  /** object type → identity → tuple (Read by `type:`). */
  private readonly byObjectType = new Map<string, Bucket>();
  private nextSeq = 1;

  get(identity: string): StoredTuple | undefined {
    return this.all.get(identity);
  }

  usersOf(object: string, relation: string): Bucket | undefined {
    return this.byObjectRelation.get(`${object}#${relation}`);
  }

  objectsRelatedTo(objectType: string, relation: string, user: string): Bucket | undefined {
    return this.byTypeRelationUser.get(`${objectType}#${relation}@${user}`);
  }

  ofObject(object: string): Bucket | undefined {
    return this.byObject.get(object);
  }

  ofObjectType(objectType: string): Bucket | undefined {
    return this.byObjectType.get(objectType);
  }

  insert(key: TupleKey, timestamp: string): StoredTuple {
    const frozen = freezeTupleKey(key);
    const identity = tupleIdentity(frozen);
    const objectType = objectTypeOf(frozen.object);
    const hash = frozen.user.indexOf('#');
    const userObject = hash === -1 ? frozen.user : frozen.user.slice(0, hash);
    const stored: StoredTuple = {
      key: frozen,
      seq: this.nextSeq++,
      timestamp,
      objectType,
      userType: objectTypeOf(userObject),
      userRelation: hash === -1 ? '' : frozen.user.slice(hash + 1),
      userIsWildcard: hash === -1 && userObject.endsWith(':*'),
    };
    this.all.set(identity, stored);
    addTo(this.byObjectRelation, `${frozen.object}#${frozen.relation}`, frozen.user, stored);
    addTo(this.byTypeRelationUser, `${objectType}#${frozen.relation}@${frozen.user}`, frozen.object, stored);
    addTo(this.byObject, frozen.object, identity, stored);
    addTo(this.byObjectType, objectType, identity, stored);
    return stored;
  }

  remove(identity: string): StoredTuple | undefined {
    const stored = this.all.get(identity);
    if (!stored) return undefined;
    const { object, relation, user } = stored.key;
    this.all.delete(identity);
    removeFrom(this.byObjectRelation, `${object}#${relation}`, user);
    removeFrom(this.byTypeRelationUser, `${stored.objectType}#${relation}@${user}`, object);
    removeFrom(this.byObject, object, identity);
    removeFrom(this.byObjectType, stored.objectType, identity);
    return stored;
  }
}

function addTo(index: Map<string, Bucket>, bucketKey: string, entryKey: string, stored: StoredTuple): void {
  let bucket = index.get(bucketKey);
  if (!bucket) index.set(bucketKey, (bucket = new Map()));
  bucket.set(entryKey, stored);
}

function removeFrom(index: Map<string, Bucket>, bucketKey: string, entryKey: string): void {
  const bucket = index.get(bucketKey);
  if (!bucket) return;
  bucket.delete(entryKey);
  // Drop empty buckets so churn does not leak memory.
  if (bucket.size === 0) index.delete(bucketKey);
}

/** Stored tuples are handed to resolvers without copying, so they are frozen against accidental edits. */
function freezeTupleKey(key: TupleKey): Readonly<TupleKey> {
  const copy: TupleKey = { object: key.object, relation: key.relation, user: key.user };
  if (key.condition && key.condition.name) {
    copy.condition = deepFreeze(structuredClone(
      key.condition.context === undefined ? { name: key.condition.name } : { name: key.condition.name, context: key.condition.context },
    ));
  }
  return Object.freeze(copy);
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
