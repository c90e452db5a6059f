import { Migration } from '@mikro-orm/migrations';

/** Events (single or occurrences of a weekly series), attendance per invited youth member, calendar-feed keys. */
export class Migration20261125Events extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table event_series (
        id text primary key,
        club_id text not null references clubs(id) on delete cascade deferrable initially deferred,
        group_id text not null references groups(id) on delete cascade deferrable initially deferred,
        rrule text not null,
        timezone text not null,
        created_by text not null references users(id) deferrable initially deferred,
        created_at timestamptz not null default now()
      );
      create table events (
        id text primary key,
        club_id text not null references clubs(id) on delete cascade deferrable initially deferred,
        group_id text not null references groups(id) on delete cascade deferrable initially deferred,
        series_id text references event_series(id) on delete cascade deferrable initially deferred,
        occurrence_start timestamptz,
        type text not null check (type in ('practice', 'match', 'tournament', 'other')),
        title text not null,
        starts_at timestamptz not null,
        ends_at timestamptz not null,
        location text,
        notes text,
        capacity integer check (capacity > 0),
        status text not null default 'scheduled' check (status in ('scheduled', 'cancelled')),
        version integer not null default 1,
        created_by text not null references users(id) deferrable initially deferred,
        cancelled_by text references users(id) deferrable initially deferred,
        cancelled_at timestamptz,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        check (ends_at > starts_at),
        check ((series_id is null) = (occurrence_start is null))
      );
      create index events_group_start_idx on events (group_id, starts_at, id);
      create index events_start_idx on events (starts_at, id);
      create unique index events_series_occurrence_idx on events (series_id, occurrence_start) where series_id is not null;
      create table event_attendance (
        event_id text not null references events(id) on delete cascade deferrable initially deferred,
        member_id text not null references youth_members(id) on delete cascade deferrable initially deferred,
        status text check (status in ('going', 'not_going', 'maybe')),
        note text,
        answered_by text references users(id) deferrable initially deferred,
        answered_at timestamptz,
        created_at timestamptz not null default now(),
        primary key (event_id, member_id)
      );
      create index event_attendance_member_idx on event_attendance (member_id, event_id);
      create table calendar_keys (
        user_id text primary key references users(id) on delete cascade deferrable initially deferred,
        key_hash text not null unique,
        created_at timestamptz not null default now()
      );
    `);
  }
}
