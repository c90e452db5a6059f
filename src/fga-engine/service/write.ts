// The Write operation: deletes and writes applied atomically, validated as OpenFGA's
// pkg/server/commands/write.go does, in the same order so the same error wins.
import { FgaError, fgaErrors } from '../errors.js';
import { validateTupleForWrite } from '../model/index.js';
import type { TupleKey } from '../types.js';
import type { WriteOptions } from '../storage/datastore.js';
import { checkOptionalModelId, checkStoreId } from './common-fields.js';
import { withModelId } from './model-id.js';
import { resolveModel } from './model-resolution.js';
import { checkIn, checkMinItems } from './proto-validation.js';
import type { TupleKeyWithoutCondition, WriteRequest, WriteResponse } from './requests.js';
import type { ServiceContext } from './service-context.js';
import { checkTupleKey, isWellFormedUser, tupleKeyString } from './tuple-key-fields.js';

const CONFLICT_OPTIONS = ['', 'error', 'ignore'] as const;

export async function write(ctx: ServiceContext, req: WriteRequest): Promise<WriteResponse> {
  const { writes, deletes, options } = checkWriteShape(req);
  const { model, typesystem } = await resolveModel(ctx, req.store_id, req.authorization_model_id);
  if (writes.length === 0 && deletes.length === 0) {
    throw new FgaError('invalid_write_input', 'Invalid input. Make sure you provide at least one write, or at least one delete');
  }
  for (const key of writes) validateTupleForWrite(typesystem, key);
  for (const key of deletes) {
    if (!isWellFormedUser(key.user)) {
      throw fgaErrors.validation(`Invalid tuple '${tupleKeyString(key)}'. Reason: the 'user' field is malformed`);
    }
  }
  checkNoDuplicatesAndSize(deletes, writes, ctx.limits.maxTuplesPerWrite);
  await ctx.datastore.write(req.store_id, deletes, writes, options);
  return withModelId({} as WriteResponse, model.id);
}

function checkWriteShape(req: WriteRequest): { writes: TupleKey[]; deletes: TupleKey[]; options: WriteOptions } {
  checkStoreId('WriteRequest', req.store_id);
  checkOptionalModelId('WriteRequest', req.authorization_model_id);
  const options: WriteOptions = {};
  let writes: TupleKey[] = [];
  let deletes: TupleKey[] = [];
  if (req.writes) {
    checkMinItems('WriteRequestWrites', 'TupleKeys', req.writes.tuple_keys, 1);
    checkIn('WriteRequestWrites', 'OnDuplicate', req.writes.on_duplicate ?? '', CONFLICT_OPTIONS);
    writes = req.writes.tuple_keys!;
    for (const key of writes) checkTupleKey('TupleKey', key);
    if (req.writes.on_duplicate === 'ignore') options.onDuplicate = 'ignore';
  }
  if (req.deletes) {
    checkMinItems('WriteRequestDeletes', 'TupleKeys', req.deletes.tuple_keys, 1);
    checkIn('WriteRequestDeletes', 'OnMissing', req.deletes.on_missing ?? '', CONFLICT_OPTIONS);
    for (const key of req.deletes.tuple_keys!) checkTupleKey('TupleKeyWithoutCondition', key);
    // A delete names a tuple by object, relation and user; any condition sent along is ignored.
    deletes = req.deletes.tuple_keys!.map(({ user, relation, object }: TupleKeyWithoutCondition) => ({ user, relation, object }));
    if (req.deletes.on_missing === 'ignore') options.onMissing = 'ignore';
  }
  return { writes, deletes, options };
}

/** The same tuple twice in one request (across deletes and writes) is refused, then the size cap. */
function checkNoDuplicatesAndSize(deletes: TupleKey[], writes: TupleKey[], max: number): void {
  const seen = new Set<string>();
  for (const key of [...deletes, ...writes]) {
    const identity = tupleKeyString(key);
    if (seen.has(identity)) {
      throw new FgaError('cannot_allow_duplicate_tuples_in_one_request',
        `duplicate tuple in write: user: '${key.user}', relation: '${key.relation}', object: '${key.object}'`);
    }
    seen.add(identity);
  }
  if (seen.size > max) {
    throw new FgaError('exceeded_entity_limit', `The number of write operations exceeds the allowed limit of ${max}`);
  }
}
