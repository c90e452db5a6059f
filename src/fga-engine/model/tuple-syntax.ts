// String forms of objects, users and relations, with the exact acceptance rules of OpenFGA's
// pkg/tuple/tuple.go (so a malformed request is rejected the same way, with the same message).
import type { TupleKey } from '../types.js';

const USER_ID = /^[^:#\s]+$/;
const OBJECT = /^[^:#\s]+:[^#:\s]+$/;
const USERSET = /^[^:#\s]+:[^#\s]+#[^:#\s]+$/;
const RELATION = /^[^:#@\s]+$/;

export const WILDCARD = '*';

/** `type:id` → [type, id]; no `:` → ['', s]. Splits at the first `:`. */
export function splitObject(object: string): [string, string] {
  const i = object.indexOf(':');
  if (i === -1) return ['', object];
  return [object.slice(0, i), object.slice(i + 1)];
}

/** `obj#rel` → [obj, rel]; no `#` → [s, '']. Splits at the last `#`. */
export function splitObjectRelation(userset: string): [string, string] {
  const i = userset.lastIndexOf('#');
  if (i === -1) return [userset, ''];
  return [userset.slice(0, i), userset.slice(i + 1)];
}

export function getType(objectOrUser: string): string {
  return splitObject(objectOrUser)[0];
}

export function isValidObject(s: string): boolean {
  return OBJECT.test(s);
}

export function isValidRelation(s: string): boolean {
  return RELATION.test(s);
}

/** At most one `:` and one `#`, no spaces: `id`, `*`, `type:id`, `type:*` or `type:id#rel`. */
export function isValidUser(user: string): boolean {
  if (count(user, ':') > 1 || count(user, '#') > 1) return false;
  return user === WILDCARD || USER_ID.test(user) || OBJECT.test(user) || USERSET.test(user);
}

/** `type:id#rel` with both a type and a relation. */
export function isObjectRelation(s: string): boolean {
  return getType(s) !== '' && splitObjectRelation(s)[1] !== '';
}

export function isTypedWildcard(s: string): boolean {
  return isValidObject(s) && splitObject(s)[1] === WILDCARD;
}

export function isWildcard(s: string): boolean {
  return s === WILDCARD || isTypedWildcard(s);
}

export function tupleKeyToString(tk: { object: string; relation: string; user: string }): string {
  return `${tk.object}#${tk.relation}@${tk.user}`;
}

/** OpenFGA's `TupleKeyWithConditionToString`: Go prints a nil condition pointer as `<nil>`. */
export function tupleKeyWithConditionToString(tk: TupleKey): string {
  const condition = tk.condition?.name ? formatCondition(tk.condition) : '<nil>';
  return `${tk.object}#${tk.relation}@${tk.user} (condition ${condition})`;
}

function formatCondition(condition: NonNullable<TupleKey['condition']>): string {
  // Go's proto text form of RelationshipCondition; only the name is reliably meaningful to a reader.
  return `name:"${condition.name}"`;
}

function count(s: string, ch: string): number {
  let n = 0;
  for (const c of s) if (c === ch) n++;
  return n;
}
