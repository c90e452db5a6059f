// OpenFGA Expand (pkg/server/commands/expand.go): one level of the relation's userset tree. Direct
// users are listed (valid tuples only, conditions not evaluated), computed usersets and
// tuple-to-usersets are named, not followed.
import type { Userset } from '../types.js';
import { FgaError } from '../errors.js';
import { validateExpandRequest } from '../model/validate-request.js';
import { splitObject, splitObjectRelation } from '../model/tuple-syntax.js';
import { computedName, rewriteKind, tuplesetName } from '../model/rewrites.js';
import type { ResolveContext } from './context.js';
import { newRequestState, type RequestState } from './request-state.js';

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
  validateExpandRequest(ctx.typesystem, req);
  const state = newRequestState(ctx);
  const info = state.ts.getRelation(splitObject(req.object)[0], req.relation)!;
  return { tree: { root: await expandRewrite(state, req, info.rewrite) } };
}

async function expandRewrite(state: RequestState, req: ExpandRequest, rewrite: Userset): Promise<UsersetTreeNode> {
  const name = `${req.object}#${req.relation}`;
  switch (rewriteKind(rewrite)) {
    case 'this': {
      const tuples = await state.reader.usersetTuples(req.object, req.relation);
      return { name, leaf: { users: { users: [...new Set(tuples.map((t) => t.user))] } } };
    }
    case 'computed':
      return { name, leaf: { computed: { userset: `${req.object}#${rewrite.computedUserset!.relation}` } } };
    case 'ttu': {
      const tupleset = tuplesetName(rewrite.tupleToUserset!);
      const target = computedName(rewrite.tupleToUserset!);
      const tuples = await state.reader.usersetTuples(req.object, tupleset);
      const computed = [...new Set(tuples.map((t) => `${splitObjectRelation(t.user)[0]}#${target}`))].map((userset) => ({ userset }));
      return { name, leaf: { tupleToUserset: { tupleset: `${req.object}#${tupleset}`, computed } } };
    }
    case 'union':
      return { name, union: { nodes: await Promise.all(rewrite.union!.child.map((c) => expandRewrite(state, req, c))) } };
    case 'intersection':
      return { name, intersection: { nodes: await Promise.all(rewrite.intersection!.child.map((c) => expandRewrite(state, req, c))) } };
    case 'difference': {
      const [base, subtract] = await Promise.all([
        expandRewrite(state, req, rewrite.difference!.base),
        expandRewrite(state, req, rewrite.difference!.subtract),
      ]);
      return { name, difference: { base, subtract } };
    }
    default:
      throw new FgaError('unsupported_user_set', 'Unsupported userset type');
  }
}
