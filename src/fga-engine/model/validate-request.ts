import type { Typesystem } from './typesystem.js';

/** Check request tuple: syntax and existence of types/relations only → validation_error. */
export function validateCheckRequest(ts: Typesystem, req: { object: string; relation: string; user: string }): void {
  void ts; void req;
  throw new Error('not implemented');
}

/** Expand request: object syntax, type and relation existence. */
export function validateExpandRequest(ts: Typesystem, req: { object: string; relation: string }): void {
  void ts; void req;
  throw new Error('not implemented');
}

/** ListObjects: target type/relation → type_not_found/relation_not_found; user invalid or unknown type → validation_error. */
export function validateListObjectsRequest(ts: Typesystem, req: { type: string; relation: string; user: string }): void {
  void ts; void req;
  throw new Error('not implemented');
}

/** ListUsers: object/relation and filters → type_not_found/relation_not_found; exactly one filter → validation_error. */
export function validateListUsersRequest(
  ts: Typesystem,
  req: { object: string; relation: string; userFilters: Array<{ type: string; relation?: string }> },
): void {
  void ts; void req;
  throw new Error('not implemented');
}
