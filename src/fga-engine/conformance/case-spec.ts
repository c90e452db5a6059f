// The shape of OpenFGA's YAML conformance cases (assets/tests/*.yaml upstream), after parsing:
// defaults filled in so the runner never has to ask "was this field present?".
import type { TupleKey } from '../types.js';

export type Context = Record<string, unknown>;

export interface CheckAssertionSpec {
  tuple: { user: string; relation: string; object: string };
  contextualTuples: TupleKey[];
  context?: Context;
  expectation: boolean;
  /** OpenFGA's numeric error code; when set, the call must fail with it instead. */
  errorCode?: number;
}

export interface ListObjectsAssertionSpec {
  request: { user: string; type: string; relation: string };
  contextualTuples: TupleKey[];
  context?: Context;
  /** Order-free. */
  expectation: string[];
  errorCode?: number;
}

export interface ListUsersAssertionSpec {
  /** `filters` are user types (`user`) or usersets (`group#member`). */
  request: { object: string; relation: string; filters: string[] };
  contextualTuples: TupleKey[];
  context?: Context;
  /** `type:id`, `type:*` or `type:id#relation`; order-free. */
  expectation: string[];
  errorCode?: number;
}

export interface StageSpec {
  /** OpenFGA DSL, schema 1.1. */
  model: string;
  tuples: TupleKey[];
  checkAssertions: CheckAssertionSpec[];
  listObjectsAssertions: ListObjectsAssertionSpec[];
  listUsersAssertions: ListUsersAssertionSpec[];
}

export interface CaseSpec {
  name: string;
  /** Where the case came from, for messages. */
  file: string;
  /** Run in order against one store: tuples of earlier stages stay. */
  stages: StageSpec[];
}
