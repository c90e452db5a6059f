import { Migration } from '@mikro-orm/migrations';

/**
 * A list's one decision is one row naming every record it showed (`objects`), instead of a row per
 * record: a page of 50 profiles was 50 inserts and 100 index entries on every read. A row holds
 * either `object` (one record: every check) or `objects` (several, all of one club).
 */
export class Migration20261206DecisionLists extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      alter table authz_decisions add column objects text[];
      alter table authz_decisions alter column object drop not null;
      alter table authz_decisions add constraint authz_decisions_one_form
        check ((object is null) <> (objects is null) and (objects is null or cardinality(objects) > 1));
      create index authz_decisions_objects_idx on authz_decisions using gin (objects);
    `);
  }
}
