import { Migration } from '@mikro-orm/migrations';

/**
 * A list's decision names the records its page showed through the page's contents, stored once per
 * distinct page (`authz_page_contents`, keyed by the sha256 of its records in page order) rather than
 * in every decision row: the same page is read again and again (a roster by its coaches, a club's
 * first page by its admins, a family by its guardians), and each read wrote the whole list and an index
 * entry per record (50 for a club's page, about half of the read's database time). A read still logs
 * its own row — who, when, which request — naming the contents by digest.
 *
 * No foreign key from the decision to its contents: the one statement that logs a page inserts both
 * (src/modules/audit/decision-log.ts), both tables are append-only, and a key check would take a share
 * lock on a contents row that every reader of a popular page shares. The GIN index takes contents as
 * they come (no pending list): new contents are rare once pages have been read, and an auditor's
 * query then has no list to scan.
 *
 * Rows written before name their records in `objects`; they move to the new form here (the append-only
 * trigger is lifted for that alone: each row keeps its id, time, asker and records).
 */
const DIGEST = (objects: string) => `sha256(convert_to(array_to_string(${objects}, ','), 'UTF8'))`;

export class Migration20261206DecisionPageContents extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table authz_page_contents (
        digest bytea primary key,
        objects text[] not null,
        constraint authz_page_contents_digest check (cardinality(objects) > 1 and digest = ${DIGEST('objects')})
      );
      create index authz_page_contents_objects_idx on authz_page_contents using gin (objects) with (fastupdate = off);
      create trigger authz_page_contents_append_only before update or delete on authz_page_contents for each row execute function reject_audit_mutation();
      create trigger authz_page_contents_no_truncate before truncate on authz_page_contents for each statement execute function reject_audit_mutation();

      alter table authz_decisions add column page_digest bytea;
      alter table authz_decisions drop constraint authz_decisions_one_form;
      insert into authz_page_contents (digest, objects)
        select distinct ${DIGEST('objects')}, objects from authz_decisions where objects is not null;
      alter table authz_decisions disable trigger authz_decisions_append_only;
      update authz_decisions set page_digest = ${DIGEST('objects')}, objects = null where objects is not null;
      alter table authz_decisions enable trigger authz_decisions_append_only;

      drop index authz_decisions_objects_idx;
      alter table authz_decisions drop column objects;
      alter table authz_decisions add constraint authz_decisions_one_form check ((object is null) <> (page_digest is null));
      create index authz_decisions_page_idx on authz_decisions (page_digest) where page_digest is not null;
    `);
  }
}
