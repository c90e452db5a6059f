import type { ResolveContext } from './context.js';

export interface ExpandRequest { object: string; relation: string }

/** OpenFGA's UsersetTree.Node JSON: exactly one of leaf / difference / union / intersection. */
export interface UsersetTreeNode {
  name: string;
  leaf?: {
    users?: { users: string[] };
    computed?: { userset: string };
    tupleToUserset?: { tupleset: string; computed: Array<{ userset: string }> };
  };
  difference?: { base: UsersetTreeNode; subtract: UsersetTreeNode };
  union?: { nodes: UsersetTreeNode[] };
  intersection?: { nodes: UsersetTreeNode[] };
}
export interface UsersetTree { root: UsersetTreeNode }
export interface ExpandResponse { tree: UsersetTree }

export async function expand(ctx: ResolveContext, req: ExpandRequest): Promise<ExpandResponse> {
  void ctx; void req;
  throw new Error('not implemented');
}
