// What one query request carries through resolution: the model, the memoised reader, the request
// context for conditions and the limits.
import type { TupleKey } from '../types.js';
import type { Typesystem } from '../model/typesystem.js';
import { FgaError } from '../errors.js';
import { DEFAULT_RESOLVE_LIMITS, type ResolveContext, type ResolveLimits } from './context.js';
import { TupleReader } from './tuple-reader.js';

export interface RequestState {
  readonly ts: Typesystem;
  readonly reader: TupleReader;
  readonly context: Record<string, unknown> | undefined;
  readonly limits: ResolveLimits;
  /**
   * Set once the request has its answer: branches a short-circuit left running stop issuing reads
   * instead of competing with the next request for the datastore.
   */
  finished: boolean;
}

export function newRequestState(ctx: ResolveContext): RequestState {
  return {
    ts: ctx.typesystem,
    reader: new TupleReader(ctx.datastore, ctx.storeId, ctx.typesystem, ctx.contextualTuples),
    context: ctx.context,
    limits: { ...DEFAULT_RESOLVE_LIMITS, ...ctx.limits },
    finished: false,
  };
}

/**
 * Whether the tuple's condition holds (true when it has none). Throws FgaError validation_error when it
 * cannot be evaluated. A tuple naming a condition the model lacks never reaches here: reads drop it.
 */
export function conditionHolds(state: RequestState, tk: TupleKey): boolean {
  const name = tk.condition?.name;
  if (!name) return true;
  const condition = state.ts.getCondition(name);
  if (!condition) return false;
  return condition.evaluate(state.context, tk.condition?.context, `${tk.object}#${tk.relation}@${tk.user}`);
}

/**
 * OpenFGA's ConditionsFilteredTupleKeyIterator over a many-tuple read: tuples whose condition errors
 * are skipped, and the last error is raised only when no tuple of the read passed.
 */
export function filterByConditions(state: RequestState, tuples: TupleKey[]): { passed: TupleKey[]; error?: Error } {
  const passed: TupleKey[] = [];
  let error: Error | undefined;
  for (const tk of tuples) {
    try {
      if (conditionHolds(state, tk)) passed.push(tk);
    } catch (e) {
      error = e as Error;
    }
  }
  return passed.length > 0 ? { passed } : { passed, error };
}

export function tooComplex(): FgaError {
  return new FgaError(
    'authorization_model_resolution_too_complex',
    'Authorization Model resolution required too many rewrite rules to be resolved. Try simplifying your authorization model.',
  );
}
