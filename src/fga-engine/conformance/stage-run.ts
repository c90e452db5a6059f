// What an assertion needs to run inside one stage of one case: the SDK client bound to the case's
// store and the stage's model, the contextual tuples the variant adds, and where to record outcomes.
import type { ClientRequestOptsWithConsistency, OpenFgaClient } from '@openfga/sdk';
import type { TupleKey } from '../types.js';
import type { Outcome } from './outcome.js';

export type AssertionResult = Pick<Outcome, 'assertion' | 'passed' | 'expected' | 'got'>;

export interface StageRun {
  client: OpenFgaClient;
  /** storeId + authorizationModelId of the stage, passed on every call. */
  options: ClientRequestOptsWithConsistency;
  /** The stage's tuples in the contextual-tuples variant, else empty. */
  extraContextualTuples: TupleKey[];
}

export function contextualTuplesFor(run: StageRun, own: TupleKey[]): TupleKey[] {
  return [...own, ...run.extraContextualTuples];
}

/** Order-free equality that still counts duplicates (testify's ElementsMatch). */
export function sameElements(got: string[], want: string[]): boolean {
  if (got.length !== want.length) return false;
  const a = [...got].sort();
  const b = [...want].sort();
  return a.every((v, i) => v === b[i]);
}

export function formatList(items: string[]): string {
  return `[${[...items].sort().join(', ')}]`;
}
