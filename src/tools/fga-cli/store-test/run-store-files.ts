// Runs store files against one in-memory engine server (a fresh store per test) and tallies the
// results; a file that cannot be loaded counts every assertion it makes (at least one) as failed.
import { relative, resolve } from 'node:path';
import type { ModelBody } from '../model-source/model-body.js';
import { readStoreFile, StoreFileError } from '../store-file/read-store-file.js';
import { formatFailure } from './assertion-result.js';
import { startLocalEngine } from './local-engine.js';
import { runStoreTest } from './run-store-test.js';

export interface StoreFilesOutcome {
  passed: number;
  failed: number;
}

export interface RunStoreFilesOptions {
  cwd?: string;
  /** Test a candidate instead: files whose model_file is `file` run against `model` (what `deploy` is about to write). */
  replaceModel?: { file: string; model: ModelBody };
}

export async function runStoreFiles(paths: string[], report: (line: string) => void, opts: RunStoreFilesOptions = {}): Promise<StoreFilesOutcome> {
  const cwd = opts.cwd ?? process.cwd();
  const outcome: StoreFilesOutcome = { passed: 0, failed: 0 };
  const engine = await startLocalEngine();
  try {
    for (const path of paths) {
      const displayPath = relative(cwd, path) || path;
      let file;
      try {
        file = await readStoreFile(path);
        if (opts.replaceModel && file.modelFile === resolve(opts.replaceModel.file)) file = { ...file, model: opts.replaceModel.model };
      } catch (error) {
        const problems = error instanceof StoreFileError ? error.problems : [(error as Error).message];
        for (const problem of problems) report(`FAIL ${displayPath} › cannot run: ${problem}`);
        outcome.failed += Math.max(1, error instanceof StoreFileError ? error.assertionCount : 0);
        continue;
      }
      for (const test of file.tests) {
        for (const result of await runStoreTest(engine, file, test, displayPath)) {
          if (result.passed) outcome.passed += 1;
          else {
            outcome.failed += 1;
            report(formatFailure(result));
          }
        }
      }
    }
  } finally {
    await engine.close();
  }
  return outcome;
}
