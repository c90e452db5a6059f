// Public Check: validates the request (OpenFGA's order: request tuple, then contextual tuples) and
// resolves it. A cycle answers false; errors surface as FgaError.
import { validateCheckRequest } from '../model/validate-request.js';
import { validateContextualTuples } from '../model/validate-tuple.js';
import type { ResolveContext } from './context.js';
import { newRequestState } from './request-state.js';
import { resolveCheck } from './check-resolver.js';

export interface CheckRequest { object: string; relation: string; user: string }

/** OpenFGA Check. Throws FgaError (validation_error, invalid_tuple, authorization_model_resolution_too_complex). */
export async function check(ctx: ResolveContext, req: CheckRequest): Promise<boolean> {
  validateCheckRequest(ctx.typesystem, req);
  validateContextualTuples(ctx.typesystem, ctx.contextualTuples, 'check');
  const state = newRequestState(ctx);
  const outcome = await resolveCheck(state, req, 0, undefined);
  state.finished = true;
  if (outcome.error) throw outcome.error;
  return outcome.allowed;
}
