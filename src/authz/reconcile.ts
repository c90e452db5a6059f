import type { OpenFgaClient } from '@openfga/sdk';
import type { Em, Orm } from '../db/orm.js';
import { applyTupleChanges } from './fga-writer.js';
import { tupleKeyOf, type RelationTuple, type TupleChange } from './tuple-change.js';
import { RECONCILE_LOCK_ID } from './tuple-sync.js';

export interface ReconcileReport {
  desired: number;
  actual: number;
  written: RelationTuple[];
  deleted: RelationTuple[];
  dryRun: boolean;
}

export interface ReconcileSource {
  desiredTuples(em: Em): Promise<RelationTuple[]>;
  managedObjectTypes: string[];
}

/**
 * Compares the tuples the database implies with those OpenFGA holds and repairs the difference.
 * Holds the reconcile lock exclusively, so no command applies tuples meanwhile and the two
 * snapshots agree; pending outbox entries are covered because they are already in the database.
 */
export async function reconcile(orm: Orm, client: OpenFgaClient, source: ReconcileSource, opts: { dryRun?: boolean } = {}): Promise<ReconcileReport> {
  return orm.em.fork().transactional(async (em) => {
    await em.execute('select pg_advisory_xact_lock(?)', [RECONCILE_LOCK_ID]);
    const actual = await readManagedTuples(client, source.managedObjectTypes);
    const desired = await source.desiredTuples(em);
    const desiredKeys = new Set(desired.map(tupleKeyOf));
    const actualKeys = new Set(actual.map(tupleKeyOf));
    const written = dedupe(desired.filter((t) => !actualKeys.has(tupleKeyOf(t))));
    const deleted = actual.filter((t) => !desiredKeys.has(tupleKeyOf(t)));
    if (!opts.dryRun) {
      // Revocations first: a partial repair must never grant more than the database.
      const changes: TupleChange[] = [...deleted.map((t) => ({ ...t, operation: 'delete' as const })), ...written.map((t) => ({ ...t, operation: 'write' as const }))];
      await applyTupleChanges(client, changes);
      await em.execute(`update fga_outbox set status = 'applied', applied_at = now() where status = 'pending'`);
    }
    return { desired: desiredKeys.size, actual: actual.length, written, deleted, dryRun: Boolean(opts.dryRun) };
  });
}

/** OpenFGA's Read cannot filter by object type alone, so this pages through the whole store once. */
async function readManagedTuples(client: OpenFgaClient, types: string[]): Promise<RelationTuple[]> {
  const managed = new Set(types);
  const tuples: RelationTuple[] = [];
  let continuationToken: string | undefined;
  do {
    const page = await client.read({}, { pageSize: 100, continuationToken });
    for (const t of page.tuples) {
      if (managed.has(t.key.object.split(':')[0])) tuples.push({ user: t.key.user, relation: t.key.relation, object: t.key.object });
    }
    continuationToken = page.continuation_token || undefined;
  } while (continuationToken);
  return tuples;
}

function dedupe(tuples: RelationTuple[]): RelationTuple[] {
  return [...new Map(tuples.map((t) => [tupleKeyOf(t), t])).values()];
}
