import type { SqlReader } from '../../../db/sql-reader.js';

// Instants as the API writes them (toISOString's form), formatted by PostgreSQL: parsing each into a
// Date only to print it again was the costliest part of a page of 50 profiles.
const isoInstant = (column: string) => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * A member as the API shows it (schemas.ts MemberResponse), as JSON text built by PostgreSQL — the one
 * place that shape is made; without medical notes for those who may see only the profile (the notes
 * are null and `withheld` names them).
 */
function memberJson(m: string, medicalNotes: MedicalNotes): string {
  return `(select row_to_json(j)::text from (select ${m}.id, ${m}.club_id as "clubId", ${m}.first_name as "firstName", ${m}.last_name as "lastName",
    ${m}.date_of_birth::text as "dateOfBirth", ${medicalNotes === 'shown' ? `${m}.medical_notes` : 'null::text'} as "medicalNotes",
    ${m}.emergency_contacts as "emergencyContacts", ${isoInstant(`${m}.created_at`)} as "createdAt", ${isoInstant(`${m}.updated_at`)} as "updatedAt"
    ${medicalNotes === 'shown' ? '' : `, array['medicalNotes'] as withheld`}) j)`;
}

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

// A club's page is read with a statement of its own: 50 profiles are enough work for one PostgreSQL
// backend, and concurrent pages then run on several (sharing a statement made them wait on one another).
const clubPage = (among: boolean) => inBothForms((notes) =>
  `select ${memberJsonColumns(notes)} from youth_members m where m.club_id = $1 ${among ? 'and m.id = any($4::text[])' : ''} and m.id > $2 order by m.id limit $3`);
const CLUB_PAGE = clubPage(false);
const CLUB_PAGE_AMONG = clubPage(true);

/** A keyset page (ordered by id, `limit` rows after `after`) of a club's members, or of those among `ids`. */
export function clubMemberPage(sql: SqlReader, clubId: string, ids: string[] | 'all', after: string | undefined, limit: number, medicalNotes: MedicalNotes): Promise<MemberJsonRow[]> {
  return ids === 'all'
    ? sql.rows<MemberJsonRow>(CLUB_PAGE[medicalNotes], [clubId, after ?? '', limit])
    : sql.rows<MemberJsonRow>(CLUB_PAGE_AMONG[medicalNotes], [clubId, after ?? '', limit, ids]);
}

// A guardian's children are a few rows: pages asked for by concurrent requests are read with one
// statement (SqlReader.batch), each request's keyset page a LATERAL subquery over its own parameters.
const PAGE_AMONG = `select q.n, p.* from json_to_recordset($1::json) as q(n int, ids text[], after text, lim int) cross join lateral (
  select ${memberJsonColumns('shown')} from youth_members m where m.id = any(q.ids) and m.id > q.after order by m.id limit q.lim) p`;

/** A keyset page of the members among `ids`, with medical notes. */
export function memberPage(sql: SqlReader, ids: string[], after: string | undefined, limit: number): Promise<MemberJsonRow[]> {
  return sql.batch<object, MemberJsonRow & { n: number }>(PAGE_AMONG)({ ids, after: after ?? '', lim: limit });
}
