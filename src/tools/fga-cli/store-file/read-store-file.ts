// Loads a store file (`*.fga.yaml`) with everything it refers to: the model (inline, DSL/JSON file
// or fga.mod) and the tuples (inline, tuple_file, tuple_files, per-test tuple_file). Relative paths
// resolve from the store file's folder, as in OpenFGA's CLI.
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { loadModelFile, parseModelText } from '../model-source/load-model.js';
import type { ModelBody } from '../model-source/model-body.js';
import { countAssertions } from './count-assertions.js';
import { StoreFile, type CheckEntry, type ListObjectsEntry, type ListUsersEntry, type TupleEntry } from './store-file-schema.js';
import { readTupleFile } from './tuple-file.js';

export interface LoadedStoreTest {
  name: string;
  /** The test's own tuples (inline and tuple_file); the file's tuples are added when it runs. */
  tuples: TupleEntry[];
  check: CheckEntry[];
  listObjects: ListObjectsEntry[];
  listUsers: ListUsersEntry[];
}

export interface LoadedStoreFile {
  path: string;
  name: string;
  model: ModelBody;
  /** The model file it names (absolute), when the model is not inline. */
  modelFile?: string;
  tuples: TupleEntry[];
  tests: LoadedStoreTest[];
}

/** The file could not be loaded; `problems` lists every reason (one per line when printed). */
export class StoreFileError extends Error {
  /** Assertions the file makes, when its tests could be read: they all count as failed. */
  constructor(readonly path: string, readonly problems: string[], readonly assertionCount = 0) {
    super(problems.join('; '));
    this.name = 'StoreFileError';
  }
}

async function parseStoreFile(path: string): Promise<StoreFile> {
  let raw: unknown;
  try {
    raw = parseYaml(await readFile(path, 'utf8'));
  } catch (error) {
    throw new StoreFileError(path, [`cannot read store file: ${(error as Error).message}`]);
  }
  const parsed = StoreFile.safeParse(raw ?? {});
  if (!parsed.success) {
    throw new StoreFileError(path, parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  return parsed.data;
}

/** Same rule as the CLI's StoreData.Validate: exactly one of user/users and of object/objects. */
function checkEntryProblems(testName: string, entries: CheckEntry[]): string[] {
  const problems: string[] = [];
  entries.forEach((entry, index) => {
    const where = `test ${testName} check ${index}`;
    if (entry.user && entry.users?.length) problems.push(`${where}: cannot contain both 'user' and 'users'`);
    else if (!entry.user && !entry.users?.length) problems.push(`${where}: must specify 'user' or 'users'`);
    if (entry.object && entry.objects?.length) problems.push(`${where}: cannot contain both 'object' and 'objects'`);
    else if (!entry.object && !entry.objects?.length) problems.push(`${where}: must specify 'object' or 'objects'`);
  });
  return problems;
}

async function loadModel(file: StoreFile, baseDir: string): Promise<ModelBody> {
  if (file.model) {
    const text = file.model;
    return parseModelText(text, text.trimStart().startsWith('{') ? 'json' : 'dsl', 'model (inline)');
  }
  if (file.model_file) return loadModelFile(resolve(baseDir, file.model_file));
  throw new Error("the store file has neither 'model' nor 'model_file'");
}

export async function readStoreFile(path: string): Promise<LoadedStoreFile> {
  const file = await parseStoreFile(path);
  const baseDir = dirname(path);
  const problems: string[] = [];
  const collect = async <T>(work: () => Promise<T>, fallback: T): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      problems.push((error as Error).message);
      return fallback;
    }
  };

  const model = await collect(() => loadModel(file, baseDir), undefined);
  const tuples: TupleEntry[] = [...(file.tuples ?? [])];
  for (const tupleFile of [file.tuple_file, ...(file.tuple_files ?? [])]) {
    if (tupleFile) tuples.push(...(await collect(() => readTupleFile(resolve(baseDir, tupleFile)), [])));
  }
  const tests: LoadedStoreTest[] = [];
  for (const [index, test] of (file.tests ?? []).entries()) {
    const name = test.name ?? `test ${index + 1}`;
    const testTuples = [...(test.tuples ?? [])];
    if (test.tuple_file) testTuples.push(...(await collect(() => readTupleFile(resolve(baseDir, test.tuple_file!)), [])));
    problems.push(...checkEntryProblems(name, test.check ?? []));
    tests.push({ name, tuples: testTuples, check: test.check ?? [], listObjects: test.list_objects ?? [], listUsers: test.list_users ?? [] });
  }
  if (problems.length > 0 || !model) throw new StoreFileError(path, problems, countAssertions(file.tests ?? []));
  return { path, name: file.name ?? path, model, modelFile: file.model_file ? resolve(baseDir, file.model_file) : undefined, tuples, tests };
}
