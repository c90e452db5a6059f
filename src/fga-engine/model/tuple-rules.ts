// The individual rules of OpenFGA's tuple validation, each returning the reason text it reports
// (or undefined when the tuple passes that rule).
import type { TupleKey } from '../types.js';
import { validateConditionContext } from '../conditions/index.js';
import type { Typesystem } from './typesystem.js';
import {
  getType, isObjectRelation, isTypedWildcard, isValidObject, isValidRelation, isValidUser, isWildcard,
  splitObject, splitObjectRelation, WILDCARD,
} from './tuple-syntax.js';

/** User, object and relation are well-formed and defined (ValidateUserObjectRelation). */
export function userObjectRelationProblem(ts: Typesystem, tk: { user: string; object: string; relation: string }): string | undefined {
  return userProblem(ts, tk.user) ?? objectProblem(ts, tk.object) ?? relationProblem(ts, tk.object, tk.relation);
}

export function userProblem(ts: Typesystem, user: string): string | undefined {
  if (!isValidUser(user)) return `the 'user' field is malformed`;
  const validObject = isValidObject(user);
  const validUserset = isObjectRelation(user);
  if (!validObject && !validUserset) {
    return `the 'user' field must be an object (e.g. document:1) or an 'object#relation' or a typed wildcard (e.g. group:*)`;
  }
  const [userObject, userRelation] = splitObjectRelation(user);
  const userType = getType(userObject);
  if (!ts.hasType(userType)) return `type '${userType}' not found`;
  if (validUserset && !ts.getRelation(userType, userRelation)) return `relation '${userType}#${userRelation}' not found`;
  return undefined;
}

export function objectProblem(ts: Typesystem, object: string): string | undefined {
  if (!isValidObject(object)) return `invalid 'object' field format`;
  const [type, id] = splitObject(object);
  if (id === WILDCARD) return `the 'object' field cannot reference a typed wildcard`;
  if (!ts.hasType(type)) return `type '${type}' not found`;
  return undefined;
}

export function relationProblem(ts: Typesystem, object: string, relation: string): string | undefined {
  if (!isValidRelation(relation)) return `the 'relation' field is malformed`;
  const type = getType(object);
  if (!ts.hasType(type)) return `type '${type}' not found`;
  if (!ts.getRelation(type, relation)) return `relation '${type}#${relation}' not found`;
  return undefined;
}

/** A tupleset relation (`parent` in `x from parent`) only relates plain objects. */
export function tuplesetProblem(ts: Typesystem, tk: TupleKey): string | undefined {
  const type = getType(tk.object);
  if (!ts.isTuplesetRelation(type, tk.relation)) return undefined;
  const info = ts.getRelation(type, tk.relation);
  if (info && !info.rewrite.this) return `unexpected rewrite encountered with tupleset relation '${type}#${tk.relation}'`;
  if (isValidObject(tk.user) && !isTypedWildcard(tk.user)) return undefined;
  if (isWildcard(tk.user)) return `unexpected wildcard relationship with tupleset relation '${type}#${tk.relation}'`;
  return `unexpected user '${tk.user}' with tupleset relation '${type}#${tk.relation}'`;
}

/** The user's exact shape (`T`, `T:*` or `T#r`) is a type restriction of the relation. */
export function tupleShapeProblem(ts: Typesystem, tk: TupleKey): string | undefined {
  const objectType = getType(tk.object);
  const info = ts.getRelation(objectType, tk.relation);
  if (!info) return `relation '${objectType}#${tk.relation}' not found`;
  const userType = splitObject(tk.user)[0];
  const userRelation = splitObjectRelation(tk.user)[1];
  if (isObjectRelation(tk.user)) {
    if (info.directTypes.some((r) => r.type === userType && r.relation === userRelation)) return undefined;
    return `'${userType}#${userRelation}' is not an allowed type restriction for '${objectType}#${tk.relation}'`;
  }
  if (isTypedWildcard(tk.user)) {
    if (info.directTypes.some((r) => r.type === userType && r.wildcard)) return undefined;
    return `the typed wildcard '${tk.user}' is not an allowed type restriction for '${objectType}#${tk.relation}'`;
  }
  if (info.directTypes.some((r) => r.type === userType && !r.wildcard && !r.relation)) return undefined;
  return `type '${userType}' is not an allowed type restriction for '${objectType}#${tk.relation}'`;
}

/** The tuple's condition (or its absence) is allowed by a restriction, and its context converts. */
export function conditionProblem(ts: Typesystem, tk: TupleKey, checkContext: boolean): string | undefined {
  const objectType = getType(tk.object);
  const userType = getType(tk.user);
  const userRelation = splitObjectRelation(tk.user)[1];
  const restrictions = ts.directTypes(objectType, tk.relation);
  const name = tk.condition?.name;
  if (!name) {
    const allowed = restrictions.some((r) => {
      if (r.condition || r.type !== userType) return false;
      if (r.relation && r.relation !== userRelation) return false;
      if (r.wildcard && !isTypedWildcard(tk.user)) return false;
      // A plain restriction does not cover a wildcard tuple.
      if (!r.relation && !r.wildcard && isTypedWildcard(tk.user)) return false;
      return true;
    });
    return allowed ? undefined : 'condition is missing';
  }
  // Condition names are free text on the wire; control characters are rejected like OpenFGA's proto rules.
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'invalid condition name';
  const condition = ts.getCondition(name);
  if (!ts.hasCondition(name) || !condition) return 'undefined condition';
  if (!restrictions.some((r) => r.type === userType && r.condition === name)) return 'invalid condition for type restriction';
  return checkContext ? validateConditionContext(condition, tk.condition?.context) : undefined;
}
