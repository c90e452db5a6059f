// Which operands of a union one read of the object answers: `this` with only plain users (and
// wildcards) allowed, or a computed relation of the same object that is itself only such operands.
// Everything else — tuple-to-userset, userset-typed direct relations, intersections, exclusions —
// dispatches further checks and may read much more.
import type { Userset } from '../types.js';
import type { Typesystem } from '../model/typesystem.js';
import { rewriteKind } from '../model/rewrites.js';

const cheapByModel = new WeakMap<Typesystem, Map<string, boolean>>();

function relationIsCheap(ts: Typesystem, type: string, relation: string, seen: Set<string>): boolean {
  let memo = cheapByModel.get(ts);
  if (!memo) cheapByModel.set(ts, (memo = new Map()));
  const key = `${type}#${relation}`;
  const known = memo.get(key);
  if (known !== undefined) return known;
  if (seen.has(key)) return false; // a cycle of computed relations is resolved by the full evaluation
  seen.add(key);
  const info = ts.getRelation(type, relation);
  const cheap = info !== undefined && operandIsCheap(ts, type, relation, info.rewrite, seen);
  memo.set(key, cheap);
  return cheap;
}

function operandIsCheap(ts: Typesystem, type: string, relation: string, rewrite: Userset, seen: Set<string>): boolean {
  switch (rewriteKind(rewrite)) {
    case 'this':
      return ts.directTypes(type, relation).every((r) => !r.relation);
    case 'computed':
      return relationIsCheap(ts, type, rewrite.computedUserset!.relation ?? '', seen);
    case 'union':
      return rewrite.union!.child.every((c) => operandIsCheap(ts, type, relation, c, seen));
    default:
      return false;
  }
}

// A union node belongs to one model, so its split is computed once.
const splits = new WeakMap<Userset, { cheap: Userset[]; costly: Userset[] }>();

/** Splits the operands of `union` (the rewrite, or part of it, of `type#relation`) into cheap and costly, order kept. */
export function partitionByCost(ts: Typesystem, type: string, relation: string, union: Userset): { cheap: Userset[]; costly: Userset[] } {
  let split = splits.get(union);
  if (!split) {
    split = { cheap: [], costly: [] };
    for (const operand of union.union!.child) (operandIsCheap(ts, type, relation, operand, new Set()) ? split.cheap : split.costly).push(operand);
    splits.set(union, split);
  }
  return split;
}
