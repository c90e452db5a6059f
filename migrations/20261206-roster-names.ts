import { Migration } from '@mikro-orm/migrations';

/**
 * A roster entry (id, first and last name) is read from `group_members` alone: the names (and the
 * member's club, for the decision log) are copied into each assignment, and the primary key's index,
 * covering them, serves a roster page as one index range. A coach's roster is the screen read most;
 * joining every entry to youth_members cost PostgreSQL a primary-key probe per entry, most of the
 * page's cost.
 *
 * Triggers keep the copies exact whoever writes and in whichever order a transaction inserts (the
 * foreign keys are deferred): an assignment takes the names when it is inserted, and a member's
 * insert or rename writes them to its assignments.
 */
export class Migration20261206RosterNames extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      alter table group_members add column first_name text, add column last_name text, add column club_id text;
      update group_members gm set first_name = m.first_name, last_name = m.last_name, club_id = m.club_id
        from youth_members m where m.id = gm.member_id;

      create function group_members_take_member_names() returns trigger language plpgsql as $$
      begin
        select m.first_name, m.last_name, m.club_id into new.first_name, new.last_name, new.club_id
          from youth_members m where m.id = new.member_id;
        return new;
      end $$;
      create trigger group_members_member_names before insert or update of member_id on group_members
        for each row execute function group_members_take_member_names();

      create function youth_members_names_to_groups() returns trigger language plpgsql as $$
      begin
        update group_members set first_name = new.first_name, last_name = new.last_name, club_id = new.club_id
          where member_id = new.id
            and (first_name, last_name, club_id) is distinct from (new.first_name, new.last_name, new.club_id);
        return null;
      end $$;
      create trigger youth_members_names_to_groups after insert or update of first_name, last_name, club_id on youth_members
        for each row execute function youth_members_names_to_groups();

      -- The primary key's index covers the page itself: a second index on the same key would double every assignment's index writes.
      alter table group_members drop constraint group_members_pkey,
        add constraint group_members_pkey primary key (group_id, member_id) include (first_name, last_name, club_id);
    `);
  }
}
