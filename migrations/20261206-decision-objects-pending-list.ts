import { Migration } from '@mikro-orm/migrations';

/**
 * The GIN index on list decisions' `objects` keeps a pending list of new entries that the inserting
 * statement merges into the index once it passes `gin_pending_list_limit` (4 MB by default). Every
 * read of a page appends a decision naming 50 records, so each merge stalled one decision write — and
 * every read waiting on it — for tens of milliseconds (16-row inserts: max 30–38 ms, p99 11–15 ms).
 * At 512 kB the merges are eight times smaller and more often: p99 ~8 ms, max ~9–17 ms, and no more
 * work in total.
 */
export class Migration20261206DecisionObjectsPendingList extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter index authz_decisions_objects_idx set (gin_pending_list_limit = 512);');
  }
}
