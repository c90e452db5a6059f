// Public surface of the model layer: the typesystem built once per authorization model, model
// validation (write time) and tuple/request validation (write, contextual tuples, query requests).
export { Typesystem, typesystemFor } from './typesystem.js';
export { validateAuthorizationModel } from './validate-model.js';
export type { ModelLimits } from './validate-model.js';
export {
  validateTupleForWrite,
  validateContextualTuples,
  isTupleValidForRead,
} from './validate-tuple.js';
export type { QueryApi } from './validate-tuple.js';
export {
  validateCheckRequest,
  validateExpandRequest,
  validateListObjectsRequest,
  validateListUsersRequest,
} from './validate-request.js';
