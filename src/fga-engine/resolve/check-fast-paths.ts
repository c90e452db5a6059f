// OpenFGA's "weight 2" shortcuts: when `obj#rel` leads to many objects `X:id` (through userset tuples
// `X:id#r` or tuple-to-userset parents) and `X#r` is directly resolvable for the user's type, a few
// reverse reads of the user's own tuples on X (restricted to those ids) answer all of them at once,
// instead of one dispatched Check per object.
import { splitObject } from '../model/tuple-syntax.js';
import type { CheckKey } from './check-resolver.js';
import { directRelationsFor } from './direct-relations.js';
import { ALLOWED, DENIED, failed, type Outcome } from './outcome.js';
import { conditionHolds, type RequestState } from './request-state.js';

/** Below this many objects, plain dispatch costs the same and keeps OpenFGA's evaluation order. */
const MIN_OBJECTS = 2;

/**
 * Resolves `user ∈ any of targets` (`{ object, relation }` pairs, one dispatch level deeper) with
 * batched reads; undefined when the shortcut does not apply and the caller must dispatch.
 */
export async function resolveBatched(
  state: RequestState, tk: CheckKey, targets: Array<{ object: string; relation: string }>, depth: number,
): Promise<Outcome | undefined> {
  if (state.finished) return DENIED;
  if (targets.length < MIN_OBJECTS || depth + 1 >= state.limits.resolveDepth) return undefined;
  if (tk.user.includes('#')) return undefined;
  const userType = splitObject(tk.user)[0];
  const isWildcardUser = tk.user === `${userType}:*`;

  // (type, direct relation) → object ids to read it on, and which user strings count.
  const reads = new Map<string, { type: string; relation: string; users: string[]; objects: Set<string> }>();
  for (const { object, relation } of targets) {
    const type = splitObject(object)[0];
    const direct = directRelationsFor(state.ts, type, relation, userType);
    if (!direct) return undefined;
    for (const d of direct) {
      const key = `${type}#${d.relation}`;
      let read = reads.get(key);
      if (!read) {
        const users: string[] = [];
        if (d.plain) users.push(tk.user);
        if (d.wildcard && !isWildcardUser) users.push(`${userType}:*`);
        reads.set(key, (read = { type, relation: d.relation, users, objects: new Set() }));
      }
      read.objects.add(object);
    }
  }

  const results = await Promise.all([...reads.values()].map((r) => state.reader.startingWithUser(r.type, r.relation, r.users, [...r.objects])));
  let error: Error | undefined;
  for (const tuples of results) {
    for (const t of tuples) {
      try {
        if (conditionHolds(state, t)) return ALLOWED;
      } catch (e) {
        error = e as Error;
      }
    }
  }
  return error ? failed(error) : DENIED;
}
