import { Migration } from '@mikro-orm/migrations';

/** The job outbox, the email delivery ledger, email preferences, club quiet hours and address flags. */
export class Migration20261201JobsAndEmail extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table job_outbox (
        id bigserial primary key,
        queue text not null,
        operation text not null check (operation in ('add', 'remove')),
        job_name text,
        job_id text not null,
        data jsonb,
        run_at timestamptz,
        command text not null,
        actor_id text,
        status text not null default 'pending' check (status in ('pending', 'dispatched')),
        attempts integer not null default 0,
        last_error text,
        created_at timestamptz not null default now(),
        dispatched_at timestamptz,
        check (operation = 'remove' or (job_name is not null and data is not null))
      );
      create index job_outbox_pending_idx on job_outbox (id) where status = 'pending';
      create index job_outbox_job_idx on job_outbox (queue, job_id, id);

      create table email_deliveries (
        job_id text primary key,
        template text not null,
        status text not null check (status in ('sending', 'sent', 'skipped', 'retryable', 'unknown')),
        attempts integer not null default 0,
        skip_reason text,
        provider_message_id text,
        evidence_event text,
        last_error text,
        sending_started_at timestamptz,
        sent_at timestamptz,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      );

      create table email_preferences (
        user_id text primary key references users(id) on delete cascade deferrable initially deferred,
        timezone text,
        non_essential boolean not null default true,
        updated_at timestamptz not null default now()
      );

      create table club_quiet_hours (
        club_id text primary key references clubs(id) on delete cascade deferrable initially deferred,
        start_minute smallint not null check (start_minute between 0 and 1439),
        end_minute smallint not null check (end_minute between 0 and 1439),
        updated_by text,
        updated_at timestamptz not null default now(),
        check (start_minute <> end_minute)
      );

      create table email_address_flags (
        address text primary key,
        undeliverable_reason text,
        undeliverable_at timestamptz,
        non_essential_opt_out_at timestamptz,
        updated_at timestamptz not null default now()
      );
    `);
  }
}
