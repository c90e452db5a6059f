// Write-time check of a tuple's stored condition context (internal/validation validateCondition):
// every key must be a declared parameter and convert to its type.
import type { CompiledCondition } from './compile.js';

/** Returns OpenFGA's reason text when the context is invalid, else undefined. */
export function validateConditionContext(condition: CompiledCondition, context: Record<string, unknown> | undefined): string | undefined {
  let typed: Record<string, unknown>;
  try {
    typed = condition.castContext(context);
  } catch (e) {
    return (e as Error).message;
  }
  for (const key of Object.keys(context ?? {})) {
    if (!(key in typed)) return `found invalid context parameter: ${key}`;
  }
  return undefined;
}
