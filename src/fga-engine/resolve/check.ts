import type { ResolveContext } from './context.js';

export interface CheckRequest { object: string; relation: string; user: string }

/** OpenFGA Check. Throws FgaError (validation_error, invalid_tuple, authorization_model_resolution_too_complex). */
export async function check(ctx: ResolveContext, req: CheckRequest): Promise<boolean> {
  void ctx; void req;
  throw new Error('not implemented');
}
