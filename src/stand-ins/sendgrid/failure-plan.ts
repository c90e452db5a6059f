// How the stand-in misbehaves on purpose, so tests can prove retries and the unknown-outcome path:
//   error            answer `status` (5xx, 429…) with a SendGrid-shaped body; nothing is accepted
//   hang             never answer (the client times out); nothing is accepted
//   accept-and-hang  accept and keep the message (and post its events), but never answer: the case
//                    where SendGrid took it and the answer was lost
export type FailureMode = { kind: 'error'; status: number } | { kind: 'hang' } | { kind: 'accept-and-hang' };

export class FailurePlan {
  private mode: FailureMode | undefined;
  /** undefined → until reset. */
  private remaining: number | undefined;

  set(mode: FailureMode, count?: number): void {
    this.mode = mode;
    this.remaining = count;
  }

  reset(): void {
    this.mode = undefined;
    this.remaining = undefined;
  }

  /** The failure for the request at hand, if any (consumes one of the counted ones). */
  take(): FailureMode | undefined {
    if (!this.mode) return undefined;
    const mode = this.mode;
    if (this.remaining !== undefined && --this.remaining <= 0) this.reset();
    return mode;
  }

  state(): { mode: FailureMode | null; remaining: number | null } {
    return { mode: this.mode ?? null, remaining: this.remaining ?? null };
  }
}
