// Proto rules on tuple keys (openfga.proto TupleKey, TupleKeyWithoutCondition, CheckRequestTupleKey)
// plus the JSON type checks protojson would apply while decoding.
import { fgaErrors } from '../errors.js';
import type { TupleKey } from '../types.js';
import { PATTERNS, checkMaxBytes, checkPattern, checkPatternIfSet, checkRequired } from './proto-validation.js';

/** protojson rejects a non-string where a string field is expected; so do we, before any rule. */
export function expectStrings(value: unknown, fields: readonly string[]): void {
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw fgaErrors.validation('invalid value: expected a JSON object');
  for (const field of fields) {
    const v = (value as Record<string, unknown>)[field];
    if (v !== undefined && v !== null && typeof v !== 'string') {
      throw fgaErrors.validation(`invalid value for string type: ${JSON.stringify(v)}`);
    }
  }
}

const KEY_FIELDS = ['user', 'relation', 'object'] as const;

/** TupleKey / TupleKeyWithoutCondition: user ≤ 512 bytes; relation and object patterns when set. */
export function checkTupleKey(message: 'TupleKey' | 'TupleKeyWithoutCondition', key: TupleKey): void {
  expectStrings(key, KEY_FIELDS);
  checkMaxBytes(message, 'User', key.user, 512);
  checkPatternIfSet(message, 'Relation', key.relation, PATTERNS.relation);
  checkPatternIfSet(message, 'Object', key.object, PATTERNS.object);
  if (message === 'TupleKey' && key.condition !== undefined && key.condition !== null) {
    expectStrings(key.condition, ['name']);
    checkPattern('RelationshipCondition', 'Name', key.condition.name ?? '', PATTERNS.conditionName);
    const context = key.condition.context;
    if (context !== undefined && context !== null && (typeof context !== 'object' || Array.isArray(context))) {
      throw fgaErrors.validation('invalid value for condition context: expected a JSON object');
    }
  }
}

/** CheckRequestTupleKey (also batch-check items and assertions): all three required and patterned. */
export function checkQueryTupleKey(message: string, key: { user: string; relation: string; object: string } | undefined, holder: string): void {
  checkRequired(holder, 'TupleKey', key);
  expectStrings(key, KEY_FIELDS);
  checkPattern(message, 'User', key!.user ?? '', PATTERNS.checkUser);
  checkPattern(message, 'Relation', key!.relation ?? '', PATTERNS.relation);
  checkPattern(message, 'Object', key!.object ?? '', PATTERNS.object);
}

/** Contextual tuples arrive as full TupleKeys; OpenFGA caps them at 100 (ContextualTupleKeys). */
export function checkContextualTuples(tuples: unknown, max = 100, field = 'ContextualTupleKeys.TupleKeys'): TupleKey[] {
  if (tuples === undefined || tuples === null) return [];
  if (!Array.isArray(tuples)) throw fgaErrors.validation('invalid value: contextual tuple_keys must be a list');
  if (tuples.length > max) {
    throw fgaErrors.validation(`invalid ${field}: value must contain no more than ${max} item(s)`);
  }
  for (const key of tuples) checkTupleKey('TupleKey', key as TupleKey);
  return tuples as TupleKey[];
}

/** google.protobuf.Struct: a JSON object or absent. */
export function checkStruct(value: unknown, name: string): Record<string, unknown> | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) throw fgaErrors.validation(`invalid value for ${name}: expected a JSON object`);
  return value as Record<string, unknown>;
}

/** pkg/tuple IsValidUser: at most one `:` and one `#`, no spaces (`id`, `*`, `type:id`, `type:id#rel`). */
export function isWellFormedUser(user: string): boolean {
  if (user.split(':').length > 2 || user.split('#').length > 2) return false;
  return user === '*' || /^[^:#\s]+$/.test(user) || /^[^:#\s]+:[^#:\s]+$/.test(user) || /^[^:#\s]+:[^#\s]+#[^:#\s]+$/.test(user);
}

/** pkg/tuple TupleKeyToString: `object#relation@user`, the form OpenFGA's messages quote. */
export function tupleKeyString(key: { object: string; relation: string; user: string }): string {
  return `${key.object}#${key.relation}@${key.user}`;
}
