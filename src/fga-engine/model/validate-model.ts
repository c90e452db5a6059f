// Write-time model validation, after OpenFGA's typesystem.NewAndValidate: every failure is
// 2056 invalid_authorization_model (size/type-count limits: 2053), with OpenFGA's messages.
import type { AuthorizationModel, Userset } from '../types.js';
import { FgaError } from '../errors.js';
import { compileCondition } from '../conditions/index.js';
import { Typesystem, restrictionShape } from './typesystem.js';
import { computedName, rewriteChildren, rewriteContainsThis, rewriteKind, tuplesetName } from './rewrites.js';
import { hasEntrypoints, hasComputedCycle } from './model-graph-checks.js';

export interface ModelLimits {
  /** Default 100 → exceeded_entity_limit. */
  maxTypes?: number;
  /** Default 262144 (JSON bytes) → exceeded_entity_limit. */
  maxSizeBytes?: number;
}

const SUPPORTED_SCHEMAS = new Set(['1.1', '1.2']);

const invalid = (message: string) => new FgaError('invalid_authorization_model', message);

/** Throws FgaError('invalid_authorization_model' | 'exceeded_entity_limit', ...) when the model is invalid. */
export function validateAuthorizationModel(model: AuthorizationModel, limits: ModelLimits = {}): void {
  const maxTypes = limits.maxTypes ?? 100;
  const maxSize = limits.maxSizeBytes ?? 262_144;
  const typeDefinitions = model.type_definitions ?? [];
  if (typeDefinitions.length > maxTypes) {
    throw new FgaError('exceeded_entity_limit', `the number of type definitions in an authorization model exceeds the allowed limit of ${maxTypes}`);
  }
  const size = Buffer.byteLength(JSON.stringify(model));
  if (size > maxSize) {
    throw new FgaError('exceeded_entity_limit', `model exceeds size limit: ${size} bytes vs ${maxSize} bytes`);
  }

  const schema = model.schema_version || '1.1';
  if (!SUPPORTED_SCHEMAS.has(schema)) throw invalid('invalid schema version');
  const seen = new Set<string>();
  for (const td of typeDefinitions) {
    if (seen.has(td.type)) throw invalid('an authorization model cannot contain duplicate types');
    seen.add(td.type);
  }
  validateNames(model);

  const ts = new Typesystem(model);
  for (const type of [...ts.typeNames()].sort()) {
    const relations = ts.relationsOf(type)!;
    for (const relation of [...relations.keys()].sort()) {
      validateRelation(ts, type, relation);
    }
  }
  validateConditions(model);
}

function validateNames(model: AuthorizationModel): void {
  for (const td of model.type_definitions ?? []) {
    if (!td.type) throw invalid('the type name of a type definition cannot be an empty string');
    if (td.type === 'self' || td.type === 'this') throw invalid(`the definition of type '${td.type}' is invalid`);
    for (const relation of Object.keys(td.relations ?? {})) {
      if (!relation) throw invalid(`type '${td.type}' defines a relation with an empty string for a name`);
      if (relation === 'self' || relation === 'this') throw invalidRelation(td.type, relation, 'self and this are reserved keywords');
    }
  }
}

function invalidRelation(type: string, relation: string, cause: string): FgaError {
  return invalid(`the definition of relation '${relation}' in object type '${type}' is invalid: ${cause}`);
}

function validateRelation(ts: Typesystem, type: string, relation: string): void {
  const info = ts.getRelation(type, relation)!;
  validateRewrite(ts, type, relation, info.rewrite);
  validateTypeRestrictions(ts, type, relation);
  const entry = hasEntrypoints(ts, type, relation, info.rewrite, new Map());
  if (!entry.found) invalidRelationThrow(type, relation, entry.loop ? 'potential loop' : 'no entrypoints defined');
  if (hasComputedCycle(ts, type, relation)) invalidRelationThrow(type, relation, 'an authorization model cannot contain a cycle');
}

function invalidRelationThrow(type: string, relation: string, cause: string): never {
  throw invalidRelation(type, relation, cause);
}

function validateRewrite(ts: Typesystem, type: string, relation: string, rewrite: Userset | undefined): void {
  const kind = rewriteKind(rewrite);
  if (!rewrite || !kind) invalidRelationThrow(type, relation, 'invalid userset rewrite definition');
  switch (kind) {
    case 'computed': {
      const target = rewrite.computedUserset!.relation ?? '';
      if (target === relation) invalidRelationThrow(type, relation, 'invalid userset rewrite definition');
      if (!ts.getRelation(type, target)) throw invalid(`'${type}#${target}' relation is undefined`);
      return;
    }
    case 'ttu': {
      const tupleset = tuplesetName(rewrite.tupleToUserset!);
      const tuplesetInfo = ts.getRelation(type, tupleset);
      if (!tuplesetInfo) throw invalid(`'${type}#${tupleset}' relation is undefined`);
      if (rewriteKind(tuplesetInfo.rewrite) !== 'this') {
        throw invalid(`the '${type}#${tupleset}' relation is referenced in at least one tupleset and thus must be a direct relation`);
      }
      const target = computedName(rewrite.tupleToUserset!);
      if (!tuplesetInfo.directTypes.some((ref) => ts.getRelation(ref.type, target))) {
        const listed = tuplesetInfo.directTypes.map((ref) => `type:"${ref.type}"`).join(' ');
        throw invalid(`undefined relation: ${target} does not appear as a relation in any of the directly related user types [${listed}]`);
      }
      return;
    }
    case 'union':
    case 'intersection': {
      const children = rewriteChildren(rewrite);
      if (children.length < 2) invalidRelationThrow(type, relation, 'invalid userset rewrite definition');
      for (const child of children) validateRewrite(ts, type, relation, child);
      return;
    }
    case 'difference':
      for (const child of rewriteChildren(rewrite)) validateRewrite(ts, type, relation, child);
      return;
    default:
      return;
  }
}

function validateTypeRestrictions(ts: Typesystem, type: string, relation: string): void {
  const info = ts.getRelation(type, relation)!;
  const assignable = rewriteContainsThis(info.rewrite);
  if (assignable && info.directTypes.length === 0) {
    throw invalid(`the assignable relation '${relation}' in object type '${type}' must contain at least one relation type`);
  }
  if (!assignable && info.directTypes.length !== 0) {
    // OpenFGA's message swaps the two names; kept as it prints.
    throw invalid(`the non-assignable relation '${type}' in object type '${relation}' should not contain a relation type`);
  }
  for (const ref of info.directTypes) {
    const relationType = ref.relation ? `${ref.type}#${ref.relation}` : ref.type;
    const badType = () => invalid(`the relation type '${relationType}' on '${relation}' in object type '${type}' is not valid`);
    if (!ts.hasType(ref.type)) throw badType();
    if (restrictionShape(ref) !== 'plain') {
      if (ts.isTuplesetRelation(type, relation)) throw badType();
      if (ref.relation && !ts.getRelation(ref.type, ref.relation)) throw badType();
    }
    if (ref.condition && !ts.hasCondition(ref.condition)) {
      throw invalid(`condition ${ref.condition} is undefined for relation ${relation}`);
    }
  }
}

function validateConditions(model: AuthorizationModel): void {
  for (const [key, condition] of Object.entries(model.conditions ?? {})) {
    if (key !== condition.name) throw invalid(`condition key '${key}' does not match condition name '${condition.name}'`);
    compileCondition(condition);
  }
}
