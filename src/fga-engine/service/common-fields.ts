// Proto rules shared by many requests: ids, pagination and continuation tokens.
import { MAX_CONTINUATION_TOKEN_BYTES } from '../storage/tokens.js';
import { PATTERNS, checkInt32Range, checkMaxBytes, checkPattern, checkPatternIfSet } from './proto-validation.js';

export function checkStoreId(message: string, storeId: string | undefined): void {
  checkPattern(message, 'StoreId', storeId ?? '', PATTERNS.ulid);
}

/** authorization_model_id is optional on queries (ignore_empty) but must be a ULID when given. */
export function checkOptionalModelId(message: string, modelId: string | undefined): void {
  checkPatternIfSet(message, 'AuthorizationModelId', modelId, PATTERNS.ulid);
}

export function checkPagination(message: string, req: { page_size?: number; continuation_token?: string }): void {
  checkInt32Range(message, 'PageSize', req.page_size, 1, 100);
  checkMaxBytes(message, 'ContinuationToken', req.continuation_token, MAX_CONTINUATION_TOKEN_BYTES);
}
