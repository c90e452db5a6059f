// A throwaway in-memory store holding one model and the tuples it accepts, on the same engine the
// store tests use: `impact` asks both models the same questions over the same tuples.
import type { OpenFgaClient } from '@openfga/sdk';
import type { RelationReference } from '../../../fga-engine/types.js';
import type { ModelBody } from '../model-source/model-body.js';
import type { TupleEntry } from '../store-file/store-file-schema.js';
import type { LocalEngine } from '../store-test/local-engine.js';

const WRITE_BATCH = 100; // OpenFGA's limit per Write

export interface ReplayStore {
  client: OpenFgaClient;
  /** Tuples the model does not accept (a relation or type it removed): they grant nothing there. */
  rejected: TupleEntry[];
}

function accepts(model: ModelBody, tuple: TupleEntry): boolean {
  const type = model.type_definitions.find((t) => t.type === tuple.object.slice(0, tuple.object.indexOf(':')));
  const refs: RelationReference[] = type?.metadata?.relations?.[tuple.relation]?.directly_related_user_types ?? [];
  const [userObject, userRelation] = tuple.user.split('#');
  const [userType, userId] = [userObject.slice(0, userObject.indexOf(':')), userObject.slice(userObject.indexOf(':') + 1)];
  return refs.some(
    (ref) =>
      ref.type === userType &&
      (userId === '*' ? Boolean(ref.wildcard) : userRelation ? ref.relation === userRelation : !ref.relation && !ref.wildcard) &&
      (ref.condition ?? undefined) === (tuple.condition?.name ?? undefined),
  );
}

const toKey = (t: TupleEntry) => ({ user: t.user, relation: t.relation, object: t.object, ...(t.condition && { condition: { name: t.condition.name, context: t.condition.context ?? undefined } }) });

export async function replayStore(engine: LocalEngine, name: string, model: ModelBody, tuples: TupleEntry[]): Promise<ReplayStore> {
  const { id: storeId } = await engine.client.createStore({ name });
  const { authorization_model_id: modelId } = await engine.client.writeAuthorizationModel(model as never, { storeId });
  const client = engine.clientFor(storeId, modelId);
  const rejected = tuples.filter((t) => !accepts(model, t));
  const accepted = tuples.filter((t) => accepts(model, t));
  for (let i = 0; i < accepted.length; i += WRITE_BATCH) {
    const batch = accepted.slice(i, i + WRITE_BATCH);
    try {
      await client.write({ writes: batch.map(toKey) });
    } catch {
      // One tuple the engine refuses (e.g. condition context) must not sink its batch.
      for (const tuple of batch) await client.write({ writes: [toKey(tuple)] }).catch(() => rejected.push(tuple));
    }
  }
  return { client, rejected };
}
