import { Migration } from '@mikro-orm/migrations';

/** Invitations by email to become a coach of a group or a guardian of a youth member; only the token's hash is kept. */
export class Migration20261125JoinInvitations extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table join_invitations (
        id text primary key,
        kind text not null check (kind in ('coach', 'guardian')),
        club_id text not null references clubs(id) on delete cascade deferrable initially deferred,
        group_id text references groups(id) on delete cascade deferrable initially deferred,
        member_id text references youth_members(id) on delete cascade deferrable initially deferred,
        email text not null,
        role text check (role in ('head', 'assistant')),
        relationship text,
        token_hash text not null unique,
        invited_by text not null references users(id) deferrable initially deferred,
        expires_at timestamptz not null,
        accepted_at timestamptz,
        accepted_by text references users(id) deferrable initially deferred,
        revoked_at timestamptz,
        revoked_by text references users(id) deferrable initially deferred,
        created_at timestamptz not null default now(),
        check ((kind = 'coach' and group_id is not null and role is not null and member_id is null)
            or (kind = 'guardian' and member_id is not null and relationship is not null and group_id is null))
      );
      create index join_invitations_group_idx on join_invitations (group_id, created_at) where group_id is not null;
      create index join_invitations_member_idx on join_invitations (member_id, created_at) where member_id is not null;
    `);
  }
}
