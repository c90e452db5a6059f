// Which relation definitions can change the answers of a relation: its closure through computed
// relations, tuple-to-userset parents and userset-typed assignments. A relation whose whole closure
// reads the same in both models answers the same for every tuple, so `impact` need not replay it.
import type { TypeDefinition, Userset } from '../../../fga-engine/types.js';
import type { ModelBody } from '../model-source/model-body.js';

/** "type#relation" of every relation `start` depends on (itself included), plus "condition:<name>" entries. */
export function relationClosure(model: ModelBody, start: string): Set<string> {
  const types = new Map(model.type_definitions.map((t) => [t.type, t]));
  const seen = new Set<string>();
  const visit = (type: string, relation: string) => {
    const key = `${type}#${relation}`;
    const definition = types.get(type);
    if (seen.has(key) || !definition?.relations?.[relation]) return;
    seen.add(key);
    walk(definition, relation, definition.relations[relation]);
  };
  const directTypes = (definition: TypeDefinition, relation: string) => definition.metadata?.relations?.[relation]?.directly_related_user_types ?? [];
  const walk = (definition: TypeDefinition, relation: string, rewrite: Userset): void => {
    if (rewrite.this) {
      for (const ref of directTypes(definition, relation)) {
        if (ref.relation) visit(ref.type, ref.relation);
        if (ref.condition) seen.add(`condition:${ref.condition}`);
      }
    } else if (rewrite.computedUserset?.relation) visit(definition.type, rewrite.computedUserset.relation);
    else if (rewrite.tupleToUserset) {
      const tupleset = rewrite.tupleToUserset.tupleset.relation!;
      visit(definition.type, tupleset);
      for (const parent of directTypes(definition, tupleset)) visit(parent.type, rewrite.tupleToUserset.computedUserset.relation!);
    } else {
      const children = rewrite.union?.child ?? rewrite.intersection?.child ?? (rewrite.difference ? [rewrite.difference.base, rewrite.difference.subtract] : []);
      for (const child of children) walk(definition, relation, child);
    }
  };
  const hash = start.indexOf('#');
  visit(start.slice(0, hash), start.slice(hash + 1));
  return seen;
}
