// Authorisation decisions on children's records are logged, every one (issue: auditors ask "who read
// which profile, when, allowed or denied"). Authz collects them per request; the route wrapper writes
// them before the response leaves, so a read whose decision cannot be recorded is not served.

export interface Decision {
  at: Date;
  userId: string;
  relation: string;
  object: string;
  allowed: boolean;
  /** 'check': a yes/no question; 'list': an object returned to the caller by a list. */
  source: 'check' | 'list';
}

export interface DecisionContext {
  /** "GET /v1/members/:memberId": which endpoint asked. */
  route?: string;
  requestId?: string;
}

/** Where decisions go (the audit module's table); `records` says which objects are children's records. */
export interface DecisionLog {
  records(object: string): boolean;
  write(decisions: Decision[], context: DecisionContext): Promise<void>;
}

/** One request's decisions, written together by `flush`. */
export class DecisionBuffer {
  private pending: Decision[] = [];

  constructor(
    private readonly log: DecisionLog,
    private readonly context: DecisionContext,
  ) {}

  add(decision: Omit<Decision, 'at'>): void {
    if (this.log.records(decision.object)) this.pending.push({ ...decision, at: new Date() });
  }

  async flush(): Promise<void> {
    if (!this.pending.length) return;
    const batch = this.pending;
    this.pending = [];
    await this.log.write(batch, this.context);
  }
}
