import type { Condition } from '../types.js';

/** Write-time check of a tuple's condition context: every key declared and convertible. Returns an error message or undefined. */
export function validateConditionContext(condition: Condition, context: Record<string, unknown> | undefined): string | undefined {
  void condition; void context;
  throw new Error('not implemented');
}
