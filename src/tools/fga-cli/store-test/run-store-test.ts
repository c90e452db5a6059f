// Runs one test of a store file the way OpenFGA's CLI does locally: a fresh store holding the
// model and the file's tuples plus the test's own, then every assertion against it.
import type { LoadedStoreFile, LoadedStoreTest } from '../store-file/read-store-file.js';
import type { TupleEntry } from '../store-file/store-file-schema.js';
import { describeError, type AssertionResult } from './assertion-result.js';
import type { LocalEngine } from './local-engine.js';
import { planAssertions, toTupleKeys } from './plan-assertions.js';

// The CLI writes 40 tuples per request (storetest/localstore.go); OpenFGA accepts at most 100.
const TUPLES_PER_WRITE = 40;

/** Drops repeats of the same user/relation/object, which OpenFGA would refuse as a duplicate write. */
function uniqueTuples(tuples: TupleEntry[]): TupleEntry[] {
  const seen = new Set<string>();
  return tuples.filter((tuple) => {
    const key = `${tuple.object}#${tuple.relation}@${tuple.user}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** A store name OpenFGA accepts (3–64 of letters, digits, space and . - / ^ _ & @). */
export function storeNameFor(fileName: string, testName: string): string {
  const name = `${fileName} - ${testName}`.replace(/[^a-zA-Z0-9\s.\-/^_&@]/g, '_').slice(0, 64).trim();
  return name.length >= 3 ? name : `${name}___`.slice(0, 3);
}

async function prepareStore(engine: LocalEngine, file: LoadedStoreFile, test: LoadedStoreTest) {
  const { id: storeId } = await engine.client.createStore({ name: storeNameFor(file.name, test.name) });
  const { authorization_model_id: modelId } = await engine.client.writeAuthorizationModel(
    { schema_version: file.model.schema_version, type_definitions: file.model.type_definitions, conditions: file.model.conditions } as never,
    { storeId },
  );
  const client = engine.clientFor(storeId, modelId);
  const tuples = toTupleKeys(uniqueTuples([...file.tuples, ...test.tuples])) ?? [];
  for (let start = 0; start < tuples.length; start += TUPLES_PER_WRITE) {
    await client.write({ writes: tuples.slice(start, start + TUPLES_PER_WRITE) });
  }
  return { storeId, client };
}

export async function runStoreTest(engine: LocalEngine, file: LoadedStoreFile, test: LoadedStoreTest, displayPath: string): Promise<AssertionResult[]> {
  const planned = planAssertions(test);
  const base = { file: displayPath, test: test.name };
  let prepared: Awaited<ReturnType<typeof prepareStore>>;
  try {
    prepared = await prepareStore(engine, file, test);
  } catch (error) {
    // The store could not be set up (model or tuples rejected): every assertion of the test fails with why.
    const got = `setup failed: ${describeError(error)}`;
    return planned.map(({ kind, request, expected }) => ({ ...base, kind, request, expected, got, passed: false }));
  }
  const results: AssertionResult[] = [];
  for (const assertion of planned) {
    const { passed, got } = await assertion.run(prepared.client);
    results.push({ ...base, kind: assertion.kind, request: assertion.request, expected: assertion.expected, got, passed });
  }
  // Free the store: a long run of files should not grow the in-memory engine.
  await engine.client.deleteStore({ storeId: prepared.storeId }).catch(() => undefined);
  return results;
}
