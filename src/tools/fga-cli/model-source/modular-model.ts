// A modular model: an `fga.mod` file listing module files (paths relative to it), combined into one
// model by the syntax-transformer exactly as OpenFGA's CLI combines them.
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { transformer } from '@openfga/syntax-transformer';
import type { ModelBody } from './model-body.js';
import { issuesFromTransformerError, ModelSourceError, type ModelSourceIssue } from './model-source-error.js';

export interface ModularModelSource {
  schemaVersion: string;
  /** Module files as listed in fga.mod, with their contents. */
  modules: Array<{ name: string; path: string; contents: string }>;
}

/** Reads fga.mod and every module it lists; throws ModelSourceError naming each unreadable part. */
export async function readModularModelSource(modFilePath: string): Promise<ModularModelSource> {
  const modText = await readFile(modFilePath, 'utf8');
  let modFile: ReturnType<typeof transformer.transformModFileToJSON>;
  try {
    modFile = transformer.transformModFileToJSON(modText);
  } catch (error) {
    throw new ModelSourceError(issuesFromTransformerError(error, modFilePath));
  }
  const directory = dirname(modFilePath);
  const issues: ModelSourceIssue[] = [];
  const modules: ModularModelSource['modules'] = [];
  for (const entry of modFile.contents.value) {
    const path = join(directory, entry.value);
    try {
      modules.push({ name: entry.value, path, contents: await readFile(path, 'utf8') });
    } catch (error) {
      issues.push({ file: modFilePath, line: entry.line.start + 1, column: entry.column.start + 1, message: `cannot read module file ${entry.value}: ${(error as Error).message}` });
    }
  }
  if (issues.length > 0) throw new ModelSourceError(issues);
  return { schemaVersion: modFile.schema.value, modules };
}

/** Combines the modules into one model; errors point at the module file and line. */
export function combineModules(source: ModularModelSource): ModelBody {
  const pathByName = new Map(source.modules.map((module) => [module.name, module.path]));
  try {
    const files = source.modules.map(({ name, contents }) => ({ name, contents }));
    return transformer.transformModuleFilesToModel(files, source.schemaVersion) as unknown as ModelBody;
  } catch (error) {
    throw new ModelSourceError(issuesFromTransformerError(error, undefined, (name) => pathByName.get(name) ?? name));
  }
}

export async function loadModularModel(modFilePath: string): Promise<ModelBody> {
  return combineModules(await readModularModelSource(modFilePath));
}
