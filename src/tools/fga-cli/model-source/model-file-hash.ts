import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { modelFormatOf } from './model-body.js';
import { readModularModelSource } from './modular-model.js';

/** sha256 of a model file as written (an fga.mod: of it and its modules, in order); /readyz shows it. */
export async function modelFileSha256(path: string): Promise<string> {
  const hash = createHash('sha256');
  if (modelFormatOf(path) === 'modular') {
    const source = await readModularModelSource(path);
    hash.update(await readFile(path));
    for (const module of source.modules) hash.update(module.contents);
  } else {
    hash.update(await readFile(path));
  }
  return hash.digest('hex');
}
