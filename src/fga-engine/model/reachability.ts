// Which user shapes can reach a relation at all (OpenFGA's PathExists over its model graph). Used to
// prune resolution branches that the model says can never involve the user's type.
// Labels: `T` (a plain object of type T), `T:*` (its wildcard), `T#r` (a userset, or the relation node).
import type { Userset } from '../types.js';
import type { Typesystem } from './typesystem.js';
import { computedName, tuplesetName } from './rewrites.js';

export class Reachability {
  private readonly ts: Typesystem;
  private readonly memo = new Map<string, Set<string>>();

  constructor(ts: Typesystem) {
    this.ts = ts;
  }

  /** Every label with a path to `type#relation`, the relation node itself included. */
  sourcesOf(type: string, relation: string): Set<string> {
    const key = `${type}#${relation}`;
    let found = this.memo.get(key);
    if (!found) {
      found = this.walk(key);
      this.memo.set(key, found);
    }
    return found;
  }

  private walk(start: string): Set<string> {
    const labels = new Set<string>([start]);
    const pending = [start];
    while (pending.length > 0) {
      const node = pending.pop() as string;
      const hash = node.indexOf('#');
      const type = node.slice(0, hash);
      const info = this.ts.getRelation(type, node.slice(hash + 1));
      if (!info) continue;
      this.edgesInto(type, info.rewrite, info.directTypes, (label, isNode) => {
        if (labels.has(label)) return;
        labels.add(label);
        if (isNode) pending.push(label);
      });
    }
    return labels;
  }

  private edgesInto(
    type: string,
    rewrite: Userset,
    directTypes: ReturnType<Typesystem['directTypes']>,
    emit: (label: string, isNode: boolean) => void,
  ): void {
    if (rewrite.this) {
      for (const ref of directTypes) {
        if (ref.wildcard) emit(`${ref.type}:*`, false);
        else if (ref.relation) emit(`${ref.type}#${ref.relation}`, true);
        else emit(ref.type, false);
      }
    } else if (rewrite.computedUserset) {
      emit(`${type}#${rewrite.computedUserset.relation}`, true);
    } else if (rewrite.tupleToUserset) {
      const target = computedName(rewrite.tupleToUserset);
      for (const parent of this.ts.directTypes(type, tuplesetName(rewrite.tupleToUserset))) {
        if (this.ts.getRelation(parent.type, target)) emit(`${parent.type}#${target}`, true);
      }
    } else if (rewrite.union || rewrite.intersection) {
      for (const child of (rewrite.union ?? rewrite.intersection)!.child) this.edgesInto(type, child, directTypes, emit);
    } else if (rewrite.difference) {
      // Only the base can grant; a subtract alone never makes the relation true.
      this.edgesInto(type, rewrite.difference.base, directTypes, emit);
    }
  }
}
