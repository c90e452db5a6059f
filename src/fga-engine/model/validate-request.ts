// Validation of the query requests themselves (the target and user, not contextual tuples), with the
// codes OpenFGA returns for each API.
import { FgaError } from '../errors.js';
import type { Typesystem } from './typesystem.js';
import { userObjectRelationProblem, userProblem } from './tuple-rules.js';
import { getType, isValidObject, isValidRelation, splitObject, tupleKeyToString } from './tuple-syntax.js';

/** Check request tuple: syntax and existence of types/relations only → validation_error. */
export function validateCheckRequest(ts: Typesystem, req: { object: string; relation: string; user: string }): void {
  const problem = userObjectRelationProblem(ts, req);
  if (problem) throw new FgaError('validation_error', `Invalid tuple '${tupleKeyToString(req)}'. Reason: ${problem}`);
}

/** Expand request: object syntax, type and relation existence. */
export function validateExpandRequest(ts: Typesystem, req: { object: string; relation: string }): void {
  if (!isValidObject(req.object)) {
    throw new FgaError('validation_error', `invalid 'object' field format`);
  }
  const type = getType(req.object);
  if (!ts.hasType(type)) throw new FgaError('validation_error', `type '${type}' not found`);
  if (!isValidRelation(req.relation) || !ts.getRelation(type, req.relation)) {
    throw new FgaError('validation_error', `relation '${type}#${req.relation}' not found`);
  }
}

/** ListObjects: target type/relation → type_not_found/relation_not_found; user invalid or unknown type → validation_error. */
export function validateListObjectsRequest(ts: Typesystem, req: { type: string; relation: string; user: string }): void {
  requireTypeAndRelation(ts, req.type, req.relation);
  const problem = userProblem(ts, req.user);
  if (problem) throw new FgaError('validation_error', `invalid 'user' field: ${problem}`);
}

/**
 * ListUsers, in OpenFGA's order: exactly one filter (request shape) → validation_error; each filter's
 * type/relation, then the target's → type_not_found/relation_not_found.
 */
export function validateListUsersRequest(
  ts: Typesystem,
  req: { object: string; relation: string; userFilters: Array<{ type: string; relation?: string }> },
): void {
  if (req.userFilters.length !== 1) {
    throw new FgaError('validation_error', 'invalid ListUsersRequest.UserFilters: value must contain exactly 1 item(s)');
  }
  for (const filter of req.userFilters) {
    if (!ts.hasType(filter.type)) throw new FgaError('type_not_found', `type '${filter.type}' not found`);
    if (filter.relation && !ts.getRelation(filter.type, filter.relation)) {
      throw new FgaError('relation_not_found', `relation '${filter.type}#${filter.relation}' not found`);
    }
  }
  requireTypeAndRelation(ts, splitObject(req.object)[0], req.relation);
}

function requireTypeAndRelation(ts: Typesystem, type: string, relation: string): void {
  if (!ts.hasType(type)) throw new FgaError('type_not_found', `type '${type}' not found`);
  if (!ts.getRelation(type, relation)) throw new FgaError('relation_not_found', `relation '${type}#${relation}' not found`);
}
