// Which store files `fga test` runs: the arguments (files, or folders holding *.fga.yaml), or by
// default fga/tests/*.fga.yaml under the current directory (where npm runs scripts: the repo root).
import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';

export const DEFAULT_TEST_DIR = join('fga', 'tests');
const STORE_FILE_SUFFIX = '.fga.yaml';

async function storeFilesIn(directory: string): Promise<string[]> {
  const names = await readdir(directory);
  return names.filter((name) => name.endsWith(STORE_FILE_SUFFIX)).sort().map((name) => join(directory, name));
}

/** Absolute paths, in argument order; a missing path is returned as is so the run reports it. */
export async function findStoreFiles(args: string[], cwd = process.cwd()): Promise<string[]> {
  const targets = args.length > 0 ? args : [DEFAULT_TEST_DIR];
  const files: string[] = [];
  for (const target of targets) {
    const path = resolve(cwd, target);
    const info = await stat(path).catch(() => undefined);
    files.push(...(info?.isDirectory() ? await storeFilesIn(path) : [path]));
  }
  return files;
}
