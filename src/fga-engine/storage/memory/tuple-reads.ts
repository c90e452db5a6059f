// Read paths over one store's TupleIndex: the paginated Read API and the unpaginated reads the
// resolvers use. Each picks the narrowest index for its filter.
import type { Tuple, TupleKey } from '../../types.js';
import type { Page, ReadFilter, ReadStartingWithUserFilter, ReadUsersetTuplesFilter } from '../datastore.js';
import { decodeContinuationToken, encodeContinuationToken, hasContinuationToken } from '../tokens.js';
import { tupleIdentity, type StoredTuple, type TupleIndex } from './tuple-index.js';

export function readPage(index: TupleIndex, filter: ReadFilter, opts: { pageSize: number; continuationToken?: string }): Page<Tuple> {
  const afterSeq = hasContinuationToken(opts.continuationToken)
    ? decodeContinuationToken(opts.continuationToken, 'read', { after: 'number' }).after
    : 0;
  const matches = matchesOf(index, filter);
  const items: Tuple[] = [];
  let lastSeq = 0;
  let more = false;
  for (const stored of matches) {
    if (stored.seq <= afterSeq) continue;
    if (items.length === opts.pageSize) {
      more = true;
      break;
    }
    items.push({ key: stored.key, timestamp: stored.timestamp });
    lastSeq = stored.seq;
  }
  return { items, continuationToken: more ? encodeContinuationToken('read', { after: lastSeq }) : '' };
}

/** Matching tuples in sequence order (every index iterates in insertion order, i.e. by seq). */
function* matchesOf(index: TupleIndex, filter: ReadFilter): Iterable<StoredTuple> {
  const { object, relation, user } = filter;
  if (!object) {
    yield* filtered(index.all.values(), filter);
    return;
  }
  const typeOnly = object.endsWith(':');
  if (!typeOnly && relation && user) {
    const stored = index.get(tupleIdentity({ object, relation, user }));
    if (stored) yield stored;
    return;
  }
  if (!typeOnly && relation) {
    yield* index.usersOf(object, relation)?.values() ?? [];
    return;
  }
  if (!typeOnly) {
    yield* filtered(index.ofObject(object)?.values() ?? [], filter);
    return;
  }
  const objectType = object.slice(0, -1);
  if (relation && user) {
    yield* index.objectsRelatedTo(objectType, relation, user)?.values() ?? [];
    return;
  }
  yield* filtered(index.ofObjectType(objectType)?.values() ?? [], { relation, user });
}

function* filtered(tuples: Iterable<StoredTuple>, filter: ReadFilter): Iterable<StoredTuple> {
  for (const stored of tuples) {
    if (filter.relation && stored.key.relation !== filter.relation) continue;
    if (filter.user && stored.key.user !== filter.user) continue;
    yield stored;
  }
}

export function readUsersetTuples(index: TupleIndex, filter: ReadUsersetTuplesFilter): TupleKey[] {
  const bucket = index.usersOf(filter.object, filter.relation);
  if (!bucket) return [];
  const allowed = filter.allowedUserTypes;
  const out: TupleKey[] = [];
  for (const stored of bucket.values()) {
    if (!allowed || allowed.some((shape) => userMatchesShape(stored, shape))) out.push(stored.key);
  }
  return out;
}

function userMatchesShape(stored: StoredTuple, shape: { type: string; relation?: string; wildcard?: boolean }): boolean {
  if (stored.userType !== shape.type) return false;
  if (shape.relation) return stored.userRelation === shape.relation;
  if (shape.wildcard) return stored.userIsWildcard;
  return stored.userRelation === '';
}

export function readStartingWithUser(index: TupleIndex, filter: ReadStartingWithUserFilter): TupleKey[] {
  const out: TupleKey[] = [];
  const seen = new Set<string>();
  for (const user of filter.users) {
    if (seen.has(user)) continue;
    seen.add(user);
    const bucket = index.objectsRelatedTo(filter.objectType, filter.relation, user);
    if (!bucket) continue;
    if (filter.objectIds) {
      for (const object of filter.objectIds) {
        const stored = bucket.get(object);
        if (stored) out.push(stored.key);
      }
    } else {
      for (const stored of bucket.values()) out.push(stored.key);
    }
  }
  return out;
}
