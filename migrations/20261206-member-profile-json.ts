import { Migration } from '@mikro-orm/migrations';

/**
 * A member's profile as the API shows it (members/schemas.ts MemberResponse) is kept as JSON text in
 * its row (`profile_json`), refreshed by a trigger on every insert and update, whoever writes. Lists of
 * 50 profiles are the reads every screen makes: building each profile with row_to_json on every read
 * cost PostgreSQL about as much again as the rest of the page (qbench: 640 → 310 µs per club page).
 *
 * `member_profile_json(m, medical_notes)` is the one place that shape is made: the trigger stores the
 * form with medical notes, and reads for those who may not see them (auditors) call it with `false`
 * (notes null, named in `withheld`). A later change of the shape is a new migration that replaces the
 * function and touches every row. Dates are formatted explicitly, so no session setting (DateStyle,
 * TimeZone) of whoever writes can change the stored text.
 */
export class Migration20261206MemberProfileJson extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      alter table youth_members add column profile_json text;

      -- The form without notes also names them in \`withheld\`, a key the full form does not have.
      create function member_profile_json(m youth_members, medical_notes boolean) returns text
      language sql stable as $$
        select case when medical_notes then body else left(body, -1) || ',"withheld":["medicalNotes"]}' end
        from (select row_to_json(j)::text as body from (select m.id, m.club_id as "clubId", m.first_name as "firstName", m.last_name as "lastName",
          to_char(m.date_of_birth, 'YYYY-MM-DD') as "dateOfBirth",
          case when medical_notes then m.medical_notes end as "medicalNotes",
          m.emergency_contacts as "emergencyContacts",
          to_char(m.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "createdAt",
          to_char(m.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "updatedAt") j) b
      $$;

      create function youth_members_refresh_profile_json() returns trigger language plpgsql as $$
      begin
        new.profile_json := member_profile_json(new, true);
        return new;
      end $$;

      create trigger youth_members_profile_json before insert or update on youth_members
        for each row execute function youth_members_refresh_profile_json();

      update youth_members set profile_json = member_profile_json(youth_members, true);
      alter table youth_members alter column profile_json set not null;
    `);
  }
}
