// Reads a model file for validation: the parsed body plus the DSL texts behind it, so problems can
// be pointed at a file and line. Syntax errors surface as ModelSourceError.
import { readFile } from 'node:fs/promises';
import { parseModelText } from './load-model.js';
import { modelFormatOf, type ModelBody, type ModelFormat } from './model-body.js';
import { ModelSourceError } from './model-source-error.js';
import { combineModules, readModularModelSource } from './modular-model.js';
import type { DslSource } from './locate-in-dsl.js';

export interface ModelSource {
  format: ModelFormat;
  body: ModelBody;
  /** DSL files the model came from (none for a JSON model). */
  dslSources: DslSource[];
}

export async function readModelSource(path: string): Promise<ModelSource> {
  const format = modelFormatOf(path);
  if (format === 'modular') {
    const source = await readModularModelSource(path);
    return { format, body: combineModules(source), dslSources: source.modules.map(({ path: modulePath, contents }) => ({ path: modulePath, text: contents })) };
  }
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new ModelSourceError([{ file: path, message: `cannot read model file: ${(error as Error).message}` }]);
  }
  return { format, body: parseModelText(text, format, path), dslSources: format === 'dsl' ? [{ path, text }] : [] };
}
