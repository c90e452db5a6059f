// Tuple validation against a model (internal/validation/validation.go): for Write, for contextual
// tuples of the query APIs, and the silent read-time filter for tuples a newer model no longer allows.
import type { TupleKey } from '../types.js';
import { FgaError } from '../errors.js';
import type { Typesystem } from './typesystem.js';
import { tupleKeyToString, tupleKeyWithConditionToString } from './tuple-syntax.js';
import { tupleShapeProblem, conditionProblem, tuplesetProblem, userObjectRelationProblem } from './tuple-rules.js';

export type QueryApi = 'check' | 'listObjects' | 'listUsers';

export const MAX_CONTEXTUAL_TUPLES = 100;
const CONDITION_CONTEXT_BYTE_LIMIT = 32 * 1024;

/** Why the tuple is invalid (OpenFGA's message) and whether the reason is its condition. */
export interface TupleProblem {
  message: string;
  aboutCondition: boolean;
}

/** The first reason the tuple is invalid for the model, in OpenFGA's order, or undefined. */
export function findTupleProblem(ts: Typesystem, tk: TupleKey): TupleProblem | undefined {
  const wrap = (cause: string): TupleProblem => ({ message: `Invalid tuple '${tupleKeyToString(tk)}'. Reason: ${cause}`, aboutCondition: false });
  const basic = userObjectRelationProblem(ts, tk) ?? tuplesetProblem(ts, tk) ?? tupleShapeProblem(ts, tk);
  if (basic) return wrap(basic);
  const condition = conditionProblem(ts, tk, true);
  if (condition) {
    return { message: `Invalid tuple '${tupleKeyWithConditionToString(tk)}'. Reason: ${condition}`, aboutCondition: true };
  }
  return undefined;
}

/** Write-time validation: throws FgaError('validation_error', OpenFGA's message). Does not check duplicates/limits. */
export function validateTupleForWrite(ts: Typesystem, tuple: TupleKey): void {
  const problem = findTupleProblem(ts, tuple);
  if (problem) throw new FgaError('validation_error', problem.message);
  if (tuple.user === `${tuple.object}#${tuple.relation}`) {
    throw new FgaError('validation_error', `Cannot write tuple '${tupleKeyToString(tuple)}'. Reason: cannot write a tuple that is implicit`);
  }
  const contextSize = tuple.condition?.context ? Buffer.byteLength(JSON.stringify(tuple.condition.context)) : 0;
  if (contextSize > CONDITION_CONTEXT_BYTE_LIMIT) {
    throw new FgaError('validation_error',
      `Invalid tuple '${tupleKeyToString(tuple)}'. Reason: condition context size limit exceeded: ${contextSize} bytes exceeds ${CONDITION_CONTEXT_BYTE_LIMIT} bytes`);
  }
}

/** Throws FgaError invalid_tuple (2027); on list APIs, condition problems → validation_error (2000). Max 100. Duplicates tolerated. */
export function validateContextualTuples(ts: Typesystem, tuples: TupleKey[] | undefined, api: QueryApi): void {
  if (!tuples || tuples.length === 0) return;
  if (tuples.length > MAX_CONTEXTUAL_TUPLES) {
    throw new FgaError('validation_error',
      `invalid ContextualTupleKeys.TupleKeys: value must contain no more than ${MAX_CONTEXTUAL_TUPLES} item(s)`);
  }
  for (const tk of tuples) {
    const problem = findTupleProblem(ts, tk);
    if (!problem) continue;
    const code = problem.aboutCondition && api !== 'check' ? 'validation_error' : 'invalid_tuple';
    throw new FgaError(code, problem.message);
  }
}

/** Read-time filter: false for stored tuples that the current model no longer allows. */
export function isTupleValidForRead(ts: Typesystem, tuple: TupleKey): boolean {
  if (tuplesetProblem(ts, tuple) || tupleShapeProblem(ts, tuple)) return false;
  return conditionProblem(ts, tuple, Boolean(tuple.condition?.context)) === undefined;
}
