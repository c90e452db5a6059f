import type { DecisionLog, RecordedDecision } from '../../authz/decision-recorder.js';
import type { SqlReader } from '../../db/sql-reader.js';
import { clubOfObjectSql } from './club-of-object.js';

/** The object types whose decisions are children's records, logged every one. */
const RECORDED_TYPES = ['member'];

// One statement per batch of checks, each on one record (`object`; a list's page names its contents,
// see pageDecisionsCtes), its club looked up from the record.
const INSERT_DECISIONS = `insert into authz_decisions (at, user_id, relation, object, allowed, club_id, source, route, request_id)
  select x.at, x.user_id, x.relation, x.object, x.allowed, ${clubOfObjectSql('x.object')}, 'check', x.route, x.request_id
  from json_to_recordset($1::json) as x(at timestamptz, user_id text, relation text, object text, allowed boolean, route text, request_id text)`;

/** The key of a page's contents: the sha256 of its records in page order (migrations/20261206-decision-page-contents.ts). */
const pageDigestSql = (objects: string) => `sha256(convert_to(array_to_string(${objects}, ','), 'UTF8'))`;

/**
 * The decisions of the pages a statement shows (`pages`: one row per asker with `user_id`, `relation`,
 * `route`, `request_id`, and the `ids` and `clubs` shown as comma lists — modules/shared/sql-page.ts),
 * as CTEs to add to that statement: one decision per page and club naming the `recordType` records
 * shown, in page order — a lone record in `object`, several through the page's contents (`digest`, only
 * made for those), stored once whoever reads them again. Pages with no one to log for (no `user_id`) or
 * nothing shown log nothing. New contents go in digest order: two statements adding the same contents
 * wait on each other in one order, never in a cycle.
 */
export const pageDecisionsCtes = (pages: string, recordType: string) => `page_parts as (
    select p.user_id, p.relation, p.route, p.request_id, c.club_id, c.objects,
      case when cardinality(c.objects) > 1 then ${pageDigestSql('c.objects')} end as digest
    from ${pages} p cross join lateral (
      select s.club_id, array_agg('${recordType}:' || s.id order by s.k) as objects
      from unnest(string_to_array(p.ids, ','), string_to_array(p.clubs, ',')) with ordinality as s(id, club_id, k)
      group by s.club_id) c
    where p.user_id is not null and p.ids <> ''),
  page_contents as (insert into authz_page_contents (digest, objects)
    select distinct on (digest) digest, objects from page_parts where digest is not null order by digest
    on conflict (digest) do nothing),
  page_decisions as (insert into authz_decisions (user_id, relation, object, page_digest, allowed, club_id, source, route, request_id)
    select user_id, relation, case when digest is null then objects[1] end, digest,
      true, club_id, 'list', route, request_id
    from page_parts)`;

/** Writes authorisation decisions to `authz_decisions` (append-only). */
export function createDecisionLog(sql: SqlReader): DecisionLog {
  return {
    records: (object) => RECORDED_TYPES.includes(object.slice(0, object.indexOf(':'))),
    async write(decisions: RecordedDecision[]): Promise<void> {
      const rows = decisions.map((d) => ({ at: d.at, user_id: d.userId, relation: d.relation, object: d.object, allowed: d.allowed, route: d.route ?? null, request_id: d.requestId ?? null }));
      await sql.rows(INSERT_DECISIONS, [JSON.stringify(rows)]);
    },
  };
}
