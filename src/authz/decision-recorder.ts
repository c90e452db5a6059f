// Authorisation decisions on children's records are logged, every one (issue: auditors ask "who read
// which profile, when, allowed or denied"). Authz collects them per request and starts writing them at
// once (while the request goes on with its SQL); the route wrapper waits for the write before the
// response leaves, so a read whose decision cannot be recorded is not served. Concurrent requests'
// decisions share one INSERT (group commit): one statement per write in flight, not per request.
// These are checks. A list's one decision covered every record it showed: it is one entry naming them
// all (per club), not one per record, so a page of 50 profiles costs one row, not 50, and the page logs
// it itself, in the statement that reads it (PageDecision, modules/shared/sql-page.ts).

/** A check's answer on a child's record. */
export interface Decision {
  at: Date;
  userId: string;
  relation: string;
  object: string;
  allowed: boolean;
}

/** Who is shown a page, for the page statement to log its decision (modules/shared/sql-page.ts). */
export interface PageDecision {
  user_id: string;
  relation: string;
  route: string | null;
  request_id: string | null;
}

export interface DecisionContext {
  /** "GET /v1/members/:memberId": which endpoint asked. */
  route?: string;
  requestId?: string;
}

export type RecordedDecision = Decision & DecisionContext;

/** Where decisions go (the audit module's table); `records` says which objects are children's records. */
export interface DecisionLog {
  records(object: string): boolean;
  write(decisions: RecordedDecision[]): Promise<void>;
}

/**
 * Writes decisions as they come: the first waits for nothing; those arriving while a write is in
 * flight go together in the next one. Each caller learns whether *its* decisions were stored.
 */
export class GroupCommitDecisionWriter {
  private queued: Array<{ decisions: RecordedDecision[]; settle(error?: unknown): void }> = [];
  private writing = false;

  constructor(readonly log: DecisionLog) {}

  submit(decisions: RecordedDecision[]): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queued.push({ decisions, settle: (error) => (error === undefined ? resolve() : reject(error)) });
      if (!this.writing) this.writeQueued();
    });
  }

  private writeQueued(): void {
    const batch = this.queued;
    this.queued = [];
    this.writing = true;
    this.log.write(batch.flatMap((b) => b.decisions)).then(
      () => batch.forEach((b) => b.settle()),
      (error: unknown) => batch.forEach((b) => b.settle(error ?? new Error('decision log write failed'))),
    ).finally(() => {
      this.writing = false;
      if (this.queued.length) this.writeQueued();
    });
  }
}

/** One request's decisions: each goes to the writer as soon as it is made; `flush` waits for them all. */
export class DecisionBuffer {
  private readonly writes: Array<Promise<void>> = [];

  constructor(
    private readonly writer: GroupCommitDecisionWriter,
    private readonly context: DecisionContext,
  ) {}

  /** A check's answer. */
  add(decision: { userId: string; relation: string; object: string; allowed: boolean }): void {
    if (!this.writer.log.records(decision.object)) return;
    this.submit([{ ...decision, at: new Date(), ...this.context }]);
  }

  /** The decision a page statement logs for a list shown to `userId` through `relation`. */
  pageDecision(userId: string, relation: string): PageDecision {
    return { user_id: userId, relation, route: this.context.route ?? null, request_id: this.context.requestId ?? null };
  }

  private submit(recorded: RecordedDecision[]): void {
    const write = this.writer.submit(recorded);
    write.catch(() => undefined); // reported by flush(); never an unhandled rejection meanwhile
    this.writes.push(write);
  }

  async flush(): Promise<void> {
    await Promise.all(this.writes.splice(0));
  }
}
