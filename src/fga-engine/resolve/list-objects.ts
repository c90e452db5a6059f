// Public ListObjects: validation in OpenFGA's order (contextual tuples, target, user), then reverse
// expansion with the result cap and the deadline (partial results on timeout, like OpenFGA).
import { validateListObjectsRequest } from '../model/validate-request.js';
import { validateContextualTuples } from '../model/validate-tuple.js';
import { splitObject, splitObjectRelation, isObjectRelation } from '../model/tuple-syntax.js';
import type { ResolveContext } from './context.js';
import { newRequestState } from './request-state.js';
import { ReverseExpansion } from './reverse-expand.js';

export interface ListObjectsRequest { type: string; relation: string; user: string }
export interface ListObjectsOptions {
  /** 0 = unlimited; defaults to ctx.limits.listObjectsMaxResults. */
  maxResults?: number;
  /** Partial results after this; defaults to ctx.limits.listObjectsDeadlineMs. 0 = none. */
  deadlineMs?: number;
  /** Called once per object as it is found (streamed-list-objects). */
  onObject?: (object: string) => void;
}

/** OpenFGA ListObjects: the `type:id` objects the user has `relation` on, deduplicated. */
export async function listObjects(ctx: ResolveContext, req: ListObjectsRequest, opts: ListObjectsOptions = {}): Promise<string[]> {
  validateContextualTuples(ctx.typesystem, ctx.contextualTuples, 'listObjects');
  validateListObjectsRequest(ctx.typesystem, req);
  const state = newRequestState(ctx);
  const maxResults = opts.maxResults ?? state.limits.listObjectsMaxResults;
  const deadlineMs = opts.deadlineMs ?? state.limits.listObjectsDeadlineMs;

  const [userObject, userRelation] = isObjectRelation(req.user) ? splitObjectRelation(req.user) : [req.user, ''];
  if (!state.ts.pathExists(splitObject(userObject)[0], userRelation, req.type, req.relation)) return [];

  const expansion = new ReverseExpansion(state, { type: req.type, relation: req.relation }, req.user, { maxResults, onObject: opts.onObject });
  if (deadlineMs <= 0) return expansion.run().finally(() => { state.finished = true; });
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<'deadline'>((resolve) => {
    timer = setTimeout(() => resolve('deadline'), deadlineMs);
  });
  const running = expansion.run();
  running.catch(() => undefined); // a failure after the deadline has nobody left to tell
  try {
    const outcome = await Promise.race([running, deadline]);
    if (outcome === 'deadline') {
      expansion.stopped = true;
      return [...expansion.results];
    }
    return outcome;
  } finally {
    clearTimeout(timer);
    // Candidate checks still in flight (after the cap or the deadline) stop reading.
    state.finished = true;
  }
}
