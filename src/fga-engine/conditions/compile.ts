import type { Condition } from '../types.js';

export interface CompiledCondition {
  readonly name: string;
  readonly condition: Condition;
  /**
   * Evaluates with the request context overlaid by the tuple's stored context (tuple wins).
   * Throws FgaError('validation_error', ...) on a missing parameter, failed conversion or CEL error.
   * `tupleString` names the tuple in error messages.
   */
  evaluate(requestContext: Record<string, unknown> | undefined, tupleContext: Record<string, unknown> | undefined, tupleString: string): boolean;
}

/** Compiles a model condition; throws FgaError('invalid_authorization_model', ...) if it does not compile to bool. */
export function compileCondition(condition: Condition): CompiledCondition {
  void condition;
  throw new Error('not implemented');
}
