import type { SqlReader } from '../../../db/sql-reader.js';

/**
 * A member as the API shows it (schemas.ts MemberResponse), as JSON text made by PostgreSQL: the full
 * form is kept in the row (`profile_json`, refreshed by a trigger on every write), the form without
 * medical notes — for those who may see only the profile — is made on demand by the same SQL function
 * (migrations/20261206-member-profile-json.ts, the one place that shape is defined).
 */
const memberJson = (m: string, medicalNotes: MedicalNotes): string =>
  medicalNotes === 'shown' ? `${m}.profile_json` : `member_profile_json(${m}, false)`;

/** One member of a page: its id and club (for the decision log and the cursor) and its JSON. */
export interface MemberJsonRow {
  id: string;
  clubId: string;
  json: string;
}

type MedicalNotes = 'shown' | 'withheld';

const memberJsonColumns = (medicalNotes: MedicalNotes) => `m.id, m.club_id as "clubId", ${memberJson('m', medicalNotes)} as json`;

/** A statement in both forms, with medical notes shown and withheld. */
const inBothForms = (statement: (medicalNotes: MedicalNotes) => string): Record<MedicalNotes, string> => ({ shown: statement('shown'), withheld: statement('withheld') });

const MEMBER_BY_ID = inBothForms((notes) => `select ${memberJsonColumns(notes)} from youth_members m where m.id = any($1::text[])`);

/** A member's profile; profiles asked for by concurrent requests are read with one statement (SqlReader.loader). */
export function memberById(sql: SqlReader, memberId: string, medicalNotes: MedicalNotes): Promise<MemberJsonRow | undefined> {
  return sql.loader<MemberJsonRow>(MEMBER_BY_ID[medicalNotes], (row) => row.id)(memberId);
}

// Pages of a club asked for by concurrent requests are read with one statement (SqlReader.batch), each
// request's keyset page a LATERAL subquery over its own parameters; with the profiles already made,
// a page is an index range and costs PostgreSQL little, so sharing a backend no longer queues them.
const clubPage = (among: boolean) => inBothForms((notes) =>
  `select q.n, p.* from json_to_recordset($1::json) as q(n int, club_id text, after text, lim int${among ? ', ids text[]' : ''}) cross join lateral (
    select ${memberJsonColumns(notes)} from youth_members m
    where m.club_id = q.club_id ${among ? 'and m.id = any(q.ids)' : ''} and m.id > q.after order by m.id limit q.lim) p`);
const CLUB_PAGE = clubPage(false);
const CLUB_PAGE_AMONG = clubPage(true);

/** A keyset page (ordered by id, `limit` rows after `after`) of a club's members, or of those among `ids`. */
export function clubMemberPage(sql: SqlReader, clubId: string, ids: string[] | 'all', after: string | undefined, limit: number, medicalNotes: MedicalNotes): Promise<MemberJsonRow[]> {
  const page = { club_id: clubId, after: after ?? '', lim: limit };
  return ids === 'all'
    ? sql.batch<typeof page, MemberJsonRow & { n: number }>(CLUB_PAGE[medicalNotes])(page)
    : sql.batch<typeof page & { ids: string[] }, MemberJsonRow & { n: number }>(CLUB_PAGE_AMONG[medicalNotes])({ ...page, ids });
}

// A guardian's children are a few rows: pages asked for by concurrent requests are read with one
// statement (SqlReader.batch), each request's keyset page a LATERAL subquery over its own parameters.
const PAGE_AMONG = `select q.n, p.* from json_to_recordset($1::json) as q(n int, ids text[], after text, lim int) cross join lateral (
  select ${memberJsonColumns('shown')} from youth_members m where m.id = any(q.ids) and m.id > q.after order by m.id limit q.lim) p`;

/** A keyset page of the members among `ids`, with medical notes. */
export function memberPage(sql: SqlReader, ids: string[], after: string | undefined, limit: number): Promise<MemberJsonRow[]> {
  return sql.batch<object, MemberJsonRow & { n: number }>(PAGE_AMONG)({ ids, after: after ?? '', lim: limit });
}
