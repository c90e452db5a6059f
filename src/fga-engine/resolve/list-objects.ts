import type { ResolveContext } from './context.js';

export interface ListObjectsRequest { type: string; relation: string; user: string }
export interface ListObjectsOptions {
  /** 0 = unlimited; defaults to ctx.limits.listObjectsMaxResults. */
  maxResults?: number;
  /** Partial results after this; defaults to ctx.limits.listObjectsDeadlineMs. */
  deadlineMs?: number;
  /** Called once per object as it is found (streamed-list-objects). */
  onObject?: (object: string) => void;
}

/** OpenFGA ListObjects: the `type:id` objects the user has `relation` on, deduplicated. */
export async function listObjects(ctx: ResolveContext, req: ListObjectsRequest, opts: ListObjectsOptions = {}): Promise<string[]> {
  void ctx; void req; void opts;
  throw new Error('not implemented');
}
