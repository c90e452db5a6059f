// Small helpers over relation rewrites (Userset), shared by the typesystem and validation.
import type { TupleToUserset, Userset } from '../types.js';

export function tuplesetName(ttu: TupleToUserset): string {
  return ttu.tupleset?.relation ?? '';
}

export function computedName(ttu: TupleToUserset): string {
  return ttu.computedUserset?.relation ?? '';
}

/** Children of a set operation (union, intersection, difference base + subtract); [] for leaves. */
export function rewriteChildren(rewrite: Userset): Userset[] {
  if (rewrite.union) return rewrite.union.child ?? [];
  if (rewrite.intersection) return rewrite.intersection.child ?? [];
  if (rewrite.difference) return [rewrite.difference.base, rewrite.difference.subtract];
  return [];
}

/** Depth-first visit of every node of a rewrite tree. */
export function walkRewrite(rewrite: Userset, visit: (node: Userset) => void): void {
  visit(rewrite);
  for (const child of rewriteChildren(rewrite)) if (child) walkRewrite(child, visit);
}

/** The rewrite contains `this` somewhere, i.e. the relation is directly assignable. */
export function rewriteContainsThis(rewrite: Userset): boolean {
  let found = false;
  walkRewrite(rewrite, (node) => {
    if (node.this) found = true;
  });
  return found;
}

/** Which kind of rewrite node this is (exactly one key is set on a valid node). */
export function rewriteKind(rewrite: Userset | undefined): 'this' | 'computed' | 'ttu' | 'union' | 'intersection' | 'difference' | undefined {
  if (!rewrite) return undefined;
  if (rewrite.this) return 'this';
  if (rewrite.computedUserset) return 'computed';
  if (rewrite.tupleToUserset) return 'ttu';
  if (rewrite.union) return 'union';
  if (rewrite.intersection) return 'intersection';
  if (rewrite.difference) return 'difference';
  return undefined;
}
