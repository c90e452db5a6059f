// The ReadChanges operation: the store's change log, oldest first (commands/read_changes.go).
import { FgaError } from '../errors.js';
import { checkStoreId } from './common-fields.js';
import { PATTERNS, checkMaxBytes, checkPatternIfSet, protoViolation } from './proto-validation.js';
import { MAX_CONTINUATION_TOKEN_BYTES } from '../storage/tokens.js';
import type { ReadChangesRequest, ReadChangesResponse } from './requests.js';
import type { ServiceContext } from './service-context.js';
import { tupleKeyJson } from './read.js';

// google.protobuf.Timestamp's valid range: 0001-01-01T00:00:00Z .. 9999-12-31T23:59:59Z.
const MIN_TIMESTAMP_MS = Date.parse('0001-01-01T00:00:00Z');
const MAX_TIMESTAMP_MS = Date.parse('9999-12-31T23:59:59.999Z');
const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

export async function readChanges(ctx: ServiceContext, req: ReadChangesRequest): Promise<ReadChangesResponse> {
  checkStoreId('ReadChangesRequest', req.store_id);
  checkPatternIfSet('ReadChangesRequest', 'Type', req.type, PATTERNS.changesType);
  const maxPageSize = ctx.limits.readChangesMaxPageSize;
  if (req.page_size !== undefined && (req.page_size < 1 || req.page_size > maxPageSize)) {
    throw protoViolation('ReadChangesRequest', 'PageSize', `value must be inside range [1, ${maxPageSize}]`);
  }
  checkMaxBytes('ReadChangesRequest', 'ContinuationToken', req.continuation_token, MAX_CONTINUATION_TOKEN_BYTES);
  const startTime = parseStartTime(req.start_time);
  const page = await ctx.datastore.readChanges(
    req.store_id,
    { objectType: req.type || undefined, startTime },
    { pageSize: req.page_size ?? ctx.limits.defaultPageSize, continuationToken: req.continuation_token },
  );
  const changes = page.items.map((c) => ({ tuple_key: tupleKeyJson(c.tuple_key), operation: c.operation, timestamp: c.timestamp }));
  // No new changes: hand the caller's token back so it can keep polling from the same place.
  const continuationToken = changes.length === 0 ? req.continuation_token ?? '' : page.continuationToken;
  return { changes, continuation_token: continuationToken };
}

function parseStartTime(value: string | undefined): Date | undefined {
  if (value === undefined || value === '') return undefined;
  const ms = RFC3339.test(value) ? Date.parse(value) : NaN;
  if (Number.isNaN(ms) || ms < MIN_TIMESTAMP_MS || ms > MAX_TIMESTAMP_MS) {
    throw new FgaError('invalid_start_time', 'Invalid start time');
  }
  return new Date(ms);
}
