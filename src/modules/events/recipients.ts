import type { Em } from '../../db/orm.js';

/** A guardian to email about one event, with the first names of their children invited to it. */
export interface Recipient {
  userId: string;
  email: string;
  name: string;
  memberFirstNames: string[];
}

/** What every event email says about where it comes from. */
export interface MailContext {
  clubId: string;
  clubName: string;
  clubTimezone: string;
  groupName: string;
}

/**
 * Guardians of the members invited to each event (never the children: they have no address here), one
 * entry per guardian per event. `guardiansOf` narrows to the guardians of one member (who just joined);
 * their entries still name all their invited children.
 */
export async function recipientsByEvent(em: Em, eventIds: string[], guardiansOf?: string): Promise<Map<string, Recipient[]>> {
  const byEvent = new Map<string, Recipient[]>();
  if (!eventIds.length) return byEvent;
  const rows = await em.execute<Array<{ event_id: string; user_id: string; email: string; name: string; first_names: string[] }>>(
    `select a.event_id, g.user_id, u.email, u.name, array_agg(m.first_name order by m.first_name, m.id) as first_names
     from event_attendance a
     join guardianships g on g.member_id = a.member_id
     join users u on u.id = g.user_id
     join youth_members m on m.id = a.member_id
     where a.event_id in (select json_array_elements_text(?::json))
       and (?::text is null or g.user_id in (select user_id from guardianships where member_id = ?))
       and u.email <> ''
     group by a.event_id, g.user_id, u.email, u.name
     order by a.event_id, g.user_id`,
    [JSON.stringify(eventIds), guardiansOf ?? null, guardiansOf ?? null],
  );
  for (const row of rows) {
    const list = byEvent.get(row.event_id) ?? [];
    list.push({ userId: row.user_id, email: row.email, name: row.name, memberFirstNames: row.first_names });
    byEvent.set(row.event_id, list);
  }
  return byEvent;
}

export async function mailContext(em: Em, groupId: string): Promise<MailContext> {
  const [row] = await em.execute<Array<{ club_id: string; club_name: string; timezone: string; group_name: string }>>(
    `select c.id as club_id, c.name as club_name, c.timezone, g.name as group_name from groups g join clubs c on c.id = g.club_id where g.id = ?`,
    [groupId],
  );
  return { clubId: row.club_id, clubName: row.club_name, clubTimezone: row.timezone, groupName: row.group_name };
}
