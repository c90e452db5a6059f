// OpenFGA's error codes and how they map to HTTP statuses (pkg/server/errors/encoded_errors.go):
// 1000-1999 → 401, 2000-3499 → 400, 3500-3999 → 422, 4000-4999 → 500, ≥ 5000 → 404.
// The body on the wire is always `{ "code": "<name>", "message": "..." }`.

export const ERROR_CODES = {
  auth_failed_invalid_bearer_token: 1005,
  bearer_token_missing: 1010,
  unauthenticated: 1500,
  validation_error: 2000,
  authorization_model_not_found: 2001,
  authorization_model_resolution_too_complex: 2002,
  invalid_write_input: 2003,
  cannot_allow_duplicate_tuples_in_one_request: 2004,
  invalid_continuation_token: 2007,
  invalid_tuple_set: 2008,
  invalid_check_input: 2009,
  invalid_expand_input: 2010,
  unsupported_user_set: 2011,
  invalid_object_format: 2012,
  cannot_allow_duplicate_types_in_one_request: 2005,
  cannot_allow_multiple_references_to_one_relation: 2006,
  write_failed_due_to_invalid_input: 2017,
  authorization_model_assertions_not_found: 2018,
  latest_authorization_model_not_found: 2020,
  type_not_found: 2021,
  relation_not_found: 2022,
  empty_relation_definition: 2023,
  invalid_user: 2025,
  invalid_tuple: 2027,
  unknown_relation: 2028,
  store_id_invalid_length: 2030,
  assertions_too_many_items: 2033,
  id_too_long: 2034,
  authorization_model_id_too_long: 2036,
  tuple_key_value_not_specified: 2037,
  tuple_keys_too_many_or_too_few_items: 2038,
  page_size_invalid: 2039,
  param_missing_value: 2040,
  difference_base_missing_value: 2041,
  subtract_base_missing_value: 2042,
  object_too_long: 2043,
  relation_too_long: 2044,
  type_definitions_too_few_items: 2045,
  type_invalid_length: 2046,
  type_invalid_pattern: 2047,
  relations_too_few_items: 2048,
  relations_too_long: 2049,
  relations_invalid_pattern: 2050,
  object_invalid_pattern: 2051,
  query_string_type_continuation_token_mismatch: 2052,
  exceeded_entity_limit: 2053,
  invalid_contextual_tuple: 2054,
  duplicate_contextual_tuple: 2055,
  invalid_authorization_model: 2056,
  unsupported_schema_version: 2057,
  invalid_start_time: 2059,
  cancelled: 4003,
  throttled_timeout_error: 3500,
  internal_error: 4000,
  deadline_exceeded: 4004,
  already_exists: 4005,
  resource_exhausted: 4006,
  failed_precondition: 4007,
  aborted: 4008,
  out_of_range: 4009,
  unavailable: 4010,
  data_loss: 4011,
  undefined_endpoint: 5000,
  store_id_not_found: 5002,
  unimplemented: 5004,
} as const;

export type FgaErrorCode = keyof typeof ERROR_CODES | 'Aborted';

export function httpStatusForCode(code: FgaErrorCode): number {
  if (code === 'Aborted') return 409;
  const n = ERROR_CODES[code];
  if (n < 2000) return 401;
  if (n < 3500) return 400;
  if (n < 4000) return 422;
  if (n < 5000) return 500;
  return 404;
}

/** An error the engine answers with OpenFGA's code, message and HTTP status. */
export class FgaError extends Error {
  readonly code: FgaErrorCode;
  readonly status: number;
  constructor(code: FgaErrorCode, message: string, status?: number) {
    super(message);
    this.name = 'FgaError';
    this.code = code;
    this.status = status ?? httpStatusForCode(code);
  }
  toJSON(): { code: string; message: string } {
    return { code: this.code, message: this.message };
  }
}

export const fgaErrors = {
  validation: (message: string) => new FgaError('validation_error', message),
  invalidTuple: (message: string) => new FgaError('invalid_tuple', message),
  resolutionTooComplex: () =>
    new FgaError('authorization_model_resolution_too_complex', 'Authorization Model resolution required too many rewrite rules to be resolved. Try simplifying your authorization model.'),
  storeNotFound: () => new FgaError('store_id_not_found', 'Store ID not found'),
  modelNotFound: (id: string) => new FgaError('authorization_model_not_found', `Authorization Model '${id}' not found`),
  latestModelNotFound: (storeId: string) => new FgaError('latest_authorization_model_not_found', `No authorization models found for store '${storeId}'`),
  invalidContinuationToken: () => new FgaError('invalid_continuation_token', 'Invalid continuation token'),
  continuationTokenTypeMismatch: () =>
    new FgaError('query_string_type_continuation_token_mismatch', "The type in the querystring and the continuation token don't match"),
  // Datastore write failures, worded as OpenFGA's storage layer words them (pkg/storage/errors.go).
  tupleAlreadyExists: (k: { user: string; relation: string; object: string }) =>
    new FgaError('write_failed_due_to_invalid_input', `cannot write a tuple which already exists: user: '${k.user}', relation: '${k.relation}', object: '${k.object}': invalid write input`),
  tupleDoesNotExist: (k: { user: string; relation: string; object: string }) =>
    new FgaError('write_failed_due_to_invalid_input', `cannot delete a tuple which does not exist: user: '${k.user}', relation: '${k.relation}', object: '${k.object}': invalid write input`),
  /** on_duplicate=ignore, but the stored tuple carries a different condition: 409 like OpenFGA. */
  tupleConditionConflict: (k: { user: string; relation: string; object: string }) =>
    new FgaError('Aborted', `transactional write failed due to conflict: attempted to write a tuple which already exists with a different condition: user: '${k.user}', relation: '${k.relation}', object: '${k.object}'`),
  typeNotFound: (type: string) => new FgaError('type_not_found', `type '${type}' not found`),
  relationNotFound: (relation: string, type: string) => new FgaError('relation_not_found', `relation '${type}#${relation}' not found`),
};
