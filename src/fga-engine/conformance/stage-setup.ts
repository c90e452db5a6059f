// Prepares one stage on the case's store: converts the DSL with @openfga/syntax-transformer, writes
// the model, then writes the stage's tuples in chunks like upstream's harness. Tuples the runner
// judges invalid for the model must be rejected instead; that expectation is an assertion of its own.
import type { OpenFgaClient, TupleKey as SdkTupleKey } from '@openfga/sdk';
import { transformer } from '@openfga/syntax-transformer';
import type { AuthorizationModel, TupleKey } from '../types.js';
import { upgradeLegacyDsl } from './legacy-dsl.js';
import { describeFailure, formatFailure } from './sdk-failure.js';
import type { AssertionResult } from './stage-run.js';
import { invalidTupleReason } from './tuple-validity.js';

/** Upstream writes stage tuples 40 at a time. */
const WRITE_CHUNK = 40;

export type ModelJson = Omit<AuthorizationModel, 'id'>;

// Every run of a case (each variant, each datastore) converts the same DSL: convert it once.
const converted = new Map<string, ModelJson>();

/** The stage's model as OpenFGA JSON; callers must not mutate the shared result. */
export function modelFromDsl(dsl: string): ModelJson {
  let model = converted.get(dsl);
  if (!model) {
    model = convertDsl(dsl);
    converted.set(dsl, model);
  }
  return model;
}

function convertDsl(dsl: string): ModelJson {
  try {
    return transformer.transformDSLToJSONObject(dsl) as unknown as ModelJson;
  } catch (err) {
    // Like upstream's harness, fall back to the legacy syntax; report the original error if that fails too.
    const upgraded = upgradeLegacyDsl(dsl);
    if (upgraded === dsl) throw err;
    try {
      return transformer.transformDSLToJSONObject(upgraded) as unknown as ModelJson;
    } catch {
      throw err;
    }
  }
}

export async function writeModel(client: OpenFgaClient, storeId: string, model: ModelJson): Promise<string> {
  const response = await client.writeAuthorizationModel(model as Parameters<OpenFgaClient['writeAuthorizationModel']>[0], { storeId });
  return response.authorization_model_id;
}

/** The first invalid tuple of a stage and why, if any. */
export function firstInvalidTuple(model: ModelJson, tuples: TupleKey[]): { key: TupleKey; reason: string } | undefined {
  for (const key of tuples) {
    const reason = invalidTupleReason(model, key);
    if (reason) return { key, reason };
  }
  return undefined;
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Writes the stage's tuples. Returns undefined when every write succeeded as expected, or the
 * judged result when the stage holds invalid tuples (each chunk holding one must get a 400) or a
 * valid write failed.
 */
export async function writeStageTuples(
  client: OpenFgaClient,
  options: { storeId: string; authorizationModelId: string },
  model: ModelJson,
  tuples: TupleKey[],
): Promise<AssertionResult | undefined> {
  const invalid = firstInvalidTuple(model, tuples);
  const problems: string[] = [];
  for (const chunk of chunks(tuples, WRITE_CHUNK)) {
    const mustFail = chunk.some((key) => invalidTupleReason(model, key) !== undefined);
    try {
      await client.write({ writes: chunk as SdkTupleKey[] }, options);
      if (mustFail) problems.push(`write of ${chunk.length} tuples accepted`);
    } catch (err) {
      const failure = describeFailure(err);
      if (!mustFail || failure.status !== 400) problems.push(`write of ${chunk.length} tuples → ${formatFailure(failure)}`);
    }
  }
  if (!invalid) {
    return problems.length ? { assertion: 'write tuples', expected: 'accepted', got: problems.join('; '), passed: false } : undefined;
  }
  const k = invalid.key;
  return {
    assertion: `write tuples (${k.object}#${k.relation}@${k.user} is invalid: ${invalid.reason})`,
    expected: 'rejected with 400',
    got: problems.length ? problems.join('; ') : 'rejected with 400',
    passed: problems.length === 0,
  };
}
