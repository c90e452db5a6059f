import type { AuthorizationModel } from '../../../fga-engine/types.js';

/** A model as WriteAuthorizationModel takes it: everything but the id the server assigns. */
export type ModelBody = Omit<AuthorizationModel, 'id'>;

export type ModelFormat = 'dsl' | 'json' | 'modular';

/** Format by file name, as OpenFGA's CLI decides it: `fga.mod` → modular, `*json` → JSON, else DSL. */
export function modelFormatOf(fileName: string): ModelFormat {
  if (fileName.endsWith('fga.mod')) return 'modular';
  if (fileName.endsWith('json')) return 'json';
  return 'dsl';
}
