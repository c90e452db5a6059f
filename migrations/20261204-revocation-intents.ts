import { Migration } from '@mikro-orm/migrations';

/**
 * Revocations reach OpenFGA before their command commits. If the command then does not commit (the
 * process is killed, the commit fails), OpenFGA holds less than the database. Each revocation is first
 * announced here, outside the command's transaction, with that transaction's id; the relay restores
 * what the database still implies for every intent whose transaction ended without committing.
 */
export class Migration20261204RevocationIntents extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table fga_revocation_intents (
        id bigserial primary key,
        xid xid8 not null,
        tuple_keys jsonb not null,
        command text not null,
        created_at timestamptz not null default now()
      );
    `);
  }
}
