// Public ListUsers: validation (contextual tuples, target, filters), the "no possible edge" shortcut,
// expansion, then OpenFGA's outcome rules: any error fails the request, the deadline returns what was
// found, results are deduplicated and capped.
import { validateListUsersRequest } from '../model/validate-request.js';
import { validateContextualTuples } from '../model/validate-tuple.js';
import { splitObject, splitObjectRelation } from '../model/tuple-syntax.js';
import type { ResolveContext } from './context.js';
import { newRequestState } from './request-state.js';
import { ListUsersExpander, type Status } from './list-users-expand.js';

export interface UserFilter { type: string; relation?: string }
export interface ListUsersRequest { object: string; relation: string; userFilters: UserFilter[] }
export interface ListUsersOptions {
  /** 0 = unlimited; defaults to ctx.limits.listUsersMaxResults. */
  maxResults?: number;
  /** Defaults to ctx.limits.listUsersDeadlineMs. 0 = none. */
  deadlineMs?: number;
}
/** OpenFGA's User JSON: exactly one key set. */
export interface FgaUser {
  object?: { type: string; id: string };
  userset?: { type: string; id: string; relation: string };
  wildcard?: { type: string };
}

/** OpenFGA ListUsers. `object` is `type:id`. */
export async function listUsers(ctx: ResolveContext, req: ListUsersRequest, opts: ListUsersOptions = {}): Promise<FgaUser[]> {
  validateContextualTuples(ctx.typesystem, ctx.contextualTuples, 'listUsers');
  validateListUsersRequest(ctx.typesystem, req);
  const state = newRequestState(ctx);
  const maxResults = opts.maxResults ?? state.limits.listUsersMaxResults;
  const deadlineMs = opts.deadlineMs ?? state.limits.listUsersDeadlineMs;
  const filter = req.userFilters[0];
  const objectType = splitObject(req.object)[0];

  const filterIsTarget = filter.type === objectType && (filter.relation ?? '') === req.relation;
  if (!filterIsTarget && !state.ts.pathExists(filter.type, filter.relation ?? '', objectType, req.relation)) return [];

  const found = new Map<string, Status>();
  const expander = new ListUsersExpander(state, filter);
  const running = expander.expand({ object: req.object, relation: req.relation, depth: 0, visited: new Set() }, (user, status) => {
    if (found.get(user) !== 'has') found.set(user, status);
  });
  running.catch(() => undefined); // a failure after the deadline has nobody left to tell

  let timer: NodeJS.Timeout | undefined;
  const deadline = deadlineMs > 0 ? new Promise<'deadline'>((resolve) => { timer = setTimeout(() => resolve('deadline'), deadlineMs); }) : undefined;
  try {
    const outcome = deadline ? await Promise.race([running, deadline]) : await running;
    if (outcome === 'deadline') expander.stopped = true;
    else if (outcome.errors.length > 0) throw outcome.errors[0];
  } finally {
    clearTimeout(timer);
  }

  const users: FgaUser[] = [];
  for (const [user, status] of found) {
    if (status !== 'has') continue;
    users.push(toFgaUser(user));
    if (maxResults > 0 && users.length >= maxResults) break;
  }
  return users;
}

function toFgaUser(user: string): FgaUser {
  const [object, relation] = splitObjectRelation(user);
  const [type, id] = splitObject(object);
  if (relation) return { userset: { type, id, relation } };
  if (id === '*') return { wildcard: { type } };
  return { object: { type, id } };
}
