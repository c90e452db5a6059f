import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { transformer } from '@openfga/syntax-transformer';

export const MODEL_FILE = fileURLToPath(new URL('../../fga/model.fga', import.meta.url));

export interface ModelFromFile {
  file: string;
  sha256: string;
  /** The model as OpenFGA's WriteAuthorizationModel body (schema_version, type_definitions, conditions). */
  body: { schema_version: string; type_definitions: unknown[]; conditions?: Record<string, unknown> };
}

/** Reads fga/model.fga (the one place that says who may do what) and converts the DSL to JSON. */
export function loadModelFile(file = MODEL_FILE): ModelFromFile {
  const dsl = readFileSync(file, 'utf8');
  const json = transformer.transformDSLToJSONObject(dsl) as unknown as ModelFromFile['body'];
  return { file, sha256: createHash('sha256').update(dsl).digest('hex'), body: json };
}
