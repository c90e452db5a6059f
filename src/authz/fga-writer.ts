import { ClientWriteRequestOnDuplicateWrites, ClientWriteRequestOnMissingDeletes, type OpenFgaClient } from '@openfga/sdk';
import type { TupleChange } from './tuple-change.js';

const MAX_TUPLES_PER_WRITE = 100; // OpenFGA's default --max-tuples-per-write

/**
 * Applies tuple changes idempotently (existing writes and missing deletes are no-ops), so the same
 * outbox entry can be applied any number of times by the request, the relay or reconcile.
 */
export async function applyTupleChanges(client: OpenFgaClient, changes: TupleChange[]): Promise<void> {
  for (let i = 0; i < changes.length; i += MAX_TUPLES_PER_WRITE) {
    const chunk = changes.slice(i, i + MAX_TUPLES_PER_WRITE);
    const strip = ({ user, relation, object }: TupleChange) => ({ user, relation, object });
    const writes = chunk.filter((c) => c.operation === 'write').map(strip);
    const deletes = chunk.filter((c) => c.operation === 'delete').map(strip);
    await client.write(
      { writes: writes.length ? writes : undefined, deletes: deletes.length ? deletes : undefined },
      {
        conflict: {
          onDuplicateWrites: ClientWriteRequestOnDuplicateWrites.Ignore,
          onMissingDeletes: ClientWriteRequestOnMissingDeletes.Ignore,
        },
      },
    );
  }
}
