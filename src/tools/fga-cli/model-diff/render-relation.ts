// A relation definition as one line of DSL ("[user] or coach from group"), from the JSON model: the
// form `diff` compares and prints, whatever the model was written in (DSL, JSON, modules).
import type { RelationReference, TypeDefinition, Userset } from '../../../fga-engine/types.js';
import type { ModelBody } from '../model-source/model-body.js';

const renderType = (r: RelationReference) =>
  `${r.type}${r.wildcard ? ':*' : r.relation ? `#${r.relation}` : ''}${r.condition ? ` with ${r.condition}` : ''}`;

function renderRewrite(rewrite: Userset, direct: RelationReference[], nested: boolean): string {
  if (rewrite.this) return `[${direct.map(renderType).join(', ')}]`;
  if (rewrite.computedUserset) return rewrite.computedUserset.relation ?? '';
  if (rewrite.tupleToUserset) return `${rewrite.tupleToUserset.computedUserset.relation} from ${rewrite.tupleToUserset.tupleset.relation}`;
  const wrap = (text: string) => (nested ? `(${text})` : text);
  if (rewrite.union) return wrap(rewrite.union.child.map((c) => renderRewrite(c, direct, true)).join(' or '));
  if (rewrite.intersection) return wrap(rewrite.intersection.child.map((c) => renderRewrite(c, direct, true)).join(' and '));
  if (rewrite.difference) return wrap(`${renderRewrite(rewrite.difference.base, direct, true)} but not ${renderRewrite(rewrite.difference.subtract, direct, true)}`);
  return '?';
}

/** `define <relation>: …` of a type, as text. */
export function renderRelation(type: TypeDefinition, relation: string): string {
  const direct = type.metadata?.relations?.[relation]?.directly_related_user_types ?? [];
  return renderRewrite(type.relations![relation], direct, false);
}

/** Every relation of the model: "type#relation" → its definition as text. */
export function relationDefinitions(model: ModelBody): Map<string, string> {
  const defs = new Map<string, string>();
  for (const type of model.type_definitions) {
    for (const relation of Object.keys(type.relations ?? {})) defs.set(`${type.type}#${relation}`, renderRelation(type, relation));
  }
  return defs;
}
