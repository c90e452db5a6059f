// Work that concurrent requests share: questions asked during one turn of the event loop (requests
// whose sockets became readable together) are handed over together once the turn ends (setImmediate,
// microseconds later), and equal questions — same key — are asked once and share the answer. Used for
// OpenFGA checks (authz/check-batcher.ts), and SQL lookups by key and batched pages (db/sql-reader.ts).

/** One distinct question of a turn; settling it settles everyone who asked it. */
export interface Asked<Q, A> {
  question: Q;
  resolve(answer: A): void;
  reject(error: unknown): void;
}

export class TurnBatcher<Q, A> {
  private waiting = new Map<string, { question: Q; waiters: Array<{ resolve(answer: A): void; reject(error: unknown): void }> }>();

  /** `answer` gets each turn's distinct questions and must settle every one of them. */
  constructor(private readonly answer: (asked: Array<Asked<Q, A>>) => void) {}

  ask(key: string, question: Q): Promise<A> {
    return new Promise<A>((resolve, reject) => {
      if (this.waiting.size === 0) setImmediate(() => this.handOver());
      const same = this.waiting.get(key);
      if (same) same.waiters.push({ resolve, reject });
      else this.waiting.set(key, { question, waiters: [{ resolve, reject }] });
    });
  }

  private handOver(): void {
    const turn = [...this.waiting.values()];
    this.waiting = new Map();
    this.answer(
      turn.map(({ question, waiters }) => ({
        question,
        resolve: (answer) => waiters.forEach((w) => w.resolve(answer)),
        reject: (error) => waiters.forEach((w) => w.reject(error)),
      })),
    );
  }
}
