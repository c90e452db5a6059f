// ReadAssertions / WriteAssertions: test expectations kept per authorization model
// (commands/read_assertions.go, write_assertions.go).
import { FgaError, fgaErrors } from '../errors.js';
import { typesystemFor, validateCheckRequest, validateTupleForWrite } from '../model/index.js';
import type { Assertion } from '../types.js';
import { checkStoreId } from './common-fields.js';
import { PATTERNS, checkMaxItems, checkPattern, checkRequired } from './proto-validation.js';
import type { ReadAssertionsRequest, ReadAssertionsResponse, WriteAssertionsRequest } from './requests.js';
import type { ServiceContext } from './service-context.js';
import { checkContextualTuples, checkStruct, expectStrings } from './tuple-key-fields.js';

/** OpenFGA stores all assertions of a model as one blob of at most this many bytes. */
const MAX_ASSERTIONS_BYTES = 64_000;

export async function writeAssertions(ctx: ServiceContext, req: WriteAssertionsRequest): Promise<void> {
  checkStoreId('WriteAssertionsRequest', req.store_id);
  checkPattern('WriteAssertionsRequest', 'AuthorizationModelId', req.authorization_model_id ?? '', PATTERNS.ulid);
  if (!Array.isArray(req.assertions)) throw fgaErrors.validation('invalid WriteAssertionsRequest.Assertions: value must be a list');
  checkMaxItems('WriteAssertionsRequest', 'Assertions', req.assertions, ctx.limits.maxAssertionsPerWrite);
  for (const assertion of req.assertions) checkAssertionShape(assertion);

  const model = await ctx.datastore.readAuthorizationModel(req.store_id, req.authorization_model_id);
  if (!model) throw fgaErrors.modelNotFound(req.authorization_model_id);
  const typesystem = typesystemFor(model);
  for (const assertion of req.assertions) {
    // The asserted tuple is checked like a Check request, its contextual tuples like writes.
    validateCheckRequest(typesystem, assertion.tuple_key);
    for (const tuple of assertion.contextual_tuples ?? []) validateTupleForWrite(typesystem, tuple);
  }
  const normalized = req.assertions.map(assertionJson);
  const size = Buffer.byteLength(JSON.stringify(normalized), 'utf8');
  if (size > MAX_ASSERTIONS_BYTES) {
    throw new FgaError('exceeded_entity_limit', `The number of bytes exceeds the allowed limit of ${MAX_ASSERTIONS_BYTES}`);
  }
  await ctx.datastore.writeAssertions(req.store_id, req.authorization_model_id, normalized);
}

export async function readAssertions(ctx: ServiceContext, req: ReadAssertionsRequest): Promise<ReadAssertionsResponse> {
  checkStoreId('ReadAssertionsRequest', req.store_id);
  checkPattern('ReadAssertionsRequest', 'AuthorizationModelId', req.authorization_model_id ?? '', PATTERNS.ulid);
  const assertions = await ctx.datastore.readAssertions(req.store_id, req.authorization_model_id);
  return { authorization_model_id: req.authorization_model_id, assertions: assertions.map(assertionJson) };
}

function checkAssertionShape(assertion: Assertion): void {
  if (!assertion || typeof assertion !== 'object') throw fgaErrors.validation('invalid value: assertion must be a JSON object');
  checkRequired('Assertion', 'TupleKey', assertion.tuple_key);
  expectStrings(assertion.tuple_key, ['object', 'relation', 'user']);
  checkPattern('AssertionTupleKey', 'Object', assertion.tuple_key.object ?? '', PATTERNS.object);
  checkPattern('AssertionTupleKey', 'Relation', assertion.tuple_key.relation ?? '', PATTERNS.relation);
  checkPattern('AssertionTupleKey', 'User', assertion.tuple_key.user ?? '', PATTERNS.checkUser);
  if (assertion.expectation !== undefined && typeof assertion.expectation !== 'boolean') {
    throw fgaErrors.validation('invalid value for bool type: expectation');
  }
  checkContextualTuples(assertion.contextual_tuples, 20, 'Assertion.ContextualTuples');
  checkStruct(assertion.context, 'context');
}

/** Proto field order and proto-JSON defaults (unset list → [], unset struct → null). */
function assertionJson(assertion: Assertion): Assertion {
  const { object, relation, user } = assertion.tuple_key;
  return {
    tuple_key: { object, relation, user },
    expectation: assertion.expectation ?? false,
    contextual_tuples: assertion.contextual_tuples ?? [],
    context: assertion.context ?? (null as unknown as undefined),
  };
}
