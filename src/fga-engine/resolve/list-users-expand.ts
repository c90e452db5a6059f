// ListUsers expansion (pkg/server/commands/listusers/list_users_rpc.go): expand `object#relation`
// forwards through its rewrite, sending each user found to a sink with a relationship status. Set
// operators collect their operands' users and apply OpenFGA's wildcard and exclusion rules.
import type { Userset } from '../types.js';
import { splitObject, splitObjectRelation, isTypedWildcard } from '../model/tuple-syntax.js';
import { computedName, rewriteKind, tuplesetName } from '../model/rewrites.js';
import { conditionHolds, tooComplex, type RequestState } from './request-state.js';

export type Status = 'has' | 'not';
/** `excluded`: users an exclusion under a base wildcard removed, so an enclosing intersection drops them. */
export type Sink = (user: string, status: Status, excluded?: ReadonlySet<string>) => void;

/** What one operand of a set operator produced. */
interface Operand {
  users: Map<string, Status>;
  excluded: Set<string>;
}

export interface ExpandResult {
  /** Reached an `object#relation` already on this path (only passed up through direct and computed). */
  cycle?: boolean;
  errors: Error[];
}

export interface ListUsersFilter {
  type: string;
  relation?: string;
}

interface Request {
  object: string;
  relation: string;
  depth: number;
  visited: ReadonlySet<string>;
}

const NONE: ExpandResult = { errors: [] };

export class ListUsersExpander {
  private readonly wildcardKey: string;
  stopped = false;

  constructor(private readonly state: RequestState, private readonly filter: ListUsersFilter) {
    this.wildcardKey = `${filter.type}:*`;
  }

  /** `expand` of OpenFGA: depth (every call counts), cycle, filter match, then the rewrite. */
  async expand(req: Request, sink: Sink): Promise<ExpandResult> {
    if (this.stopped) return NONE;
    if (req.depth >= this.state.limits.resolveDepth) return { errors: [tooComplex()] };
    const key = `${req.object}#${req.relation}`;
    if (req.visited.has(key)) return { cycle: true, errors: [] };
    const next: Request = { ...req, depth: req.depth + 1, visited: new Set(req.visited).add(key) };
    const type = splitObject(req.object)[0];
    if (type === this.filter.type && req.relation === this.filter.relation) sink(key, 'has');
    const info = this.state.ts.getRelation(type, req.relation);
    if (!info) return NONE;
    return this.expandRewrite(next, info.rewrite, sink);
  }

  private expandRewrite(req: Request, rewrite: Userset, sink: Sink): Promise<ExpandResult> {
    switch (rewriteKind(rewrite)) {
      case 'this':
        return this.expandDirect(req, sink);
      case 'computed':
        return this.expand({ ...req, relation: rewrite.computedUserset!.relation ?? '' }, sink);
      case 'ttu':
        return this.expandTupleToUserset(req, tuplesetName(rewrite.tupleToUserset!), computedName(rewrite.tupleToUserset!), sink);
      case 'union':
        return this.expandUnion(req, rewrite.union!.child, sink);
      case 'intersection':
        return this.expandIntersection(req, rewrite.intersection!.child, sink);
      case 'difference':
        return this.expandExclusion(req, rewrite.difference!.base, rewrite.difference!.subtract, sink);
      default:
        return Promise.resolve(NONE);
    }
  }

  private async expandDirect(req: Request, sink: Sink): Promise<ExpandResult> {
    const tuples = await this.state.reader.usersetTuples(req.object, req.relation);
    const errors: Error[] = [];
    const dispatches: Promise<ExpandResult>[] = [];
    for (const tk of tuples) {
      if (!this.holds(tk, errors)) continue;
      const [userObject, userRelation] = splitObjectRelation(tk.user);
      if (!userRelation) {
        // As OpenFGA: a plain user (or `T:*`) is sent when its type is the filter's type.
        if (splitObject(userObject)[0] === this.filter.type) sink(userObject, 'has');
        continue;
      }
      dispatches.push(this.expand({ ...req, object: userObject, relation: userRelation }, sink));
    }
    const results = await Promise.all(dispatches);
    return { cycle: results.some((r) => r.cycle), errors: errors.concat(...results.map((r) => r.errors)) };
  }

  private async expandTupleToUserset(req: Request, tupleset: string, computed: string, sink: Sink): Promise<ExpandResult> {
    const tuples = await this.state.reader.usersetTuples(req.object, tupleset);
    const errors: Error[] = [];
    const dispatches: Promise<ExpandResult>[] = [];
    for (const tk of tuples) {
      if (!this.holds(tk, errors)) continue;
      dispatches.push(this.expand({ ...req, object: tk.user, relation: computed }, sink));
    }
    const results = await Promise.all(dispatches);
    return { errors: errors.concat(...results.map((r) => r.errors)) };
  }

