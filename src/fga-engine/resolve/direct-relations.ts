// Which relations are "directly resolvable" for a user type: their rewrite is only unions and
// computed usersets over direct relations whose restrictions cannot lead (through usersets) to that
// type. Membership of a plain user in such `X:id#r` is decided by reading the user's own tuples
// on a few direct relations of X — the basis of the batched Check shortcuts.
import type { Typesystem } from '../model/typesystem.js';
import { rewriteKind } from '../model/rewrites.js';
import type { Userset } from '../types.js';

export interface DirectRelation {
  relation: string;
  /** The plain user type is a restriction (its own tuples count). */
  plain: boolean;
  /** `type:*` is a restriction (wildcard tuples count). */
  wildcard: boolean;
}

const cache = new WeakMap<Typesystem, Map<string, DirectRelation[] | null>>();

/** The direct relations deciding `type#relation` for plain users of `userType`, or undefined. */
export function directRelationsFor(ts: Typesystem, type: string, relation: string, userType: string): DirectRelation[] | undefined {
  let perModel = cache.get(ts);
  if (!perModel) cache.set(ts, (perModel = new Map()));
  const key = `${type}#${relation}@${userType}`;
  let found = perModel.get(key);
  if (found === undefined) {
    const out = new Map<string, DirectRelation>();
    found = collect(ts, type, relation, userType, out, new Set()) ? [...out.values()] : null;
    perModel.set(key, found);
  }
  return found ?? undefined;
}

function collect(ts: Typesystem, type: string, relation: string, userType: string, out: Map<string, DirectRelation>, seen: Set<string>): boolean {
  if (seen.has(relation)) return true;
  seen.add(relation);
  const info = ts.getRelation(type, relation);
  if (!info) return false;
  const walk = (rewrite: Userset): boolean => {
    switch (rewriteKind(rewrite)) {
      case 'this': {
        if (info.directTypes.some((r) => r.relation && ts.pathExists(userType, '', r.type, r.relation))) return false;
        const plain = info.directTypes.some((r) => r.type === userType && !r.relation && !r.wildcard);
        const wildcard = info.directTypes.some((r) => r.type === userType && r.wildcard);
        if (plain || wildcard) out.set(relation, { relation, plain, wildcard });
        return true;
      }
      case 'computed':
        return collect(ts, type, rewrite.computedUserset!.relation ?? '', userType, out, seen);
      case 'union':
        return rewrite.union!.child.every(walk);
      default:
        return false;
    }
  };
  return walk(info.rewrite);
}
