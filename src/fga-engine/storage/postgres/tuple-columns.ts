// Converts between wire strings (`type:id`, `type:id#rel`, `type:*`) and the split key columns the
// indexes are built on. Splitting is lossless for every string the API accepts.
import type { RelationshipCondition, TupleKey } from '../../types.js';

export interface ObjectColumns {
  objectType: string;
  objectId: string;
}

export interface UserColumns {
  userType: string;
  userId: string;
  /** '' unless the user is a userset. */
  userRelation: string;
}

export interface TupleColumns extends ObjectColumns, UserColumns {
  relation: string;
}

/** The row shape every tuple query selects (in this order where positional). */
export interface TupleRow {
  object_type: string;
  object_id: string;
  relation: string;
  user_type: string;
  user_id: string;
  user_relation: string;
  condition_name: string | null;
  condition_context: Record<string, unknown> | null;
}

export function splitObject(object: string): ObjectColumns {
  const colon = object.indexOf(':');
  if (colon < 0) return { objectType: object, objectId: '' };
  return { objectType: object.slice(0, colon), objectId: object.slice(colon + 1) };
}

export function splitUser(user: string): UserColumns {
  const colon = user.indexOf(':');
  const hash = user.lastIndexOf('#');
  const withoutRelation = hash > colon ? user.slice(0, hash) : user;
  const { objectType, objectId } = splitObject(withoutRelation);
  return { userType: objectType, userId: objectId, userRelation: hash > colon ? user.slice(hash + 1) : '' };
}

export function splitTupleKey(key: { object: string; relation: string; user: string }): TupleColumns {
  return { ...splitObject(key.object), relation: key.relation, ...splitUser(key.user) };
}

export function joinUser(userType: string, userId: string, userRelation: string): string {
  return userRelation ? `${userType}:${userId}#${userRelation}` : `${userType}:${userId}`;
}

export function conditionFromRow(name: string | null, context: Record<string, unknown> | null): RelationshipCondition | undefined {
  if (!name) return undefined;
  return context ? { name, context } : { name };
}

export function tupleKeyFromRow(row: TupleRow): TupleKey {
  const key: TupleKey = {
    user: joinUser(row.user_type, row.user_id, row.user_relation),
    relation: row.relation,
    object: `${row.object_type}:${row.object_id}`,
  };
  const condition = conditionFromRow(row.condition_name, row.condition_context);
  if (condition) key.condition = condition;
  return key;
}

/** Identity of a tuple without its condition: used to dedupe and to match rows to request items. */
export function tupleIdentity(c: TupleColumns): string {
  return [c.objectType, c.objectId, c.relation, c.userType, c.userRelation, c.userId].join('\u0000');
}

/** Column-wise arrays for `unnest(...)`: one array per key column, in key order. */
export function toColumnArrays(items: TupleColumns[]): string[][] {
  return [
    items.map((c) => c.objectType),
    items.map((c) => c.objectId),
    items.map((c) => c.relation),
    items.map((c) => c.userType),
    items.map((c) => c.userRelation),
    items.map((c) => c.userId),
  ];
}
