import { Migration } from '@mikro-orm/migrations';

/** Users, clubs, groups, coaches, youth members, guardians and the OpenFGA tuple outbox. */
export class Migration20261125Foundation extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table users (
        id text primary key,
        auth_subject text not null unique,
        email text not null,
        name text not null default '',
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      );
      create table clubs (
        id text primary key,
        name text not null,
        timezone text not null default 'UTC',
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      );
      create table club_admins (
        club_id text not null references clubs(id) on delete cascade deferrable initially deferred,
        user_id text not null references users(id) deferrable initially deferred,
        created_at timestamptz not null default now(),
        primary key (club_id, user_id)
      );
      create index club_admins_user_idx on club_admins (user_id);
      create table groups (
        id text primary key,
        club_id text not null references clubs(id) on delete cascade deferrable initially deferred,
        name text not null,
        season text,
        age_group text,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      );
      create index groups_club_idx on groups (club_id, id);
      create table group_coaches (
        group_id text not null references groups(id) on delete cascade deferrable initially deferred,
        user_id text not null references users(id) deferrable initially deferred,
        role text not null check (role in ('head', 'assistant')),
        created_at timestamptz not null default now(),
        primary key (group_id, user_id)
      );
      create index group_coaches_user_idx on group_coaches (user_id);
      create table youth_members (
        id text primary key,
        club_id text not null references clubs(id) on delete cascade deferrable initially deferred,
        first_name text not null,
        last_name text not null,
        date_of_birth date not null,
        medical_notes text,
        emergency_contacts jsonb not null default '[]',
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      );
      create index youth_members_club_idx on youth_members (club_id, id);
      create table group_members (
        group_id text not null references groups(id) on delete cascade deferrable initially deferred,
        member_id text not null references youth_members(id) on delete cascade deferrable initially deferred,
        created_at timestamptz not null default now(),
        primary key (group_id, member_id)
      );
      create index group_members_member_idx on group_members (member_id);
      create table guardianships (
        member_id text not null references youth_members(id) on delete cascade deferrable initially deferred,
        user_id text not null references users(id) deferrable initially deferred,
        relationship text not null,
        created_at timestamptz not null default now(),
        primary key (member_id, user_id)
      );
      create index guardianships_user_idx on guardianships (user_id);
      create table guardian_removals (
        id text primary key,
        member_id text not null references youth_members(id) on delete cascade deferrable initially deferred,
        user_id text not null references users(id) deferrable initially deferred,
        removed_by text not null references users(id) deferrable initially deferred,
        reason text not null,
        removed_at timestamptz not null default now()
      );
      create index guardian_removals_member_idx on guardian_removals (member_id);
      create table fga_outbox (
        id bigserial primary key,
        tuple_key text not null,
        operation text not null check (operation in ('write', 'delete')),
        object text not null,
        relation text not null,
        subject text not null,
        command text not null,
        actor_id text,
        reason text,
        status text not null default 'pending' check (status in ('pending', 'applied', 'superseded')),
        attempts integer not null default 0,
        last_error text,
        created_at timestamptz not null default now(),
        applied_at timestamptz
      );
      create index fga_outbox_pending_idx on fga_outbox (id) where status = 'pending';
      create index fga_outbox_key_idx on fga_outbox (tuple_key, id);
    `);
  }
}
