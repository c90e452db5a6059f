import type { ModelBody } from '../model-source/model-body.js';
import { relationDefinitions } from './render-relation.js';

export interface RelationChange {
  /** "type#relation" */
  relation: string;
  change: 'added' | 'removed' | 'changed';
  before?: string;
  after?: string;
}

export interface ModelDiff {
  typesAdded: string[];
  typesRemoved: string[];
  relations: RelationChange[];
  conditions: Array<{ name: string; change: 'added' | 'removed' | 'changed' }>;
}

/** What changes from `before` (the deployed model) to `after` (the file): types, relations, conditions. */
export function diffModels(before: ModelBody, after: ModelBody): ModelDiff {
  const typesOf = (m: ModelBody) => new Set(m.type_definitions.map((t) => t.type));
  const [oldTypes, newTypes] = [typesOf(before), typesOf(after)];
  const [oldDefs, newDefs] = [relationDefinitions(before), relationDefinitions(after)];
  const relations: RelationChange[] = [];
  for (const key of [...new Set([...oldDefs.keys(), ...newDefs.keys()])].sort()) {
    const [was, now] = [oldDefs.get(key), newDefs.get(key)];
    if (was === now) continue;
    relations.push({ relation: key, change: was === undefined ? 'added' : now === undefined ? 'removed' : 'changed', before: was, after: now });
  }
  const [oldConds, newConds] = [before.conditions ?? {}, after.conditions ?? {}];
  const conditions: ModelDiff['conditions'] = [];
  for (const name of [...new Set([...Object.keys(oldConds), ...Object.keys(newConds)])].sort()) {
    const [was, now] = [oldConds[name], newConds[name]];
    if (!was) conditions.push({ name, change: 'added' });
    else if (!now) conditions.push({ name, change: 'removed' });
    else if (was.expression !== now.expression || JSON.stringify(was.parameters ?? {}) !== JSON.stringify(now.parameters ?? {})) conditions.push({ name, change: 'changed' });
  }
  return {
    typesAdded: [...newTypes].filter((t) => !oldTypes.has(t)).sort(),
    typesRemoved: [...oldTypes].filter((t) => !newTypes.has(t)).sort(),
    relations,
    conditions,
  };
}

export const isEmptyDiff = (d: ModelDiff) => !d.typesAdded.length && !d.typesRemoved.length && !d.relations.length && !d.conditions.length;

/** One line per change: "+ type invoice", "~ member#can_view: a → b". */
export function formatDiff(d: ModelDiff): string[] {
  return [
    ...d.typesAdded.map((t) => `+ type ${t}`),
    ...d.typesRemoved.map((t) => `- type ${t}`),
    ...d.relations.map((r) =>
      r.change === 'added' ? `+ ${r.relation}: ${r.after}` : r.change === 'removed' ? `- ${r.relation}: ${r.before}` : `~ ${r.relation}: ${r.before}  →  ${r.after}`,
    ),
    ...d.conditions.map((c) => `${c.change === 'added' ? '+' : c.change === 'removed' ? '-' : '~'} condition ${c.name}`),
  ];
}
