// The model read backwards, for list-objects: from a user shape (`T`, `T:*`) or a relation node
// (`T#r`), which relations can it make someone a member of, and how. Built once per model.
// Following OpenFGA's GetPrunedRelationshipEdges, an intersection contributes only its first operand
// and an exclusion only its base; such edges are flagged so their results get a full Check.
import type { Userset } from '../types.js';
import type { Typesystem } from '../model/typesystem.js';
import { computedName, rewriteKind, tuplesetName } from '../model/rewrites.js';

export type ReverseEdge =
  /** A tuple `objectType:x#relation@<user>` makes `objectType:x` a member of `relation`. */
  | { kind: 'direct'; objectType: string; relation: string; needsCheck: boolean }
  /** Membership of `obj#r1` is membership of `obj#relation` (`relation: r1`). */
  | { kind: 'computed'; objectType: string; relation: string; needsCheck: boolean }
  /** A tuple `objectType:y#tupleset@parent` makes a member of `parent#r1` one of `objectType:y#relation`. */
  | { kind: 'ttu'; objectType: string; tupleset: string; relation: string; needsCheck: boolean };

const cache = new WeakMap<Typesystem, Map<string, ReverseEdge[]>>();

/** Edges out of a label: `T` (plain object), `T:*` (wildcard) or `T#r` (relation node / userset). */
export function reverseEdgesOf(ts: Typesystem, label: string): ReverseEdge[] {
  let index = cache.get(ts);
  if (!index) {
    index = buildIndex(ts);
    cache.set(ts, index);
  }
  return index.get(label) ?? [];
}

function buildIndex(ts: Typesystem): Map<string, ReverseEdge[]> {
  const index = new Map<string, ReverseEdge[]>();
  const add = (label: string, edge: ReverseEdge) => {
    const list = index.get(label) ?? [];
    const same = list.find((e) => sameEdge(e, edge));
    if (same) same.needsCheck &&= edge.needsCheck;
    else list.push({ ...edge });
    index.set(label, list);
  };
  for (const type of ts.typeNames()) {
    for (const [relation, info] of ts.relationsOf(type)!) {
      walk(info.rewrite, false, (node, needsCheck) => {
        switch (rewriteKind(node)) {
          case 'this':
            for (const ref of info.directTypes) {
              const label = ref.wildcard ? `${ref.type}:*` : ref.relation ? `${ref.type}#${ref.relation}` : ref.type;
              add(label, { kind: 'direct', objectType: type, relation, needsCheck });
            }
            break;
          case 'computed':
            add(`${type}#${node.computedUserset!.relation}`, { kind: 'computed', objectType: type, relation, needsCheck });
            break;
          case 'ttu': {
            const tupleset = tuplesetName(node.tupleToUserset!);
            const target = computedName(node.tupleToUserset!);
            for (const parent of ts.directTypes(type, tupleset)) {
              if (parent.relation || parent.wildcard || !ts.getRelation(parent.type, target)) continue;
              add(`${parent.type}#${target}`, { kind: 'ttu', objectType: type, tupleset, relation, needsCheck });
            }
            break;
          }
          default:
            break;
        }
      });
    }
  }
  return index;
}

function sameEdge(a: ReverseEdge, b: ReverseEdge): boolean {
  return a.kind === b.kind && a.objectType === b.objectType && a.relation === b.relation
    && (a.kind !== 'ttu' || (b.kind === 'ttu' && a.tupleset === b.tupleset));
}

function walk(rewrite: Userset, needsCheck: boolean, visit: (node: Userset, needsCheck: boolean) => void): void {
  switch (rewriteKind(rewrite)) {
    case 'union':
      for (const child of rewrite.union!.child) walk(child, needsCheck, visit);
      return;
    case 'intersection':
      if (rewrite.intersection!.child.length > 0) walk(rewrite.intersection!.child[0], true, visit);
      return;
    case 'difference':
      walk(rewrite.difference!.base, true, visit);
      return;
    default:
      visit(rewrite, needsCheck);
  }
}
