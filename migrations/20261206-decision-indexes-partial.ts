import { Migration } from '@mikro-orm/migrations';

/**
 * The decision log's two record indexes cover only the rows that fill their column: a check's row
 * fills `object`, a list's `objects` (migrations/20261206-decision-lists.ts). Unfiltered, every check
 * also added a null-item entry to the GIN index and every list a null key to the btree — index work on
 * each read that no query uses (`object = ?` and `objects @> ?` imply the column is not null).
 *
 * The GIN index's pending list is merged by the API off the request path
 * (src/modules/audit/decision-index-merger.ts), every quarter second; the limit at which an insert
 * merges it itself is raised to 16 MB, a safety net for when no merger runs, rather than 512 kB
 * (20261206-decision-objects-pending-list.ts), at which a read's decision write still did the merge.
 */
export class Migration20261206DecisionIndexesPartial extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      drop index authz_decisions_object_idx;
      create index authz_decisions_object_idx on authz_decisions (object, at) where object is not null;
      drop index authz_decisions_objects_idx;
      create index authz_decisions_objects_idx on authz_decisions using gin (objects)
        with (gin_pending_list_limit = 16384) where objects is not null;
    `);
  }
}
