// The three unpaginated reads check, list-objects and list-users resolve with. Each is one prepared
// statement over an index equality prefix; per-shape lookups go through LATERAL joins so that even a
// generic plan runs one index range scan per requested shape instead of scanning the relation
// (`OFFSET 0` keeps the planner from flattening them into a hash join over the whole range).
// They are the hot path, so rows come back as arrays holding only what the caller doesn't know.
import type { Pool } from 'pg';
import type { TupleKey } from '../../types.js';
import type { ReadStartingWithUserFilter, ReadUsersetTuplesFilter } from '../datastore.js';
import { bind, statement } from './statements.js';
import { conditionFromRow, joinUser, splitObject, splitTupleKey, splitUser } from './tuple-columns.js';

type Condition = [name: string | null, context: Record<string, unknown> | null];
type UserRow = [userType: string, userId: string, userRelation: string, ...Condition];
type ObjectUserRow = [objectId: string, ...UserRow];

const USER = 'user_type, user_id, user_relation, condition_name, condition_context';
const T_USER = USER.split(', ').map((c) => `t.${c}`).join(', ');

const exactTuple = statement(
  `SELECT condition_name, condition_context FROM tuples
   WHERE store = $1 AND object_type = $2 AND object_id = $3 AND relation = $4
     AND user_type = $5 AND user_relation = $6 AND user_id = $7`,
);

const allOnObjectRelation = statement(
  `SELECT ${USER} FROM tuples WHERE store = $1 AND object_type = $2 AND object_id = $3 AND relation = $4`,
);

// $5/$6: (user_type, user_relation) ranges — plain users of a type (relation '') or usersets `T#r`;
// $7: types whose wildcard `T:*` alone is wanted.
const onObjectRelationByShape = statement(
  `SELECT ${T_USER} FROM unnest($5::text[], $6::text[]) AS s(ut, ur)
   CROSS JOIN LATERAL (
     SELECT ${USER} FROM tuples
     WHERE store = $1 AND object_type = $2 AND object_id = $3 AND relation = $4
       AND user_type = s.ut AND user_relation = s.ur
     OFFSET 0
   ) t
   UNION ALL
   SELECT ${T_USER} FROM unnest($7::text[]) AS w(ut)
   CROSS JOIN LATERAL (
     SELECT ${USER} FROM tuples
     WHERE store = $1 AND object_type = $2 AND object_id = $3 AND relation = $4
       AND user_type = w.ut AND user_relation = '' AND user_id = '*'
     OFFSET 0
   ) t`,
);

const startingWithUser = statement(
  `SELECT t.object_id, ${T_USER} FROM unnest($4::text[], $5::text[], $6::text[]) AS u(ut, ui, ur)
   CROSS JOIN LATERAL (
     SELECT object_id, ${USER} FROM tuples
     WHERE store = $1 AND object_type = $2 AND relation = $3
       AND user_type = u.ut AND user_id = u.ui AND user_relation = u.ur
     OFFSET 0
   ) t`,
);

const startingWithUserOnObjects = statement(
  `SELECT t.object_id, ${T_USER} FROM unnest($4::text[], $5::text[], $6::text[]) AS u(ut, ui, ur)
   CROSS JOIN LATERAL (
     SELECT object_id, ${USER} FROM tuples
     WHERE store = $1 AND object_type = $2 AND relation = $3
       AND user_type = u.ut AND user_id = u.ui AND user_relation = u.ur AND object_id = ANY($7::text[])
     OFFSET 0
   ) t`,
);

function tupleKey(object: string, relation: string, [userType, userId, userRelation, name, context]: UserRow): TupleKey {
  const key: TupleKey = { user: joinUser(userType, userId, userRelation), relation, object };
  const condition = conditionFromRow(name, context);
  if (condition) key.condition = condition;
  return key;
}

export async function readUserTuple(
  pool: Pool,
  storeId: string,
  key: { object: string; relation: string; user: string },
): Promise<TupleKey | undefined> {
  const c = splitTupleKey(key);
  const { rows } = await pool.query<Condition>({
    ...bind(exactTuple, [storeId, c.objectType, c.objectId, c.relation, c.userType, c.userRelation, c.userId]),
    rowMode: 'array',
  });
  if (!rows[0]) return undefined;
  const found: TupleKey = { user: key.user, relation: key.relation, object: key.object };
  const condition = conditionFromRow(rows[0][0], rows[0][1]);
  if (condition) found.condition = condition;
  return found;
}

export async function readUsersetTuples(pool: Pool, storeId: string, filter: ReadUsersetTuplesFilter): Promise<TupleKey[]> {
  const { objectType, objectId } = splitObject(filter.object);
  const base = [storeId, objectType, objectId, filter.relation];
  let query;
  if (!filter.allowedUserTypes) {
    query = bind(allOnObjectRelation, base);
  } else {
    const rangeTypes: string[] = [];
    const rangeRelations: string[] = [];
    const wildcardTypes: string[] = [];
    const seen = new Set<string>();
    for (const shape of filter.allowedUserTypes) {
      const id = `${shape.type}#${shape.relation ?? ''}#${shape.wildcard ? '*' : ''}`;
      if (seen.has(id)) continue;
      seen.add(id);
      if (shape.wildcard) wildcardTypes.push(shape.type);
      else {
        rangeTypes.push(shape.type);
        rangeRelations.push(shape.relation ?? '');
      }
    }
    // A plain `{ type }` range already contains that type's wildcard.
    const wildcardOnly = wildcardTypes.filter((t) => !rangeTypes.some((rt, i) => rt === t && rangeRelations[i] === ''));
    query = bind(onObjectRelationByShape, [...base, rangeTypes, rangeRelations, wildcardOnly]);
  }
  const { rows } = await pool.query<UserRow>({ ...query, rowMode: 'array' });
  return rows.map((row) => tupleKey(filter.object, filter.relation, row));
}

export async function readStartingWithUser(pool: Pool, storeId: string, filter: ReadStartingWithUserFilter): Promise<TupleKey[]> {
  const users = [...new Set(filter.users)].map(splitUser);
  const values: unknown[] = [
    storeId,
    filter.objectType,
    filter.relation,
    users.map((u) => u.userType),
    users.map((u) => u.userId),
    users.map((u) => u.userRelation),
  ];
  if (filter.objectIds) {
    // Accept both `type:id` and bare ids; only ids of the requested type can match.
    const ids = filter.objectIds.map((o) => {
      const { objectType, objectId } = splitObject(o);
      return objectId === '' && !o.includes(':') ? o : objectType === filter.objectType ? objectId : null;
    });
    values.push(ids.filter((id): id is string => id !== null));
  }
  const { rows } = await pool.query<ObjectUserRow>({
    ...bind(filter.objectIds ? startingWithUserOnObjects : startingWithUser, values),
    rowMode: 'array',
  });
  const prefix = `${filter.objectType}:`;
  return rows.map(([objectId, ...user]) => tupleKey(prefix + objectId, filter.relation, user));
}
