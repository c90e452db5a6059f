import type { SqlReader } from '../../../db/sql-reader.js';
import type { YouthMember } from '../entities.js';

// Instants as the API writes them (toISOString's form), formatted by PostgreSQL: parsing each into a
// Date only to print it again was the costliest part of a page of 50 profiles.
const isoInstant = (column: string) => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** youth_members columns as the presenters read them (a date of birth as text: no time zone to shift it). */
export const MEMBER_COLUMNS = `id, club_id as "clubId", first_name as "firstName", last_name as "lastName", date_of_birth::text as "dateOfBirth",
  medical_notes as "medicalNotes", emergency_contacts as "emergencyContacts", ${isoInstant('created_at')} as "createdAt", ${isoInstant('updated_at')} as "updatedAt"`;

export type MemberRow = Omit<YouthMember, 'dateOfBirth' | 'createdAt' | 'updatedAt'> & { dateOfBirth: string; createdAt: string; updatedAt: string };

// Profiles asked for by concurrent requests are read with one statement (SqlReader.loader).
const loaders = new WeakMap<SqlReader, (id: string) => Promise<MemberRow | undefined>>();

export function memberById(sql: SqlReader, memberId: string): Promise<MemberRow | undefined> {
  let load = loaders.get(sql);
  if (!load) loaders.set(sql, (load = sql.loader<MemberRow>(`select ${MEMBER_COLUMNS} from youth_members where id = any($1::text[])`, (row) => row.id)));
  return load(memberId);
}

/** A keyset page (ordered by id, `limit` rows after `after`) of a club's members, or of those among `ids`. */
export function clubMemberPage(sql: SqlReader, clubId: string, ids: string[] | 'all', after: string | undefined, limit: number): Promise<MemberRow[]> {
  return ids === 'all'
    ? sql.rows<MemberRow>(`select ${MEMBER_COLUMNS} from youth_members where club_id = $1 and id > $2 order by id limit $3`, [clubId, after ?? '', limit])
    : sql.rows<MemberRow>(`select ${MEMBER_COLUMNS} from youth_members where club_id = $1 and id = any($2::text[]) and id > $3 order by id limit $4`, [clubId, ids, after ?? '', limit]);
}

/** A keyset page of the members among `ids`. */
export function memberPage(sql: SqlReader, ids: string[], after: string | undefined, limit: number): Promise<MemberRow[]> {
  return sql.rows<MemberRow>(`select ${MEMBER_COLUMNS} from youth_members where id = any($1::text[]) and id > $2 order by id limit $3`, [ids, after ?? '', limit]);
}
