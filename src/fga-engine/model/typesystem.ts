import type { AuthorizationModel } from '../types.js';

/** Lookups over one authorization model plus facts precomputed for fast resolution. */
export class Typesystem {
  readonly model: AuthorizationModel;
  constructor(model: AuthorizationModel) {
    this.model = model;
    throw new Error('not implemented');
  }
}

/** The (cached, by model id) typesystem of a model. Does not validate the model. */
export function typesystemFor(model: AuthorizationModel): Typesystem {
  return new Typesystem(model);
}
