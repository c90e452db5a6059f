import { JsonText } from '../../http/json-text.js';
import type { SqlReader } from '../../db/sql-reader.js';
import type { ListedRecord } from '../../authz/decision-recorder.js';

// Pages of records that every screen reads (a club's members, a roster, a guardian's children) are made
// whole by PostgreSQL: per request one row holding the response body (`{ items, nextCursor }`, the
// cursor being the base64url of the last id shown, as pagination.ts makes it) and the ids and clubs of
// the records it shows (for the decision log), rather than a row per record that the API parses and
// joins again. Concurrent requests' pages go as one statement (SqlReader.batch).

/** One request's page, as PostgreSQL made it. */
export interface SqlPage {
  /** The response body. */
  body: string;
  /** The ids of the records shown, in order, comma-separated ('' for none). */
  ids: string;
  /** The club of each record shown, in the same order. */
  clubs: string;
}

const base64url = (text: string) => `rtrim(translate(encode(convert_to(${text}, 'UTF8'), 'base64'), '+/', '-_'), '=')`;

/**
 * A batched page statement: `askerColumns` are each request's parameters besides `n`, `after` and
 * `lim` (e.g. `club_id text`); `records` is a subquery over them (`q.…`) yielding `id`, `club_id` and
 * `json` of the records after `q.after` in id order, at most `q.lim + 1` of them (one more than the
 * page, to know whether another follows).
 */
export function pageStatement(askerColumns: string, records: string): string {
  // Aggregated over the records as the subquery ordered them (no sort: numbering and aggregates take
  // rows in input order), one aggregate row per asker even for an empty page.
  const shown = 'filter (where r.k <= q.lim)';
  return `select q.n, p.* from json_to_recordset($1::json) as q(n int, after text, lim int, ${askerColumns}) cross join lateral (
    select '{"items":[' || coalesce(string_agg(r.json, ',') ${shown}, '') || '],"nextCursor":'
        || case when count(*) > q.lim then '"' || ${base64url(`max(r.id) ${shown}`)} || '"' else 'null' end || '}' as body,
      coalesce(string_agg(r.id, ',') ${shown}, '') as ids,
      coalesce(string_agg(r.club_id, ',') ${shown}, '') as clubs
    from (select s.*, row_number() over () as k from (${records}) s) r) p`;
}

/** Reads one request's page with a statement made by `pageStatement`. */
export async function readPage<P extends object>(sql: SqlReader, statement: string, params: P & { after?: string; limit: number }): Promise<SqlPage> {
  const { after, limit, ...asker } = params;
  const [page] = await sql.batch<object, SqlPage & { n: number }>(statement)({ ...asker, after: after ?? '', lim: limit });
  return page ?? EMPTY_PAGE;
}

/** The page a request shows nothing on. */
export const EMPTY_PAGE: SqlPage = { body: '{"items":[],"nextCursor":null}', ids: '', clubs: '' };

/** The response body of a page. */
export const pageBody = (page: SqlPage): JsonText => new JsonText(page.body);

/** The records a page shows, as the decision log takes them (`type:id` and club). */
export function shownRecords(page: SqlPage, type: string): ListedRecord[] {
  if (!page.ids) return [];
  const clubs = page.clubs.split(',');
  return page.ids.split(',').map((id, i) => ({ object: `${type}:${id}`, clubId: clubs[i] }));
}
