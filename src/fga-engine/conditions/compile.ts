// A model condition compiled once (per model) and evaluated per tuple, following OpenFGA's
// internal/condition/condition.go: typed parameters, the tuple's context overriding the request's,
// every declared parameter required, and OpenFGA's error messages.
import type { Condition } from '../types.js';
import { FgaError } from '../errors.js';
import { newConditionEnvironment } from './cel-runtime.js';
import { decodeParameterType, type ParameterType } from './param-types.js';

export interface CompiledCondition {
  readonly name: string;
  readonly condition: Condition;
  /**
   * Evaluates with the request context overlaid by the tuple's stored context (tuple wins).
   * Throws FgaError('validation_error', ...) on a missing parameter, failed conversion or CEL error.
   * `tupleString` names the tuple in error messages.
   */
  evaluate(requestContext: Record<string, unknown> | undefined, tupleContext: Record<string, unknown> | undefined, tupleString: string): boolean;
  /** Converts the declared parameters present in `context`; throws Error with OpenFGA's ParameterTypeError message. */
  castContext(context: Record<string, unknown> | undefined): Record<string, unknown>;
}

type CelProgram = (context: Record<string, unknown>) => unknown;

/** Compiles a model condition; throws FgaError('invalid_authorization_model', ...) if it does not compile to bool. */
export function compileCondition(condition: Condition): CompiledCondition {
  const name = condition.name;
  const compileError = (cause: string) =>
    new FgaError('invalid_authorization_model', `failed to compile expression on condition '${name}': ${cause}`);

  const parameters = new Map<string, ParameterType>();
  for (const [param, ref] of Object.entries(condition.parameters ?? {})) {
    try {
      parameters.set(param, decodeParameterType(ref));
    } catch (e) {
      throw compileError(`failed to decode parameter type for parameter '${param}': ${(e as Error).message}`);
    }
  }

  const env = newConditionEnvironment();
  for (const [param, type] of parameters) env.registerVariable(param, type.celType);

  const checked = env.check(condition.expression);
  if (!checked.valid) throw compileError(firstLine(checked.error?.message ?? 'invalid expression'));
  if (checked.type !== 'bool') throw compileError(`expected a bool condition expression output, but got '${checked.type}'`);
  let program: CelProgram;
  try {
    program = env.parse(condition.expression) as unknown as CelProgram;
  } catch (e) {
    throw compileError(firstLine((e as Error).message));
  }

  const castContext = (context: Record<string, unknown> | undefined): Record<string, unknown> => {
    const typed: Record<string, unknown> = {};
    if (!context || Object.keys(context).length === 0) return typed;
    if (parameters.size === 0) throw new Error(`parameter type error on condition '${name}': no parameters defined for the condition`);
    for (const [param, type] of parameters) {
      if (!Object.prototype.hasOwnProperty.call(context, param)) continue;
      try {
        typed[param] = type.convert(context[param]);
      } catch (e) {
        throw new Error(`parameter type error on condition '${name}': failed to convert context parameter '${param}': ${(e as Error).message}`);
      }
    }
    return typed;
  };

  const evaluate = (
    requestContext: Record<string, unknown> | undefined,
    tupleContext: Record<string, unknown> | undefined,
    tupleString: string,
  ): boolean => {
    const merged = tupleContext ? { ...requestContext, ...tupleContext } : requestContext;
    let typed: Record<string, unknown>;
    try {
      typed = castContext(merged);
    } catch (e) {
      throw new FgaError('validation_error', (e as Error).message);
    }
    const missing = [...parameters.keys()].filter((p) => !(p in typed)).sort();
    if (missing.length > 0) {
      throw new FgaError('validation_error',
        `failed to evaluate relationship condition '${name}': tuple '${tupleString}' is missing context parameters '[${missing.join(' ')}]'`);
    }
    let out: unknown;
    try {
      out = program(typed);
    } catch (e) {
      throw new FgaError('validation_error',
        `failed to evaluate relationship condition '${name}': failed to evaluate condition expression: ${firstLine((e as Error).message)}`);
    }
    if (typeof out !== 'boolean') {
      throw new FgaError('validation_error',
        `failed to evaluate relationship condition '${name}': failed to convert condition output to bool`);
    }
    return out;
  };

  return { name, condition, evaluate, castContext };
}

function firstLine(message: string): string {
  return message.split('\n')[0];
}
