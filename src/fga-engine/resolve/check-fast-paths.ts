// OpenFGA's "weight 2" shortcut for userset tuples: when `obj#rel` holds many `X:id#r` usersets and
// X#r is purely direct for the user's type, one reverse read of the user's own `X#r` tuples
// (restricted to those ids) answers all of them, instead of one dispatched Check per userset.
import { splitObject, splitObjectRelation } from '../model/tuple-syntax.js';
import { rewriteKind } from '../model/rewrites.js';
import type { CheckKey } from './check-resolver.js';
import { ALLOWED, DENIED, failed, type Outcome } from './outcome.js';
import { conditionHolds, type RequestState } from './request-state.js';

/** Below this many usersets plain dispatch is as cheap, and keeps OpenFGA's exact evaluation order. */
const MIN_USERSETS = 2;

/**
 * Resolves `user ∈ any of usersets` with batched reads when every userset's relation is eligible;
 * undefined when the shortcut does not apply (the caller dispatches instead).
 */
export async function resolveWeightTwoUsersets(
  state: RequestState, tk: CheckKey, usersets: string[], depth: number,
): Promise<Outcome | undefined> {
  if (usersets.length < MIN_USERSETS || depth + 1 >= state.limits.resolveDepth) return undefined;
  const userType = splitObject(tk.user)[0];
  if (tk.user.includes('#')) return undefined;

  const idsByRelation = new Map<string, string[]>();
  for (const userset of usersets) {
    const [object, relation] = splitObjectRelation(userset);
    const key = `${splitObject(object)[0]}#${relation}`;
    const ids = idsByRelation.get(key);
    if (ids) ids.push(object);
    else idsByRelation.set(key, [object]);
  }
  const reads: Array<{ type: string; relation: string; users: string[]; objects: string[] }> = [];
  for (const [key, objects] of idsByRelation) {
    const [type, relation] = key.split('#');
    const info = state.ts.getRelation(type, relation);
    if (!info || rewriteKind(info.rewrite) !== 'this') return undefined;
    // Nested usersets that can lead to the user's type need real recursion.
    if (info.directTypes.some((r) => r.relation && state.ts.pathExists(userType, '', r.type, r.relation))) return undefined;
    const users: string[] = [];
    if (info.directTypes.some((r) => r.type === userType && !r.relation && !r.wildcard)) users.push(tk.user);
    if (info.directTypes.some((r) => r.type === userType && r.wildcard) && tk.user !== `${userType}:*`) users.push(`${userType}:*`);
    if (users.length > 0) reads.push({ type, relation, users, objects });
  }

  const results = await Promise.all(reads.map((r) => state.reader.startingWithUser(r.type, r.relation, r.users, r.objects)));
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
