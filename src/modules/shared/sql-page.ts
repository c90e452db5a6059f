import { JsonText } from '../../http/json-text.js';
import type { SqlReader } from '../../db/sql-reader.js';
import type { PageDecision } from '../../authz/decision-recorder.js';
import { pageDecisionsCtes } from '../audit/decision-log.js';

// Pages of records that every screen reads (a club's members, a roster, a guardian's children) are made
// whole by PostgreSQL: per request one row holding the response body (`{ items, nextCursor }`, the
// cursor being the base64url of the last id shown, as pagination.ts makes it), rather than a row per
// record that the API parses and joins again. The same statement logs the page's decision, naming the
// records it shows (one insert for the batch, committed before the answer leaves, and no round trip of
// its own). Concurrent requests' pages go as one statement (SqlReader.batch), one at a time per kind of
// page: since each commits its decisions, pages asked while one is in flight wait and go together, one
// commit for all (as the decision log's group commit does), which measured faster than several commits
// racing for the WAL flush (roster c16 +15%, clubMembers +7%, paired A/B).

/** One request's page, as PostgreSQL made it. */
export interface SqlPage {
  /** The response body. */
  body: string;
}

const base64url = (text: string) => `rtrim(translate(encode(convert_to(${text}, 'UTF8'), 'base64'), '+/', '-_'), '=')`;

/**
 * A batched page statement: `askerColumns` are each request's parameters besides `n`, `after`, `lim`
 * and the page decision's (e.g. `club_id text`); `records` is a subquery over them (`q.…`) yielding `id`,
 * `club_id` and `json` of the `recordType` records after `q.after` in id order, at most `q.lim + 1` of
 * them (one more than the page, to know whether another follows).
 */
export function pageStatement(askerColumns: string, records: string, recordType: string): string {
  // Aggregated over the records as the subquery ordered them (no sort: numbering and aggregates take
  // rows in input order), one aggregate row per asker even for an empty page.
  const shown = 'filter (where r.k <= q.lim)';
  return `with pages as (select q.n, q.user_id, q.relation, q.route, q.request_id, p.*
    from json_to_recordset($1::json) as q(n int, after text, lim int, user_id text, relation text, route text, request_id text, ${askerColumns}) cross join lateral (
    select '{"items":[' || coalesce(string_agg(r.json, ',') ${shown}, '') || '],"nextCursor":'
        || case when count(*) > q.lim then '"' || ${base64url(`max(r.id) ${shown}`)} || '"' else 'null' end || '}' as body,
      coalesce(string_agg(r.id, ',') ${shown}, '') as ids,
      coalesce(string_agg(r.club_id, ',') ${shown}, '') as clubs
    from (select s.*, row_number() over () as k from (${records}) s) r) p),
  ${pageDecisionsCtes('pages', recordType)}
  select n, body from pages`;
}

/**
 * Reads one request's page with a statement made by `pageStatement`, logging it as shown to
 * `shownTo` (Authz.pageDecision: the caller and the relation the list was allowed through).
 */
export async function readPage<P extends object>(sql: SqlReader, statement: string, params: P & { after?: string; limit: number }, shownTo: PageDecision | undefined): Promise<SqlPage> {
  const { after, limit, ...asker } = params;
  const [page] = await sql.batch<object, SqlPage & { n: number }>(statement, { writes: true })({ ...asker, ...shownTo, after: after ?? '', lim: limit });
  return page ?? EMPTY_PAGE;
}

/** The page a request shows nothing on. */
export const EMPTY_PAGE: SqlPage = { body: '{"items":[],"nextCursor":null}' };

/** The response body of a page. */
export const pageBody = (page: SqlPage): JsonText => new JsonText(page.body);
