// OpenFGA validates every request against its proto rules (protoc-gen-validate) before any logic
// runs. The failure text is PGV's ("invalid Message.Field: reason"), and the error code is derived
// from the field name and reason (pkg/server/errors/encoded_errors.go getCustomizedErrorCode).
// These helpers reproduce both, so a malformed request gets OpenFGA's exact code and message.
import { FgaError, type FgaErrorCode } from '../errors.js';

export const PATTERNS = {
  ulid: '^[ABCDEFGHJKMNPQRSTVWXYZ0-9]{26}$',
  storeName: '^[a-zA-Z0-9\\s\\.\\-\\/^_&@]{3,64}$',
  object: '^[^\\s]{2,256}$',
  relation: '^[^:#@\\s]{1,50}$',
  checkUser: '^[^\\s]{2,512}$',
  typeName: '^[^:#@\\s]{1,254}$',
  changesType: '^[^:#\\s]{1,254}$',
  objectId: '[^#:\\s]+$',
  userFilterRelation: '^[^:#@\\s]{0,50}$',
  correlationId: '^[\\w\\d-]{1,36}$',
  conditionName: '^[^\\s]{2,256}$',
} as const;

const compiled = new Map<string, RegExp>();
function regex(pattern: string): RegExp {
  let re = compiled.get(pattern);
  if (!re) compiled.set(pattern, (re = new RegExp(pattern, 'u')));
  return re;
}

/** The FgaError OpenFGA answers for a failed proto rule on `message.field`. */
export function protoViolation(message: string, field: string, reason: string): FgaError {
  return new FgaError(codeForViolation(field, reason), `invalid ${message}.${field}: ${reason}`);
}

export function checkPattern(message: string, field: string, value: string, pattern: string): void {
  if (!regex(pattern).test(value)) {
    throw protoViolation(message, field, `value does not match regex pattern ${JSON.stringify(pattern)}`);
  }
}

/** Pattern rule with `ignore_empty: true`. */
export function checkPatternIfSet(message: string, field: string, value: string | undefined, pattern: string): void {
  if (value) checkPattern(message, field, value, pattern);
}

export function checkMaxBytes(message: string, field: string, value: string | undefined, max: number): void {
  if (value && Buffer.byteLength(value, 'utf8') > max) {
    throw protoViolation(message, field, `value length must be at most ${max} bytes`);
  }
}

export function checkByteRange(message: string, field: string, value: string, min: number, max: number): void {
  const bytes = Buffer.byteLength(value, 'utf8');
  if (bytes < min || bytes > max) {
    throw protoViolation(message, field, `value length must be between ${min} and ${max} bytes, inclusive`);
  }
}

/** google.protobuf.Int32Value with gte/lte: only validated when present. */
export function checkInt32Range(message: string, field: string, value: number | undefined, min: number, max: number): void {
  if (value !== undefined && (value < min || value > max)) {
    throw protoViolation(message, field, `value must be inside range [${min}, ${max}]`);
  }
}

export function checkMinItems(message: string, field: string, items: unknown[] | undefined, min: number): void {
  if ((items?.length ?? 0) < min) throw protoViolation(message, field, `value must contain at least ${min} item(s)`);
}

export function checkMaxItems(message: string, field: string, items: unknown[] | undefined, max: number): void {
  if ((items?.length ?? 0) > max) throw protoViolation(message, field, `value must contain no more than ${max} item(s)`);
}

export function checkItemsBetween(message: string, field: string, items: unknown[] | undefined, min: number, max: number): void {
  const n = items?.length ?? 0;
  if (n < min || n > max) throw protoViolation(message, field, `value must contain between ${min} and ${max} items, inclusive`);
}

export function checkRequired(message: string, field: string, value: unknown): void {
  if (value === undefined || value === null) throw protoViolation(message, field, 'value is required');
}

export function checkIn(message: string, field: string, value: string, allowed: readonly string[]): void {
  if (!allowed.includes(value)) throw protoViolation(message, field, `value must be in list [${allowed.join(' ')}]`);
}

/** encoded_errors.go getCustomizedErrorCode: field name + reason prefix → specific code, else validation_error. */
function codeForViolation(field: string, reason: string): FgaErrorCode {
  const startsWith = (prefix: string) => reason.startsWith(prefix);
  switch (field) {
    case 'Assertions': if (startsWith('value must contain no more than')) return 'assertions_too_many_items'; break;
    case 'AuthorizationModelId': if (startsWith('value length must be at most')) return 'authorization_model_id_too_long'; break;
    case 'Base': if (startsWith('value is required')) return 'difference_base_missing_value'; break;
    case 'Id': if (startsWith('value length must be at most')) return 'id_too_long'; break;
    case 'Object':
      if (startsWith('value length must be at most')) return 'object_too_long';
      if (startsWith('value does not match regex pattern')) return 'object_invalid_pattern';
      break;
    case 'PageSize': if (startsWith('value must be inside range')) return 'page_size_invalid'; break;
    case 'Params': if (startsWith('value is required')) return 'param_missing_value'; break;
    case 'Relation': if (startsWith('value length must be at most')) return 'relation_too_long'; break;
    case 'Relations': if (startsWith('value must contain at least')) return 'relations_too_few_items'; break;
    case 'Subtract': if (startsWith('value is required')) return 'subtract_base_missing_value'; break;
    case 'StoreId': if (startsWith('value length must be')) return 'store_id_invalid_length'; break;
    case 'TupleKey': if (startsWith('value is required')) return 'tuple_key_value_not_specified'; break;
    case 'TupleKeys': if (startsWith('value must contain between')) return 'tuple_keys_too_many_or_too_few_items'; break;
    case 'Type':
      if (startsWith('value length must be at')) return 'type_invalid_length';
      if (startsWith('value does not match regex pattern')) return 'type_invalid_pattern';
      break;
    case 'TypeDefinitions': if (startsWith('value must contain at least')) return 'type_definitions_too_few_items'; break;
  }
  if (field.startsWith('Relations[')) {
    if (startsWith('value length must be at most')) return 'relations_too_long';
    if (startsWith('value does not match regex pattern')) return 'relations_invalid_pattern';
  }
  return 'validation_error';
}
