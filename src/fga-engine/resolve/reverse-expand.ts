// List-objects by reverse expansion (OpenFGA's reverseexpand): starting from the user, follow the
// model backwards round by round, each round issuing one batched readStartingWithUser per relation,
// until the target relation is reached. Results from intersection/exclusion paths are only
// candidates and are confirmed with a full Check.
import { splitObject, splitObjectRelation, isObjectRelation } from '../model/tuple-syntax.js';
import type { TupleKey } from '../types.js';
import { conditionHolds, tooComplex, type RequestState } from './request-state.js';
import { reverseEdgesOf } from './reverse-edges.js';
import { resolveCheck } from './check-resolver.js';
import { Limiter } from './limiter.js';

export interface ReverseExpandLimits {
  /** 0 = unlimited. */
  maxResults: number;
  onObject?: (object: string) => void;
}

interface Reach {
  /** `obj#rel` the user is (possibly) a member of. */
  node: string;
  needsCheck: boolean;
}

/** Per read key (`objectType#relation`), per user string: the memberships a matching tuple grants. */
type PlannedReads = Map<string, Map<string, Array<{ relation: string; needsCheck: boolean }>>>;

const USERS_PER_READ = 500;
const CHECK_CONCURRENCY = 16;

export class ReverseExpansion {
  readonly results: string[] = [];
  private readonly found = new Set<string>();
  private readonly checking = new Set<string>();
  private readonly visited = new Map<string, boolean>();
  private readonly checks: Promise<void>[] = [];
  private readonly limiter = new Limiter(CHECK_CONCURRENCY);
  private error: Error | undefined;
  stopped = false;

  constructor(
    private readonly state: RequestState,
    private readonly target: { type: string; relation: string },
    private readonly user: string,
    private readonly limits: ReverseExpandLimits,
  ) {}

  /** Runs to completion (or until stopped); throws the first traversal error unless the result cap was hit. */
  async run(): Promise<string[]> {
    let frontier: Reach[] = [];
    let reads: PlannedReads = new Map();
    if (isObjectRelation(this.user)) {
      frontier = [{ node: this.user, needsCheck: false }];
      this.visited.set(this.user, false);
    } else {
      this.planStartReads(reads);
    }
    for (let depth = 0; !this.stopped; depth++) {
      this.expandComputed(frontier);
      for (const reach of frontier) this.planReads(reach, reads);
      if (reads.size === 0) break;
      if (depth >= this.state.limits.resolveDepth) throw tooComplex();
      frontier = await this.performReads(reads);
      reads = new Map();
    }
    await Promise.all(this.checks);
    if (this.error && !this.capReached()) throw this.error;
    return this.results;
  }

  private capReached(): boolean {
    return this.limits.maxResults > 0 && this.results.length >= this.limits.maxResults;
  }

  /** A plain user matches tuples naming it or its type's wildcard; `T:*` only wildcard tuples. */
  private planStartReads(reads: PlannedReads): void {
    const [userType, userId] = splitObject(this.user);
    const labels = userId === '*' ? [`${userType}:*`] : [userType, `${userType}:*`];
    for (const label of labels) {
      const userString = label.endsWith(':*') ? label : this.user;
      for (const edge of reverseEdgesOf(this.state.ts, label)) {
        if (edge.kind !== 'direct' || !this.leadsToTarget(edge.objectType, edge.relation)) continue;
        plan(reads, `${edge.objectType}#${edge.relation}`, userString, edge.relation, edge.needsCheck);
      }
    }
  }

  private leadsToTarget(type: string, relation: string): boolean {
    return this.state.ts.pathExists(type, relation, this.target.type, this.target.relation);
  }

