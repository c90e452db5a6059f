// Turns a model source (a DSL or JSON file, an fga.mod, or text inline in a store file) into the
// body WriteAuthorizationModel takes. Syntax problems become a ModelSourceError with line numbers.
import { readFile } from 'node:fs/promises';
import { transformer } from '@openfga/syntax-transformer';
import { modelFormatOf, type ModelBody, type ModelFormat } from './model-body.js';
import { issuesFromTransformerError, ModelSourceError } from './model-source-error.js';
import { loadModularModel } from './modular-model.js';

/** Parses DSL or JSON model text; `file` only labels errors. */
export function parseModelText(text: string, format: Exclude<ModelFormat, 'modular'>, file?: string): ModelBody {
  if (format === 'json') {
    try {
      const parsed = JSON.parse(text) as Partial<ModelBody> & { authorization_model?: ModelBody };
      // Accept both a bare model and a ReadAuthorizationModel response ({ authorization_model }).
      const model = parsed.authorization_model ?? parsed;
      return { schema_version: model.schema_version ?? '1.1', type_definitions: model.type_definitions ?? [], conditions: model.conditions };
    } catch (error) {
      throw new ModelSourceError([{ file, message: `invalid JSON model: ${(error as Error).message}` }]);
    }
  }
  try {
    return transformer.transformDSLToJSONObject(text) as unknown as ModelBody;
  } catch (error) {
    throw new ModelSourceError(issuesFromTransformerError(error, file));
  }
}

export async function loadModelFile(path: string): Promise<ModelBody> {
  const format = modelFormatOf(path);
  if (format === 'modular') return loadModularModel(path);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new ModelSourceError([{ file: path, message: `cannot read model file: ${(error as Error).message}` }]);
  }
  return parseModelText(text, format, path);
}
