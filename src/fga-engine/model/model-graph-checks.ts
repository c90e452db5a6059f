// Graph checks of model validation (pkg/typesystem/typesystem.go): every relation must have an
// entrypoint (a path to a concrete type or wildcard) and computed usersets must not form a cycle.
import type { Userset } from '../types.js';
import type { Typesystem } from './typesystem.js';
import { computedName, rewriteKind, tuplesetName } from './rewrites.js';

type Visited = Map<string, Set<string>>;

function cloneVisited(v: Visited): Visited {
  return new Map([...v].map(([k, s]) => [k, new Set(s)]));
}

function mark(v: Visited, type: string, relation: string): void {
  const set = v.get(type);
  if (set) set.add(relation);
  else v.set(type, new Set([relation]));
}

/** OpenFGA's hasEntrypoints: { found, loop } where loop means "no entrypoint because of a computed loop". */
export function hasEntrypoints(ts: Typesystem, type: string, relation: string, rewrite: Userset, visited: Visited): { found: boolean; loop: boolean } {
  const v = cloneVisited(visited);
  mark(v, type, relation);
  const info = ts.getRelation(type, relation);
  if (!info) return { found: false, loop: false };

  switch (rewriteKind(rewrite)) {
    case 'this': {
      for (const ref of info.directTypes) {
        if (!ref.relation || ref.wildcard) return { found: true, loop: false };
        const target = ts.getRelation(ref.type, ref.relation);
        if (!target) return { found: false, loop: false };
        if (v.get(ref.type)?.has(ref.relation)) continue;
        if (hasEntrypoints(ts, ref.type, ref.relation, target.rewrite, v).found) return { found: true, loop: false };
      }
      return { found: false, loop: false };
    }
    case 'computed': {
      const target = rewrite.computedUserset!.relation ?? '';
      const targetInfo = ts.getRelation(type, target);
      if (!targetInfo) return { found: false, loop: false };
      if (v.get(type)?.has(target)) return { found: false, loop: true };
      return hasEntrypoints(ts, type, target, targetInfo.rewrite, v);
    }
    case 'ttu': {
      const target = computedName(rewrite.tupleToUserset!);
      for (const ref of ts.directTypes(type, tuplesetName(rewrite.tupleToUserset!))) {
        const parentRelation = ts.getRelation(ref.type, target);
        if (!parentRelation || v.get(ref.type)?.has(target)) continue;
        if (hasEntrypoints(ts, ref.type, target, parentRelation.rewrite, v).found) return { found: true, loop: false };
      }
      return { found: false, loop: false };
    }
    case 'union': {
      let loop = false;
      for (const child of rewrite.union!.child) {
        const r = hasEntrypoints(ts, type, relation, child, cloneVisited(visited));
        if (r.found) return { found: true, loop: false };
        loop = loop || r.loop;
      }
      return { found: false, loop };
    }
    case 'intersection': {
      for (const child of rewrite.intersection!.child) {
        const r = hasEntrypoints(ts, type, relation, child, cloneVisited(visited));
        if (!r.found) return { found: false, loop: r.loop };
      }
      return { found: true, loop: false };
    }
    case 'difference': {
      const base = hasEntrypoints(ts, type, relation, rewrite.difference!.base, cloneVisited(visited));
      if (!base.found) return base;
      const subtract = hasEntrypoints(ts, type, relation, rewrite.difference!.subtract, cloneVisited(visited));
      if (!subtract.found) return subtract;
      return { found: true, loop: false };
    }
    default:
      return { found: false, loop: false };
  }
}

/** A cycle through computed usersets only (`a: b`, `b: a or c`); cycles via `[T#r]` or TTU are allowed. */
export function hasComputedCycle(ts: Typesystem, type: string, relation: string): boolean {
  const info = ts.getRelation(type, relation);
  return info ? cycleFrom(ts, type, relation, info.rewrite, new Set()) : false;
}

function cycleFrom(ts: Typesystem, type: string, relation: string, rewrite: Userset, visited: Set<string>): boolean {
  visited.add(`${type}#${relation}`);
  const copy = new Set(visited);
  switch (rewriteKind(rewrite)) {
    case 'computed': {
      const target = rewrite.computedUserset!.relation ?? '';
      if (visited.has(`${type}#${target}`)) return true;
      const targetInfo = ts.getRelation(type, target);
      return targetInfo ? cycleFrom(ts, type, target, targetInfo.rewrite, copy) : false;
    }
    case 'union':
      return rewrite.union!.child.some((c) => cycleFrom(ts, type, relation, c, copy));
    case 'intersection':
      return rewrite.intersection!.child.some((c) => cycleFrom(ts, type, relation, c, copy));
    case 'difference':
      return [rewrite.difference!.base, rewrite.difference!.subtract].some((c) => cycleFrom(ts, type, relation, c, copy));
    default:
      return false;
  }
}
