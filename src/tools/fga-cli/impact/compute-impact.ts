// `impact`: replays the same tuples against the deployed model and the new one and reports, per
// relation, who gains or loses access to what. Only relations whose definition closure changed are
// asked (see relation-dependencies.ts); each object of the relation's type that appears in a tuple is
// asked ListUsers under both models (an object no tuple names grants nothing in either).
import type { OpenFgaClient } from '@openfga/sdk';
import type { ModelBody } from '../model-source/model-body.js';
import { relationDefinitions } from '../model-diff/render-relation.js';
import type { TupleEntry } from '../store-file/store-file-schema.js';
import { startLocalEngine } from '../store-test/local-engine.js';
import { relationClosure } from './relation-dependencies.js';
import { replayStore } from './replay-store.js';

export interface AccessShift {
  /** (user, object) pairs */
  grants: number;
  users: number;
  objects: number;
  examples: string[];
}

export interface RelationImpact {
  relation: string;
  change: 'added' | 'removed' | 'changed';
  objectsAsked: number;
  gained: AccessShift;
  lost: AccessShift;
  /** Objects the engine could not answer for (e.g. a condition needing context). */
  unanswered: number;
}

export interface ImpactReport {
  tuples: number;
  /** Tuples the new model no longer accepts. */
  rejectedByNew: number;
  relations: RelationImpact[];
}

const EXAMPLES = 5;
const CONCURRENCY = 8;

function changedRelations(before: ModelBody, after: ModelBody): Array<{ relation: string; change: RelationImpact['change'] }> {
  const [oldDefs, newDefs] = [relationDefinitions(before), relationDefinitions(after)];
  const conditionSame = (name: string) => JSON.stringify(before.conditions?.[name] ?? null) === JSON.stringify(after.conditions?.[name] ?? null);
  const out: Array<{ relation: string; change: RelationImpact['change'] }> = [];
  for (const relation of [...new Set([...oldDefs.keys(), ...newDefs.keys()])].sort()) {
    if (!oldDefs.has(relation)) out.push({ relation, change: 'added' });
    else if (!newDefs.has(relation)) out.push({ relation, change: 'removed' });
    else {
      const closure = new Set([...relationClosure(before, relation), ...relationClosure(after, relation)]);
      const differs = [...closure].some((dep) => (dep.startsWith('condition:') ? !conditionSame(dep.slice('condition:'.length)) : oldDefs.get(dep) !== newDefs.get(dep)));
      if (differs) out.push({ relation, change: 'changed' });
    }
  }
  return out;
}

async function usersOf(client: OpenFgaClient | undefined, object: string, relation: string): Promise<Set<string> | 'error'> {
  if (!client) return new Set();
  const [type, id] = [object.slice(0, object.indexOf(':')), object.slice(object.indexOf(':') + 1)];
  try {
    const response = await client.listUsers({ object: { type, id }, relation, user_filters: [{ type: 'user' }] });
    return new Set(response.users.map((u) => (u.object ? `${u.object.type}:${u.object.id}` : `${u.wildcard?.type}:*`)));
  } catch {
    return 'error';
  }
}

function shift(pairs: Array<[string, string]>): AccessShift {
  return {
    grants: pairs.length,
    users: new Set(pairs.map(([u]) => u)).size,
    objects: new Set(pairs.map(([, o]) => o)).size,
    examples: pairs.slice(0, EXAMPLES).map(([u, o]) => `${u} → ${o}`),
  };
}

export async function computeImpact(before: ModelBody, after: ModelBody, tuples: TupleEntry[], progress: (line: string) => void = () => undefined): Promise<ImpactReport> {
  const engine = await startLocalEngine();
  try {
    const [oldStore, newStore] = await Promise.all([replayStore(engine, 'impact-deployed', before, tuples), replayStore(engine, 'impact-new', after, tuples)]);
    const objectsByType = new Map<string, string[]>();
    for (const object of new Set(tuples.map((t) => t.object))) {
      const type = object.slice(0, object.indexOf(':'));
      objectsByType.set(type, [...(objectsByType.get(type) ?? []), object]);
    }
    const relations: RelationImpact[] = [];
    for (const { relation, change } of changedRelations(before, after)) {
      const [type, name] = relation.split('#');
      const objects = (objectsByType.get(type) ?? []).sort();
      progress(`impact: ${relation} (${change}) over ${objects.length} objects`);
      const gained: Array<[string, string]> = [];
      const lost: Array<[string, string]> = [];
      let unanswered = 0;
      let next = 0;
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          while (next < objects.length) {
            const object = objects[next++];
            const [was, now] = await Promise.all([
              usersOf(change === 'added' ? undefined : oldStore.client, object, name),
              usersOf(change === 'removed' ? undefined : newStore.client, object, name),
            ]);
            if (was === 'error' || now === 'error') {
              unanswered += 1;
              continue;
            }
            for (const user of now) if (!was.has(user)) gained.push([user, object]);
            for (const user of was) if (!now.has(user)) lost.push([user, object]);
          }
        }),
      );
      const byName = (a: [string, string], b: [string, string]) => a[0].localeCompare(b[0]) || a[1].localeCompare(b[1]);
      relations.push({ relation, change, objectsAsked: objects.length, gained: shift(gained.sort(byName)), lost: shift(lost.sort(byName)), unanswered });
    }
    return { tuples: tuples.length, rejectedByNew: newStore.rejected.length, relations };
  } finally {
    await engine.close();
  }
}

export function formatImpact(report: ImpactReport): string[] {
  const lines: string[] = [];
  const who = (s: AccessShift) => `${s.users} user${s.users === 1 ? '' : 's'} ${s.objects === 1 ? 'to 1 object' : `to ${s.objects} objects`} (${s.grants} grant${s.grants === 1 ? '' : 's'})`;
  for (const r of report.relations) {
    lines.push(`${r.relation} (${r.change}, ${r.objectsAsked} objects asked)`);
    lines.push(r.gained.grants ? `  + gain: ${who(r.gained)}, e.g. ${r.gained.examples.join(', ')}` : '  + gain: nobody');
    lines.push(r.lost.grants ? `  - lose: ${who(r.lost)}, e.g. ${r.lost.examples.join(', ')}` : '  - lose: nobody');
    if (r.unanswered) lines.push(`  ! ${r.unanswered} objects could not be answered (conditions needing context?)`);
  }
  const gain = report.relations.reduce((n, r) => n + r.gained.grants, 0);
  const lose = report.relations.reduce((n, r) => n + r.lost.grants, 0);
  if (report.rejectedByNew) lines.push(`${report.rejectedByNew} of ${report.tuples} tuples are not valid under the new model (they grant nothing there)`);
  lines.push(`impact: ${report.relations.length} relation(s) changed over ${report.tuples} tuples; ${gain} grant(s) gained, ${lose} lost`);
  return lines;
}