  /** Emits targets and follows computed edges (no read needed) until nothing new appears. */
  private expandComputed(frontier: Reach[]): void {
    for (let i = 0; i < frontier.length; i++) {
      const { node, needsCheck } = frontier[i];
      const [object, relation] = splitObjectRelation(node);
      const type = splitObject(object)[0];
      if (type === this.target.type && relation === this.target.relation) this.candidate(object, needsCheck);
      for (const edge of reverseEdgesOf(this.state.ts, `${type}#${relation}`)) {
        if (edge.kind !== 'computed' || !this.leadsToTarget(type, edge.relation)) continue;
        const next = { node: `${object}#${edge.relation}`, needsCheck: needsCheck || edge.needsCheck };
        if (this.markVisited(next)) frontier.push(next);
      }
    }
  }

  private planReads({ node, needsCheck }: Reach, reads: PlannedReads): void {
    const [object, relation] = splitObjectRelation(node);
    for (const edge of reverseEdgesOf(this.state.ts, `${splitObject(object)[0]}#${relation}`)) {
      if (edge.kind === 'computed' || !this.leadsToTarget(edge.objectType, edge.relation)) continue;
      const flag = needsCheck || edge.needsCheck;
      if (edge.kind === 'direct') plan(reads, `${edge.objectType}#${edge.relation}`, node, edge.relation, flag);
      else plan(reads, `${edge.objectType}#${edge.tupleset}`, object, edge.relation, flag);
    }
  }

  private async performReads(reads: PlannedReads): Promise<Reach[]> {
    const next: Reach[] = [];
    const batches: Array<Promise<void>> = [];
    for (const [key, byUser] of reads) {
      const [objectType, relation] = key.split('#');
      const users = [...byUser.keys()];
      for (let i = 0; i < users.length; i += USERS_PER_READ) {
        const chunk = users.slice(i, i + USERS_PER_READ);
        batches.push(this.state.reader.startingWithUser(objectType, relation, chunk).then((tuples) => {
          for (const tk of tuples) this.follow(tk, byUser.get(tk.user) ?? [], next);
        }));
      }
    }
    await Promise.all(batches);
    return next;
  }

  private follow(tk: TupleKey, grants: Array<{ relation: string; needsCheck: boolean }>, next: Reach[]): void {
    if (this.stopped || grants.length === 0) return;
    try {
      if (!conditionHolds(this.state, tk)) return;
    } catch (e) {
      this.error ??= e as Error;
      return;
    }
    for (const grant of grants) {
      const reach = { node: `${tk.object}#${grant.relation}`, needsCheck: grant.needsCheck };
      if (this.markVisited(reach)) next.push(reach);
    }
  }

  /** True when the reach is new, or now reached without needing a check. */
  private markVisited({ node, needsCheck }: Reach): boolean {
    const seen = this.visited.get(node);
    if (seen === undefined || (seen && !needsCheck)) {
      this.visited.set(node, needsCheck);
      return true;
    }
    return false;
  }

  private candidate(object: string, needsCheck: boolean): void {
    if (this.stopped || this.found.has(object)) return;
    if (!needsCheck) {
      this.accept(object);
      return;
    }
    if (this.checking.has(object)) return;
    this.checking.add(object);
    this.checks.push(this.limiter.run(async () => {
      if (this.stopped || this.found.has(object)) return;
      const outcome = await resolveCheck(this.state, { object, relation: this.target.relation, user: this.user }, 0, undefined);
      if (outcome.error) this.error ??= outcome.error;
      else if (outcome.allowed) this.accept(object);
    }));
  }

  private accept(object: string): void {
    if (this.stopped || this.found.has(object)) return;
    this.found.add(object);
    this.results.push(object);
    this.limits.onObject?.(object);
    if (this.capReached()) this.stopped = true;
  }
}

function plan(reads: PlannedReads, key: string, user: string, relation: string, needsCheck: boolean): void {
  let byUser = reads.get(key);
  if (!byUser) reads.set(key, (byUser = new Map()));
  const grants = byUser.get(user) ?? [];
  const same = grants.find((g) => g.relation === relation);
  if (same) same.needsCheck &&= needsCheck;
  else grants.push({ relation, needsCheck });
  byUser.set(user, grants);
}