  private holds(tk: Parameters<typeof conditionHolds>[1], errors: Error[]): boolean {
    try {
      return conditionHolds(this.state, tk);
    } catch (e) {
      errors.push(e as Error);
      return false;
    }
  }

  /** Runs each operand into its own map of users (a 'has' wins over a 'not' for the same user). */
  private async collectOperands(req: Request, operands: Userset[]): Promise<{ collected: Operand[]; results: ExpandResult[] }> {
    const collected = operands.map(newOperand);
    const results = await Promise.all(operands.map((operand, i) => this.expandRewrite(req, operand, collectInto(collected[i]))));
    return { collected, results };
  }

  private async expandUnion(req: Request, operands: Userset[], sink: Sink): Promise<ExpandResult> {
    const { collected, results } = await this.collectOperands(req, operands);
    // Excluded only when every operand excluded the user.
    const excluded = new Set([...collected[0].excluded].filter((u) => collected.every((o) => o.excluded.has(u))));
    const sent = new Set<string>();
    for (const { users } of collected) {
      for (const [user, status] of users) {
        if (status === 'has' && !sent.has(user)) {
          sent.add(user);
          sink(user, 'has', excluded);
        }
      }
    }
    return { errors: results.flatMap((r) => r.errors) };
  }

  /** A user must come from every operand; an operand's `T:*` stands for every user. */
  private async expandIntersection(req: Request, operands: Userset[], sink: Sink): Promise<ExpandResult> {
    const { collected, results } = await this.collectOperands(req, operands);
    const counts = new Map<string, number>();
    const excluded = new Set<string>();
    let wildcards = 0;
    for (const { users, excluded: operandExcluded } of collected) {
      for (const user of operandExcluded) excluded.add(user);
      const hasWildcard = users.get(this.wildcardKey) === 'has';
      if (hasWildcard) wildcards++;
      for (const [user, status] of users) {
        if (status !== 'has') continue;
        counts.set(user, (counts.get(user) ?? 0) + (hasWildcard ? 0 : 1));
      }
    }
    for (const [user, count] of counts) {
      // A user a nested exclusion removed from under a wildcard is not in the intersection.
      if (count + wildcards === operands.length && !excluded.has(user)) sink(user, 'has', excluded);
    }
    return { errors: results.flatMap((r) => r.errors) };
  }

  /**
   * Base minus subtract. A subtract cycle yields nothing; a subtract `T:*` removes everyone; a base
   * `T:*` survives specific subtractions (the API cannot say "everyone but bob"), and those users
   * are sent as explicitly not related.
   */
  private async expandExclusion(req: Request, base: Userset, subtract: Userset, sink: Sink): Promise<ExpandResult> {
    const baseOperand = newOperand();
    const subtractOperand = newOperand();
    const [baseResult, subtractResult] = await Promise.all([
      this.expandRewrite(req, base, collectInto(baseOperand)),
      this.expandRewrite(req, subtract, collectInto(subtractOperand)),
    ]);
    if (subtractResult.cycle) return NONE;
    const baseUsers = baseOperand.users;
    const subtractUsers = subtractOperand.users;
    const out = new Map<string, { status: Status; excluded?: ReadonlySet<string> }>();
    const send = (user: string, status: Status, excluded?: ReadonlySet<string>) => out.set(user, { status, excluded });
    const baseWildcard = baseUsers.has(this.wildcardKey);
    const subtractWildcard = subtractUsers.has(this.wildcardKey);
    for (const [user, status] of baseUsers) {
      const subtracted = subtractUsers.get(user);
      if (baseWildcard) {
        if (subtracted === undefined && !subtractWildcard) send(user, 'has');
        for (const [subtractedUser, subtractedStatus] of subtractUsers) {
          if (isTypedWildcard(subtractedUser)) {
            if (subtracted === undefined) send(user, 'not');
            continue;
          }
          if (subtractedStatus === 'not') send(subtractedUser, 'has');
          else send(subtractedUser, 'not', new Set([subtractedUser]));
        }
      } else if (subtractWildcard || subtracted !== undefined) {
        // A user absent from the subtract (only its wildcard there) counts as subtracted.
        send(user, (subtracted ?? 'has') === 'has' ? 'not' : 'has');
      } else {
        send(user, status);
      }
    }
    for (const [user, { status, excluded }] of out) sink(user, status, excluded);
    return { errors: [...baseResult.errors, ...subtractResult.errors] };
  }
}

function newOperand(): Operand {
  return { users: new Map(), excluded: new Set() };
}

/** A 'has' wins over a 'not' for the same user. */
function collectInto(operand: Operand): Sink {
  return (user, status, excluded) => {
    if (operand.users.get(user) !== 'has') operand.users.set(user, status);
    if (excluded) for (const u of excluded) operand.excluded.add(u);
  };
}
