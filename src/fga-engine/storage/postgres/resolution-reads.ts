// The three unpaginated reads check, list-objects and list-users resolve with. Lookups started in
// the same tick share one statement (resolution-sql.ts), whatever their kinds, so sibling branches
// of a resolution cost one round-trip instead of one each.
import type { Pool } from 'pg';
import type { TupleKey } from '../../types.js';
import type { ReadStartingWithUserFilter, ReadUsersetTuplesFilter } from '../datastore.js';
import { combinedReads, exactTuples, textArrayLiteral, tuplesStartingWithUsers, usersetTuples } from './resolution-sql.js';
import { bind, type Statement } from './statements.js';
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

type Lookup =
  | ({ kind: 'exact' } & ExactLookup)
  | ({ kind: 'userset' } & UsersetLookup)
  | ({ kind: 'reverse' } & StartingWithUserLookup);

type ExactRow = [i: number, ...ConditionCells];
type UsersetRow = [i: number, ...UserCells];
type ReverseRow = [i: number, objectId: string, ...UserCells];

export class ResolutionReads {
  // One batcher for all three kinds: the lookups of a tick leave as a single statement.
  private readonly batcher = new TickBatcher<Lookup, unknown>((lookups) => this.read(lookups));

  constructor(private readonly pool: Pool) {}

  readUserTuple(storeId: string, key: { object: string; relation: string; user: string }): Promise<TupleKey | undefined> {
    return this.batcher.load({ kind: 'exact', storeId, key, columns: splitTupleKey(key) }) as Promise<TupleKey | undefined>;
  }

  readUsersetTuples(storeId: string, filter: ReadUsersetTuplesFilter): Promise<TupleKey[]> {
    return this.batcher.load({ kind: 'userset', storeId, filter }) as Promise<TupleKey[]>;
  }

  readStartingWithUser(storeId: string, filter: ReadStartingWithUserFilter): Promise<TupleKey[]> {
    return this.batcher.load({ kind: 'reverse', storeId, filter }) as Promise<TupleKey[]>;
  }

  private async read(lookups: Lookup[]): Promise<unknown[]> {
    const exact: ExactLookup[] = [];
    const usersets: UsersetLookup[] = [];
    const reverse: StartingWithUserLookup[] = [];
    // Where each lookup's answer sits: its kind's list and its index there.
    const slots = lookups.map((l) => {
      const list: unknown[] = l.kind === 'exact' ? exact : l.kind === 'userset' ? usersets : reverse;
      list.push(l);
      return list.length - 1;
    });
    const kinds = (exact.length > 0 ? 1 : 0) + (usersets.length > 0 ? 1 : 0) + (reverse.length > 0 ? 1 : 0);
    let answers: { exact: Array<TupleKey | undefined>; usersets: TupleKey[][]; reverse: TupleKey[][] };
    if (kinds === 1) {
      // A single kind: its own, smaller statement.
      answers = { exact: [], usersets: [], reverse: [] };
      if (exact.length > 0) answers.exact = exactAnswers(exact, (await this.query<ExactRow>(exactTuples, exactValues(exact))));
      else if (usersets.length > 0) answers.usersets = usersetAnswers(usersets, await this.query<UsersetRow>(usersetTuples, usersetValues(usersets)));
      else answers.reverse = reverseAnswers(reverse, await this.query<ReverseRow>(tuplesStartingWithUsers, reverseValues(reverse)));
    } else {
      type Row = [kind: number, i: number, objectId: string | null, ...UserCells];
      const rows = await this.query<Row>(combinedReads, [...exactValues(exact), ...usersetValues(usersets), ...reverseValues(reverse)]);
      const exactRows: ExactRow[] = [];
      const usersetRows: UsersetRow[] = [];
      const reverseRows: ReverseRow[] = [];
      for (const [kind, i, objectId, userType, userId, userRelation, name, context] of rows) {
        if (kind === 0) exactRows.push([i, name, context]);
        else if (kind === 1) usersetRows.push([i, userType, userId, userRelation, name, context]);
        else reverseRows.push([i, objectId!, userType, userId, userRelation, name, context]);
      }
      answers = {
        exact: exactAnswers(exact, exactRows),
        usersets: usersetAnswers(usersets, usersetRows),
        reverse: reverseAnswers(reverse, reverseRows),
      };
    }
    return lookups.map((l, n) => (l.kind === 'exact' ? answers.exact : l.kind === 'userset' ? answers.usersets : answers.reverse)[slots[n]]);
  }

  private async query<R extends unknown[]>(stmt: Statement, values: unknown[]): Promise<R[]> {
    const { rows } = await this.pool.query<R>({ ...bind(stmt, values), rowMode: 'array' });
    return rows;
  }
}

function exactValues(lookups: ExactLookup[]): unknown[][] {
  return columns(lookups, [
    (l) => l.storeId,
    (l) => l.columns.objectType,
    (l) => l.columns.objectId,
    (l) => l.columns.relation,
    (l) => l.columns.userType,
    (l) => l.columns.userRelation,
    (l) => l.columns.userId,
  ]);
}

function exactAnswers(lookups: ExactLookup[], rows: ExactRow[]): Array<TupleKey | undefined> {
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

function usersetValues(lookups: UsersetLookup[]): unknown[][] {
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
  return [
    ...columns(ranges, [...key, (r) => r.userType, (r) => r.userRelation]),
    ...columns(wildcards, [...key, (r) => r.userType]),
    ...columns(everything, key),
  ];
}

function usersetAnswers(lookups: UsersetLookup[], rows: UsersetRow[]): TupleKey[][] {
  const found: TupleKey[][] = lookups.map(() => []);
  for (const [i, ...user] of rows) found[i].push(tupleKey(lookups[i].filter.object, lookups[i].filter.relation, user));
  return found;
}

function reverseValues(lookups: StartingWithUserLookup[]): unknown[][] {
  type Row = { i: number; storeId: string; objectType: string; relation: string; ids: string | null } & ReturnType<typeof splitUser>;
  const rows: Row[] = [];
  lookups.forEach(({ storeId, filter }, i) => {
    const ids = filter.objectIds ? textArrayLiteral(objectIdsOf(filter)) : null;
    for (const user of new Set(filter.users)) {
      rows.push({ i, storeId, objectType: filter.objectType, relation: filter.relation, ids, ...splitUser(user) });
    }
  });
  return columns(rows, [
    (r) => r.i,
    (r) => r.storeId,
    (r) => r.objectType,
    (r) => r.relation,
    (r) => r.userType,
    (r) => r.userId,
    (r) => r.userRelation,
    (r) => r.ids,
  ]);
}

function reverseAnswers(lookups: StartingWithUserLookup[], rows: ReverseRow[]): TupleKey[][] {
  const found: TupleKey[][] = lookups.map(() => []);
  for (const [i, objectId, ...user] of rows) {
    const { objectType, relation } = lookups[i].filter;
    found[i].push(tupleKey(`${objectType}:${objectId}`, relation, user));
  }
  return found;
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
