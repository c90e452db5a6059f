// Every tuple the database implies, derived with the same pure functions the commands use.
// Reconcile compares this with what OpenFGA holds.
import type { RelationTuple } from '../authz/tuple-change.js';
import type { Em } from '../db/orm.js';
import { clubAdminTuple, clubAuditorTuple } from './clubs/tuples.js';
import { eventInGroupTuple, inviteeTuple } from './events/tuples.js';
import { coachTuple, groupInClubTuples, memberInGroupTuples } from './groups/tuples.js';
import { guardianTuple } from './guardians/tuples.js';
import { memberInClubTuples } from './members/tuples.js';

type Row = Record<string, string>;

const sources: Array<{ sql: string; tuples: (row: Row) => RelationTuple[] }> = [
  { sql: 'select club_id, user_id from club_admins', tuples: (r) => [clubAdminTuple(r.club_id, r.user_id)] },
  { sql: 'select club_id, user_id from club_auditors', tuples: (r) => [clubAuditorTuple(r.club_id, r.user_id)] },
  { sql: 'select id, club_id from groups', tuples: (r) => groupInClubTuples(r.id, r.club_id) },
  { sql: 'select group_id, user_id, role from group_coaches', tuples: (r) => [coachTuple(r.group_id, r.user_id, r.role as 'head' | 'assistant')] },
  { sql: 'select id, club_id from youth_members', tuples: (r) => memberInClubTuples(r.id, r.club_id) },
  { sql: 'select group_id, member_id from group_members', tuples: (r) => memberInGroupTuples(r.group_id, r.member_id) },
  { sql: 'select member_id, user_id from guardianships', tuples: (r) => [guardianTuple(r.member_id, r.user_id)] },
  { sql: 'select id, group_id from events', tuples: (r) => [eventInGroupTuple(r.id, r.group_id)] },
  { sql: 'select event_id, member_id from event_attendance', tuples: (r) => [inviteeTuple(r.event_id, r.member_id)] },
];

/** The object types whose tuples the database owns entirely (anything else in OpenFGA is left alone). */
export const MANAGED_OBJECT_TYPES = ['club', 'group', 'member', 'event'];

export async function desiredTuples(em: Em): Promise<RelationTuple[]> {
  const all: RelationTuple[] = [];
  for (const source of sources) {
    const rows = await em.execute<Row[]>(source.sql);
    for (const row of rows) all.push(...source.tuples(row));
  }
  return all;
}
