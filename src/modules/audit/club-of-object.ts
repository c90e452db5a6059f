// Which club an object belongs to, in SQL: audit entries and decisions are kept (and read) per club.
// One place knows how each object type reaches its club; a new type gets one line here.

/** A SQL expression giving the club id of the object named (`type:id`) by the SQL expression `objectSql`. */
export function clubOfObjectSql(objectSql: string): string {
  const id = `split_part(${objectSql}, ':', 2)`;
  return `(case split_part(${objectSql}, ':', 1)
    when 'club' then ${id}
    when 'group' then (select club_id from groups where id = ${id})
    when 'member' then (select club_id from youth_members where id = ${id})
    when 'event' then (select g.club_id from events e join groups g on g.id = e.group_id where e.id = ${id})
  end)`;
}
