import type { ResolveContext } from './context.js';

export interface UserFilter { type: string; relation?: string }
export interface ListUsersRequest { object: string; relation: string; userFilters: UserFilter[] }
export interface ListUsersOptions {
  /** 0 = unlimited; defaults to ctx.limits.listUsersMaxResults. */
  maxResults?: number;
  /** Defaults to ctx.limits.listUsersDeadlineMs. */
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
  void ctx; void req; void opts;
  throw new Error('not implemented');
}
