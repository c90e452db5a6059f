// Public surface of the model layer: the typesystem built once per authorization model, model
// validation (write time) and tuple/request validation (write, contextual tuples, query requests).
export { Typesystem, typesystemFor, restrictionShape } from './typesystem.js';
export type { RelationInfo, RestrictionShape } from './typesystem.js';
export { validateAuthorizationModel } from './validate-model.js';
export type { ModelLimits } from './validate-model.js';
export {
  validateTupleForWrite,
  validateContextualTuples,
  isTupleValidForRead,
  findTupleProblem,
  MAX_CONTEXTUAL_TUPLES,
} from './validate-tuple.js';
export type { QueryApi, TupleProblem } from './validate-tuple.js';
export {
  validateCheckRequest,
  validateExpandRequest,
  validateListObjectsRequest,
  validateListUsersRequest,
} from './validate-request.js';
export * as tupleSyntax from './tuple-syntax.js';
