// The runner's own, deliberately small judgement of whether a stage tuple is writable under its
// model (OpenFGA's ValidateTupleForWrite essentials: syntax, types, relations, type restrictions,
// tupleset shape, conditions). It decides what the runner expects — a rejected write — so it must
// not borrow the engine's validation it is there to check.
import type { AuthorizationModel, RelationReference, TupleKey, Userset } from '../types.js';

type ModelJson = Omit<AuthorizationModel, 'id'>;

const OBJECT = /^([^\s:#]+):([^\s:#]+)$/;
const USER = /^([^\s:#]+):([^\s:#]+)(?:#([^\s:#]+))?$/;

function tuplesetsOf(rewrite: Userset | undefined, into: Set<string>): Set<string> {
  if (!rewrite) return into;
  if (rewrite.tupleToUserset?.tupleset.relation) into.add(rewrite.tupleToUserset.tupleset.relation);
  for (const child of [...(rewrite.union?.child ?? []), ...(rewrite.intersection?.child ?? [])]) tuplesetsOf(child, into);
  if (rewrite.difference) {
    tuplesetsOf(rewrite.difference.base, into);
    tuplesetsOf(rewrite.difference.subtract, into);
  }
  return into;
}

/** Why `key` cannot be written under `model`, or undefined when it can. */
export function invalidTupleReason(model: ModelJson, key: TupleKey): string | undefined {
  const types = new Map(model.type_definitions.map((td) => [td.type, td]));
  const object = OBJECT.exec(key.object);
  if (!object || object[2] === '*') return `invalid object '${key.object}'`;
  const user = USER.exec(key.user);
  if (!user) return `invalid user '${key.user}'`;
  const [, userType, userId, userRelation] = user;
  if (userId === '*' && userRelation) return `invalid user '${key.user}'`;
  const objectType = types.get(object[1]);
  if (!objectType) return `type '${object[1]}' not found`;
  if (!types.has(userType)) return `type '${userType}' not found`;
  if (userRelation && !types.get(userType)!.relations?.[userRelation]) return `relation '${userType}#${userRelation}' not found`;
  const rewrite = objectType.relations?.[key.relation];
  if (!rewrite) return `relation '${object[1]}#${key.relation}' not found`;

  const tuplesets = new Set<string>();
  for (const r of Object.values(objectType.relations ?? {})) tuplesetsOf(r, tuplesets);
  if (tuplesets.has(key.relation) && (userRelation || userId === '*')) return 'a tupleset relation only takes plain objects';

  const refs: RelationReference[] = objectType.metadata?.relations?.[key.relation]?.directly_related_user_types ?? [];
  const sameShape = refs.filter((ref) => {
    if (ref.type !== userType) return false;
    if (userRelation) return ref.relation === userRelation;
    if (userId === '*') return !!ref.wildcard;
    return !ref.relation && !ref.wildcard;
  });
  if (!sameShape.length) return `'${key.user}' is not an allowed type for '${object[1]}#${key.relation}'`;

  const conditionName = key.condition?.name;
  if (!conditionName) {
    return sameShape.some((ref) => !ref.condition) ? undefined : 'condition is missing';
  }
  if (!model.conditions?.[conditionName]) return `condition '${conditionName}' is undefined`;
  const carried = refs.some((ref) => ref.type === userType && ref.condition === conditionName);
  return carried ? undefined : `condition '${conditionName}' is not allowed for '${object[1]}#${key.relation}'`;
}
