// The recursive Check of OpenFGA (internal/graph/check.go ResolveCheck/CheckRewrite): depth limit,
// per-path cycle detection, model-path pruning, then the relation's rewrite.
import type { RelationReference, Userset } from '../types.js';
import { FgaError } from '../errors.js';
import { splitObject, splitObjectRelation, isObjectRelation } from '../model/tuple-syntax.js';
import { computedName, rewriteKind, tuplesetName } from '../model/rewrites.js';
import { ALLOWED, DENIED, exclusion, failed, intersection, union, unionInPhases, type Handler, type Outcome } from './outcome.js';
import { partitionByCost } from './operand-cost.js';
import { conditionHolds, filterByConditions, tooComplex, type RequestState } from './request-state.js';
import { resolveBatched } from './check-fast-paths.js';

export interface CheckKey {
  object: string;
  relation: string;
  user: string;
}

/** The path of keys from the root to here, for cycle detection (copied-per-branch in OpenFGA). */
export interface Visited {
  readonly key: string;
  readonly parent?: Visited;
}

function onPath(visited: Visited | undefined, key: string): boolean {
  for (let v = visited; v; v = v.parent) if (v.key === key) return true;
  return false;
}

export function resolveCheck(state: RequestState, tk: CheckKey, depth: number, visited: Visited | undefined): Promise<Outcome> {
  // The answer is already known (a sibling branch decided it): nothing more to read.
  if (state.finished) return Promise.resolve(DENIED);
  if (depth >= state.limits.resolveDepth) return Promise.resolve(failed(tooComplex()));
  const key = `${tk.object}#${tk.relation}@${tk.user}`;
  if (onPath(visited, key)) return Promise.resolve({ allowed: false, cycle: true });
  const path: Visited = { key, parent: visited };
  if (tk.user === `${tk.object}#${tk.relation}`) return Promise.resolve(ALLOWED);

  const objectType = splitObject(tk.object)[0];
  const info = state.ts.getRelation(objectType, tk.relation);
  if (!info) {
    return Promise.resolve(failed(new FgaError('validation_error', `relation '${tk.relation}' undefined for object type '${objectType}'`)));
  }
  const [userObject, userRelation] = isObjectRelation(tk.user) ? splitObjectRelation(tk.user) : [tk.user, ''];
  if (!state.ts.pathExists(splitObject(userObject)[0], userRelation, objectType, tk.relation)) return Promise.resolve(DENIED);
  return checkRewrite(state, tk, info.rewrite, depth, path)();
}

function checkRewrite(state: RequestState, tk: CheckKey, rewrite: Userset, depth: number, path: Visited): Handler {
  switch (rewriteKind(rewrite)) {
    case 'this':
      return () => checkDirect(state, tk, depth, path);
    case 'computed':
      // No dispatch: a computed userset does not count towards the depth limit.
      return () => resolveCheck(state, { ...tk, relation: rewrite.computedUserset!.relation ?? '' }, depth, path);
    case 'ttu':
      return () => checkTupleToUserset(state, tk, tuplesetName(rewrite.tupleToUserset!), computedName(rewrite.tupleToUserset!), depth, path);
    case 'union': {
      // Operands answered by one read of this object go first: when one of them holds (a coach asking
      // for their own group), the costly ones (`guardian from member`: every member's guardians) are
      // never evaluated. The rest then run all at once, as OpenFGA does: their first reads share one
      // tick (one statement per kind of read), so they cost the round trips of the deepest, not the sum.
      const objectType = splitObject(tk.object)[0];
      const { cheap, costly } = partitionByCost(state.ts, objectType, tk.relation, rewrite);
      const handlers = (operands: Userset[]) => operands.map((c) => checkRewrite(state, tk, c, depth, path));
      if (cheap.length === 0 || costly.length === 0) return () => union(handlers(rewrite.union!.child));
      return () => unionInPhases(handlers(cheap), handlers(costly));
    }
    case 'intersection':
      return () => intersection(rewrite.intersection!.child.map((c) => checkRewrite(state, tk, c, depth, path)));
    case 'difference':
      return () => exclusion(
        checkRewrite(state, tk, rewrite.difference!.base, depth, path),
        checkRewrite(state, tk, rewrite.difference!.subtract, depth, path),
      );
    default:
      return () => Promise.resolve(failed(new FgaError('internal_error', 'unexpected rewrite')));
  }
}

