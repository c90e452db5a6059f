import type { TupleKey } from '../types.js';
import type { Typesystem } from './typesystem.js';

export type QueryApi = 'check' | 'listObjects' | 'listUsers';

/** Write-time validation: throws FgaError('validation_error', OpenFGA's message). Does not check duplicates/limits. */
export function validateTupleForWrite(ts: Typesystem, tuple: TupleKey): void {
  void ts; void tuple;
  throw new Error('not implemented');
}

/** Throws FgaError invalid_tuple (2027); on list APIs, condition problems → validation_error (2000). Max 100. Duplicates tolerated. */
export function validateContextualTuples(ts: Typesystem, tuples: TupleKey[] | undefined, api: QueryApi): void {
  void ts; void tuples; void api;
  throw new Error('not implemented');
}

/** Read-time filter: false for stored tuples that the current model no longer allows. */
export function isTupleValidForRead(ts: Typesystem, tuple: TupleKey): boolean {
  void ts; void tuple;
  throw new Error('not implemented');
}
