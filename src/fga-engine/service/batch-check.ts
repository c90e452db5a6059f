// The BatchCheck operation: many checks against one model, each answered on its own under its
// correlation id (server.go BatchCheck, commands/batch_check_command.go). One failing check does
// not fail the batch: it is reported as that item's error.
import { ERROR_CODES, FgaError, fgaErrors } from '../errors.js';
import { check as resolveCheck } from '../resolve/index.js';
import { checkOptionalModelId, checkStoreId } from './common-fields.js';
import { withModelId } from './model-id.js';
import { resolveQuery } from './model-resolution.js';
import { PATTERNS, checkPattern } from './proto-validation.js';
import { checkConsistency, queryContext } from './query-context.js';
import type { BatchCheckItem, BatchCheckRequest, BatchCheckResponse, BatchCheckSingleResult, CheckError } from './requests.js';
import type { ServiceContext } from './service-context.js';
import { checkContextualTuples, checkQueryTupleKey, checkStruct } from './tuple-key-fields.js';

export async function batchCheck(ctx: ServiceContext, req: BatchCheckRequest): Promise<BatchCheckResponse> {
  checkStoreId('BatchCheckRequest', req.store_id);
  const checks = Array.isArray(req.checks) ? req.checks : [];
  for (const item of checks) checkItemShape(item);
  checkOptionalModelId('BatchCheckRequest', req.authorization_model_id);
  checkConsistency(req.consistency);
  const { model, typesystem, reads } = await resolveQuery(ctx, req.store_id, req.authorization_model_id);
  checkBatch(checks, ctx.limits.maxChecksPerBatchCheck);

  // Identical checks in one batch are resolved once, as OpenFGA's cache key does.
  const outcomes = new Map<string, Promise<BatchCheckSingleResult>>();
  const entries = checks.map((item) => {
    const identity = JSON.stringify([item.tuple_key.user, item.tuple_key.relation, item.tuple_key.object, item.contextual_tuples?.tuple_keys ?? [], item.context ?? {}]);
    let outcome = outcomes.get(identity);
    if (!outcome) {
      const context = queryContext(reads, req.store_id, typesystem, item.contextual_tuples?.tuple_keys ?? [], item.context);
      const { user, relation, object } = item.tuple_key;
      outcome = resolveCheck(context, { user, relation, object }).then(
        (allowed): BatchCheckSingleResult => ({ allowed }),
        (err: unknown): BatchCheckSingleResult => ({ error: checkErrorOf(err) }),
      );
      outcomes.set(identity, outcome);
    }
    return [item.correlation_id, outcome] as const;
  });
  const result: Record<string, BatchCheckSingleResult> = {};
  for (const [correlationId, outcome] of entries) result[correlationId] = await outcome;
  return withModelId({ result }, model.id);
}

function checkItemShape(item: BatchCheckItem): void {
  if (!item || typeof item !== 'object') throw fgaErrors.validation('invalid value: batch check item must be a JSON object');
  checkQueryTupleKey('CheckRequestTupleKey', item.tuple_key, 'BatchCheckItem');
  checkContextualTuples(item.contextual_tuples?.tuple_keys);
  checkStruct(item.context, 'context');
  checkPattern('BatchCheckItem', 'CorrelationId', typeof item.correlation_id === 'string' ? item.correlation_id : '', PATTERNS.correlationId);
}

/** BatchCheckQuery.Execute's own rules, after the model is resolved. */
function checkBatch(checks: BatchCheckItem[], max: number): void {
  if (checks.length > max) {
    // OpenFGA's message ends with a space; kept so clients matching on it see the same text.
    throw fgaErrors.validation(`batchCheck received ${checks.length} checks, the maximum allowed is ${max} `);
  }
  if (checks.length === 0) {
    throw fgaErrors.validation('batch check requires at least one check to evaluate, no checks were received');
  }
  const seen = new Set<string>();
  for (const item of checks) {
    if (seen.has(item.correlation_id)) throw fgaErrors.validation(`received duplicate correlation id: ${item.correlation_id}`);
    seen.add(item.correlation_id);
  }
}

/** Input problems (400-range codes) are `input_error`; anything else is an `internal_error`. */
function checkErrorOf(err: unknown): CheckError {
  if (err instanceof FgaError && err.code !== 'Aborted') {
    const n = ERROR_CODES[err.code];
    if (n >= 2000 && n < 4000) return { input_error: err.code, message: err.message };
    if (err.code === 'deadline_exceeded') return { internal_error: 'deadline_exceeded', message: err.message };
  }
  return { internal_error: 'internal_error', message: err instanceof Error ? err.message : String(err) };
}
