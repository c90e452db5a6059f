// Statements of the three resolution reads, each answering a whole batch of lookups (see
// tick-batcher.ts) in one round-trip. Every lookup row drives one LATERAL index range scan; `OFFSET 0`
// keeps the planner from flattening those into a hash join over a whole range, so even the generic
// plan stays one index probe per lookup. Rows come back as arrays tagged with the lookup's index,
// holding only the columns the caller doesn't already know.
import { statement } from './statements.js';

const USER = 'user_type, user_id, user_relation, condition_name, condition_context';
const T_USER = USER.split(', ').map((c) => `t.${c}`).join(', ');

/** Rows: [lookup index (1-based), condition_name, condition_context]. */
export const exactTuples = statement(
  `SELECT k.i::int, t.condition_name, t.condition_context
   FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])
     WITH ORDINALITY AS k(store, ot, oi, r, ut, ur, ui, i)
   CROSS JOIN LATERAL (
     SELECT condition_name, condition_context FROM tuples
     WHERE store = k.store AND object_type = k.ot AND object_id = k.oi AND relation = k.r
       AND user_type = k.ut AND user_relation = k.ur AND user_id = k.ui
     OFFSET 0
   ) t`,
);

/**
 * Rows: [lookup index, user_type, user_id, user_relation, condition_name, condition_context].
 * Three kinds of lookup on object#relation: $1-$7 a (user_type, user_relation) range — plain users
 * of a type (relation '') or usersets `T#r`; $8-$13 only the wildcard `T:*`; $14-$18 everything.
 */
export const usersetTuples = statement(
  `SELECT r.i, ${T_USER}
   FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[]) AS r(i, store, ot, oi, rel, ut, ur)
   CROSS JOIN LATERAL (
     SELECT ${USER} FROM tuples
     WHERE store = r.store AND object_type = r.ot AND object_id = r.oi AND relation = r.rel
       AND user_type = r.ut AND user_relation = r.ur
     OFFSET 0
   ) t
   UNION ALL
   SELECT w.i, ${T_USER}
   FROM unnest($8::int[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[]) AS w(i, store, ot, oi, rel, ut)
   CROSS JOIN LATERAL (
     SELECT ${USER} FROM tuples
     WHERE store = w.store AND object_type = w.ot AND object_id = w.oi AND relation = w.rel
       AND user_type = w.ut AND user_relation = '' AND user_id = '*'
     OFFSET 0
   ) t
   UNION ALL
   SELECT a.i, ${T_USER}
   FROM unnest($14::int[], $15::text[], $16::text[], $17::text[], $18::text[]) AS a(i, store, ot, oi, rel)
   CROSS JOIN LATERAL (
     SELECT ${USER} FROM tuples
     WHERE store = a.store AND object_type = a.ot AND object_id = a.oi AND relation = a.rel
     OFFSET 0
   ) t`,
);

/**
 * Rows: [lookup index, object_id, user_type, user_id, user_relation, condition_name, condition_context].
 * One lookup row per (call, user); `ids` is NULL or a text[] literal restricting the object ids.
 */
export const tuplesStartingWithUsers = statement(
  `SELECT u.i, t.object_id, ${T_USER}
   FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])
     AS u(i, store, ot, rel, ut, ui, ur, ids)
   CROSS JOIN LATERAL (
     SELECT object_id, ${USER} FROM tuples
     WHERE store = u.store AND object_type = u.ot AND relation = u.rel
       AND user_type = u.ut AND user_id = u.ui AND user_relation = u.ur
       AND (u.ids IS NULL OR object_id = ANY (u.ids::text[]))
     OFFSET 0
   ) t`,
);

/** Renumbers `$n` placeholders by `by` (to append one statement's parameters after another's). */
function shiftParams(text: string, by: number): string {
  return text.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + by}`);
}

/**
 * The three reads above as one statement, for a tick that starts lookups of more than one kind
 * (a union's direct read next to its tuple-to-userset reads): one round trip and one pooled
 * connection instead of one per kind. Rows: [kind (0 exact, 1 userset, 2 starting-with-user),
 * lookup index, object_id, user_type, user_id, user_relation, condition_name, condition_context];
 * $1-$7 as exactTuples, $8-$25 as usersetTuples, $26-$33 as tuplesStartingWithUsers.
 */
export const combinedReads = statement(
  `SELECT 0 AS kind, e.i::int AS i, NULL::text AS object_id, NULL::text AS user_type, NULL::text AS user_id,
     NULL::text AS user_relation, e.condition_name, e.condition_context
   FROM (${exactTuples.text}) AS e(i, condition_name, condition_context)
   UNION ALL
   SELECT 1, s.i, NULL, s.user_type, s.user_id, s.user_relation, s.condition_name, s.condition_context
   FROM (${shiftParams(usersetTuples.text, 7)}) AS s(i, user_type, user_id, user_relation, condition_name, condition_context)
   UNION ALL
   SELECT 2, v.i, v.object_id, v.user_type, v.user_id, v.user_relation, v.condition_name, v.condition_context
   FROM (${shiftParams(tuplesStartingWithUsers.text, 25)}) AS v(i, object_id, user_type, user_id, user_relation, condition_name, condition_context)`,
);

/** A PostgreSQL array literal of strings (every element quoted, so any text is safe). */
export function textArrayLiteral(items: string[]): string {
  return `{${items.map((s) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
}
