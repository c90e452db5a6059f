// The three unpaginated reads check, list-objects and list-users resolve with. Lookups started in
// the same tick share one statement (resolution-sql.ts), so sibling branches of a resolution cost
// one round-trip instead of one each.
import type { Pool } from 'pg';
import type { TupleKey } from '../../types.js';
import type { ReadStartingWithUserFilter, ReadUsersetTuplesFilter } from '../datastore.js';
import { exactTuples, textArrayLiteral, tuplesStartingWithUsers, usersetTuples } from './resolution-sql.js';
import { bind } from './statements.js';
import { TickBatcher } from './tick-batcher.js';
import type { TupleColumns } from './tuple-columns.js';
import { conditionFromRow, joinUser, splitObject, splitTupleKey, splitUser } from './tuple-columns.js';

type ConditionCells = [name: string | null, context: Record<string, unknown> | null];
type UserCells = [userType: string, userId: string, userRelation: string, ...ConditionCells];

interface ExactLookup {
  storeId: string;
  key: { object: string; relation: string; user: string };
  columns: TupleColumns;
}
interface UsersetLookup {
  storeId: string;
  filter: ReadUsersetTuplesFilter;
}
interface StartingWithUserLookup {
  storeId: string;
  filter: ReadStartingWithUserFilter;
}

function tupleKey(object: string, relation: string, [userType, userId, userRelation, name, context]: UserCells): TupleKey {
  const key: TupleKey = { user: joinUser(userType, userId, userRelation), relation, object };
  const condition = conditionFromRow(name, context);
  if (condition) key.condition = condition;
  return key;
}

/** Column arrays for unnest(): one array per field, one element per row. */
function columns<T>(rows: T[], fields: Array<(row: T) => unknown>): unknown[][] {
  return fields.map((field) => rows.map(field));
}

export class ResolutionReads {
  private readonly exact = new TickBatcher<ExactLookup, TupleKey | undefined>((lookups) => this.readExact(lookups));
  private readonly usersets = new TickBatcher<UsersetLookup, TupleKey[]>((lookups) => this.readUsersets(lookups));
  private readonly reverse = new TickBatcher<StartingWithUserLookup, TupleKey[]>((lookups) => this.readReverse(lookups));

  constructor(private readonly pool: Pool) {}

  readUserTuple(storeId: string, key: { object: string; relation: string; user: string }): Promise<TupleKey | undefined> {
    return this.exact.load({ storeId, key, columns: splitTupleKey(key) });
  }

  readUsersetTuples(storeId: string, filter: ReadUsersetTuplesFilter): Promise<TupleKey[]> {
    return this.usersets.load({ storeId, filter });
  }

  readStartingWithUser(storeId: string, filter: ReadStartingWithUserFilter): Promise<TupleKey[]> {
    return this.reverse.load({ storeId, filter });
  }

  private async readExact(lookups: ExactLookup[]): Promise<Array<TupleKey | undefined>> {
    const values = columns(lookups, [
      (l) => l.storeId,
      (l) => l.columns.objectType,
      (l) => l.columns.objectId,
      (l) => l.columns.relation,
      (l) => l.columns.userType,
      (l) => l.columns.userRelation,
      (l) => l.columns.userId,
    ]);
    const { rows } = await this.pool.query<[number, ...ConditionCells]>({ ...bind(exactTuples, values), rowMode: 'array' });
    const found: Array<TupleKey | undefined> = lookups.map(() => undefined);
    for (const [i, name, context] of rows) {
      const { key } = lookups[i - 1];
      const tuple: TupleKey = { user: key.user, relation: key.relation, object: key.object };
      const condition = conditionFromRow(name, context);
      if (condition) tuple.condition = condition;
      found[i - 1] = tuple;
    }
    return found;
  }

  private async readUsersets(lookups: UsersetLookup[]): Promise<TupleKey[][]> {
    type Row = { i: number; storeId: string; objectType: string; objectId: string; relation: string; userType: string; userRelation: string };
    const ranges: Row[] = [];
    const wildcards: Row[] = [];
    const everything: Row[] = [];
    lookups.forEach(({ storeId, filter }, i) => {
      const base = { i, storeId, ...splitObject(filter.object), relation: filter.relation, userType: '', userRelation: '' };
      if (!filter.allowedUserTypes) {
        everything.push(base);
        return;
      }
      // A plain `{ type }` range already holds that type's wildcard: don't read it twice.
      const plainTypes = new Set(filter.allowedUserTypes.filter((s) => !s.wildcard && !s.relation).map((s) => s.type));
      const seen = new Set<string>();
      for (const shape of filter.allowedUserTypes) {
        const userRelation = shape.relation ?? '';
        const id = `${shape.type}#${userRelation}#${shape.wildcard ? '*' : ''}`;
        if (seen.has(id) || (shape.wildcard && plainTypes.has(shape.type))) continue;
        seen.add(id);
        (shape.wildcard ? wildcards : ranges).push({ ...base, userType: shape.type, userRelation });
      }
    });
    const key = [(r: Row) => r.i, (r: Row) => r.storeId, (r: Row) => r.objectType, (r: Row) => r.objectId, (r: Row) => r.relation];
    const values = [
      ...columns(ranges, [...key, (r) => r.userType, (r) => r.userRelation]),
      ...columns(wildcards, [...key, (r) => r.userType]),
      ...columns(everything, key),
    ];
    const { rows } = await this.pool.query<[number, ...UserCells]>({ ...bind(usersetTuples, values), rowMode: 'array' });
    const found: TupleKey[][] = lookups.map(() => []);
    for (const [i, ...user] of rows) found[i].push(tupleKey(lookups[i].filter.object, lookups[i].filter.relation, user));
    return found;
  }

  private async readReverse(lookups: StartingWithUserLookup[]): Promise<TupleKey[][]> {
    type Row = { i: number; storeId: string; objectType: string; relation: string; ids: string | null } & ReturnType<typeof splitUser>;
    const rows: Row[] = [];
    lookups.forEach(({ storeId, filter }, i) => {
      const ids = filter.objectIds ? textArrayLiteral(objectIdsOf(filter)) : null;
      for (const user of new Set(filter.users)) {
        rows.push({ i, storeId, objectType: filter.objectType, relation: filter.relation, ids, ...splitUser(user) });
      }
    });
    const values = columns(rows, [
      (r) => r.i,
      (r) => r.storeId,
      (r) => r.objectType,
      (r) => r.relation,
      (r) => r.userType,
      (r) => r.userId,
      (r) => r.userRelation,
      (r) => r.ids,
    ]);
    const result = await this.pool.query<[number, string, ...UserCells]>({ ...bind(tuplesStartingWithUsers, values), rowMode: 'array' });
    const found: TupleKey[][] = lookups.map(() => []);
    for (const [i, objectId, ...user] of result.rows) {
      const { objectType, relation } = lookups[i].filter;
      found[i].push(tupleKey(`${objectType}:${objectId}`, relation, user));
    }
    return found;
  }
}

/** Object ids of the filter's type; accepts `type:id` and bare ids. */
function objectIdsOf(filter: ReadStartingWithUserFilter): string[] {
  const ids: string[] = [];
  for (const o of filter.objectIds ?? []) {
    if (!o.includes(':')) ids.push(o);
    else {
      const { objectType, objectId } = splitObject(o);
      if (objectType === filter.objectType) ids.push(objectId);
    }
  }
  return ids;
}