/** `this`: the exact tuple, a wildcard tuple, and userset tuples (each dispatched one level deeper). */
function checkDirect(state: RequestState, tk: CheckKey, depth: number, path: Visited): Promise<Outcome> {
  const objectType = splitObject(tk.object)[0];
  const restrictions = state.ts.directTypes(objectType, tk.relation);
  const userIsUserset = isObjectRelation(tk.user);
  const userType = splitObject(tk.user)[0];
  const userRelation = userIsUserset ? splitObjectRelation(tk.user)[1] : '';

  const handlers: Handler[] = [];
  const directlyRelated = restrictions.some((r) =>
    r.type === userType && (userIsUserset ? r.relation === userRelation : !r.relation && !r.wildcard));
  if (directlyRelated) handlers.push(() => checkExactTuple(state, tk));
  if (!userIsUserset && restrictions.some((r) => r.type === userType && r.wildcard)) {
    handlers.push(() => checkWildcard(state, tk, userType));
  }
  const usersetRestrictions = restrictions.filter((r) => r.relation || r.wildcard);
  if (usersetRestrictions.length > 0) {
    handlers.push(() => checkUsersetTuples(state, tk, usersetRestrictions, userIsUserset, userType, depth, path));
  }
  return union(handlers);
}

async function checkExactTuple(state: RequestState, tk: CheckKey): Promise<Outcome> {
  const stored = await state.reader.userTuple(tk.object, tk.relation, tk.user);
  if (!stored) return DENIED;
  return conditionHolds(state, stored) ? ALLOWED : DENIED;
}

async function checkWildcard(state: RequestState, tk: CheckKey, userType: string): Promise<Outcome> {
  const tuples = await state.reader.usersetTuples(tk.object, tk.relation, [{ type: userType, wildcard: true }]);
  const { passed, error } = filterByConditions(state, tuples);
  if (passed.length > 0) return ALLOWED;
  return error ? failed(error) : DENIED;
}

async function checkUsersetTuples(
  state: RequestState, tk: CheckKey, restrictions: RelationReference[], userIsUserset: boolean, userType: string,
  depth: number, path: Visited,
): Promise<Outcome> {
  const shapes = restrictions.map((r) => (r.wildcard ? { type: r.type, wildcard: true } : { type: r.type, relation: r.relation }));
  const tuples = await state.reader.usersetTuples(tk.object, tk.relation, shapes);
  if (state.finished) return DENIED;
  const { passed, error } = filterByConditions(state, tuples);
  if (passed.length === 0) return error ? failed(error) : DENIED;

  const usersets: Array<{ object: string; relation: string }> = [];
  for (const t of passed) {
    const [usersetObject, usersetRelation] = splitObjectRelation(t.user);
    if (!usersetRelation) {
      if (!userIsUserset && usersetObject === `${userType}:*`) return ALLOWED;
      continue;
    }
    usersets.push({ object: usersetObject, relation: usersetRelation });
  }
  if (usersets.length === 0) return DENIED;
  const batched = await resolveBatched(state, tk, usersets, depth);
  if (batched) return batched;
  return union(usersets.map((target) => () => resolveCheck(state, { ...target, user: tk.user }, depth + 1, path)));
}

/** `rel from tupleset`: each parent on `object#tupleset` whose type defines `rel`, one level deeper. */
async function checkTupleToUserset(
  state: RequestState, tk: CheckKey, tupleset: string, computed: string, depth: number, path: Visited,
): Promise<Outcome> {
  const tuples = await state.reader.usersetTuples(tk.object, tupleset);
  if (state.finished) return DENIED;
  const { passed, error } = filterByConditions(state, tuples);
  if (passed.length === 0) return error ? failed(error) : DENIED;
  const parents: Array<{ object: string; relation: string }> = [];
  for (const t of passed) {
    const parent = splitObjectRelation(t.user)[0];
    // A parent whose type lacks the relation is skipped, not an error.
    if (state.ts.getRelation(splitObject(parent)[0], computed)) parents.push({ object: parent, relation: computed });
  }
  const batched = await resolveBatched(state, tk, parents, depth);
  if (batched) return batched;
  return union(parents.map((target) => () => resolveCheck(state, { ...target, user: tk.user }, depth + 1, path)));
}
