import { Migration } from '@mikro-orm/migrations';

/**
 * Auditors, the hash-chained log of relationship changes, the log of authorisation decisions on
 * children's records, and the record of permission-model deployments.
 */
export class Migration20261204Audit extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table club_auditors (
        club_id text not null references clubs(id) on delete cascade deferrable initially deferred,
        user_id text not null references users(id) deferrable initially deferred,
        added_by text,
        created_at timestamptz not null default now(),
        primary key (club_id, user_id)
      );
      create index club_auditors_user_idx on club_auditors (user_id);

      -- One chain per club ('club:<id>'; 'platform' for changes outside any club). No foreign keys:
      -- the history must outlive what it describes.
      create table audit_changes (
        id bigserial primary key,
        chain text not null,
        seq bigint not null,
        club_id text,
        at timestamptz not null,
        operation text not null check (operation in ('added', 'removed')),
        object text not null,
        relation text not null,
        subject text not null,
        actor_id text,
        command text not null,
        reason text,
        prev_hash text not null,
        hash text not null,
        unique (chain, seq)
      );
      create index audit_changes_club_idx on audit_changes (club_id, at, seq);

      create table authz_decisions (
        id bigserial primary key,
        at timestamptz not null default now(),
        user_id text not null,
        relation text not null,
        object text not null,
        allowed boolean not null,
        club_id text,
        source text not null check (source in ('check', 'list')),
        route text,
        request_id text
      );
      create index authz_decisions_club_idx on authz_decisions (club_id, at, id);
      create index authz_decisions_object_idx on authz_decisions (object, at);

      -- Append-only: rows are never changed or removed through SQL (the hash chain shows it if they are).
      create function reject_audit_mutation() returns trigger language plpgsql as $$
      begin
        raise exception '% is append-only', tg_table_name using errcode = 'insufficient_privilege';
      end $$;
      create trigger audit_changes_append_only before update or delete on audit_changes for each row execute function reject_audit_mutation();
      create trigger audit_changes_no_truncate before truncate on audit_changes for each statement execute function reject_audit_mutation();
      create trigger authz_decisions_append_only before update or delete on authz_decisions for each row execute function reject_audit_mutation();
      create trigger authz_decisions_no_truncate before truncate on authz_decisions for each statement execute function reject_audit_mutation();

      create table fga_model_deployments (
        id bigserial primary key,
        store_id text not null,
        model_id text not null,
        model_sha256 text not null,
        source text not null check (source in ('startup', 'deploy')),
        deployed_by text,
        deployed_at timestamptz not null default now()
      );
      create index fga_model_deployments_store_idx on fga_model_deployments (store_id, id desc);
    `);
  }
}
