import type { SqlReader } from '../../../db/sql-reader.js';
import type { PageDecision } from '../../../authz/decision-recorder.js';
import { pageStatement, readPage, type SqlPage } from '../../shared/sql-page.js';

/**
 * A member as the API shows it (schemas.ts MemberResponse), as JSON text made by PostgreSQL: the full
 * form is kept in the row (`profile_json`, refreshed by a trigger on every write), the form without
 * medical notes — for those who may see only the profile — is made on demand by the same SQL function
 * (migrations/20261206-member-profile-json.ts, the one place that shape is defined).
 */
const memberJson = (m: string, medicalNotes: MedicalNotes): string =>
  medicalNotes === 'shown' ? `${m}.profile_json` : `member_profile_json(${m}, false)`;

/** A member's profile: its id and its JSON. */
export interface MemberJsonRow {
  id: string;
  json: string;
}

type MedicalNotes = 'shown' | 'withheld';

/** A statement in both forms, with medical notes shown and withheld. */
const inBothForms = (statement: (medicalNotes: MedicalNotes) => string): Record<MedicalNotes, string> => ({ shown: statement('shown'), withheld: statement('withheld') });

const MEMBER_BY_ID = inBothForms((notes) => `select m.id, ${memberJson('m', notes)} as json from youth_members m where m.id = any($1::text[])`);

/** A member's profile; profiles asked for by concurrent requests are read with one statement (SqlReader.loader). */
export function memberById(sql: SqlReader, memberId: string, medicalNotes: MedicalNotes): Promise<MemberJsonRow | undefined> {
  return sql.loader<MemberJsonRow>(MEMBER_BY_ID[medicalNotes], (row) => row.id)(memberId);
}

// Pages are made whole by PostgreSQL, one row per request, and concurrent requests' pages go as one
// statement (shared/sql-page.ts). With the profiles already made, a page is an index range.
const memberRecords = (notes: MedicalNotes) => `m.id, m.club_id, ${memberJson('m', notes)} as json`;
const clubPage = (among: boolean) => inBothForms((notes) => pageStatement(`club_id text${among ? ', ids text[]' : ''}`,
  `select ${memberRecords(notes)} from youth_members m
   where m.club_id = q.club_id ${among ? 'and m.id = any(q.ids)' : ''} and m.id > q.after order by m.id limit q.lim + 1`, 'member'));
const CLUB_PAGE = clubPage(false);
const CLUB_PAGE_AMONG = clubPage(true);

/** A keyset page (by id, `limit` records after `after`) of a club's members, or of those among `ids`, logged as shown to `shownTo`. */
export function clubMemberPage(sql: SqlReader, clubId: string, ids: string[] | 'all', after: string | undefined, limit: number, medicalNotes: MedicalNotes, shownTo: PageDecision | undefined): Promise<SqlPage> {
  return ids === 'all'
    ? readPage(sql, CLUB_PAGE[medicalNotes], { club_id: clubId, after, limit }, shownTo)
    : readPage(sql, CLUB_PAGE_AMONG[medicalNotes], { club_id: clubId, ids, after, limit }, shownTo);
}

// A guardian's children: a few rows, found by id.
const PAGE_AMONG = pageStatement('ids text[]',
  `select ${memberRecords('shown')} from youth_members m where m.id = any(q.ids) and m.id > q.after order by m.id limit q.lim + 1`, 'member');

/** A keyset page of the members among `ids`, with medical notes, logged as shown to `shownTo`. */
export function memberPage(sql: SqlReader, ids: string[], after: string | undefined, limit: number, shownTo: PageDecision | undefined): Promise<SqlPage> {
  return readPage(sql, PAGE_AMONG, { ids, after, limit }, shownTo);
}
