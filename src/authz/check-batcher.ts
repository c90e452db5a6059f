// Checks asked by concurrent requests go to OpenFGA together: those started in the same turn of the
// event loop (requests whose sockets became readable together) leave as one BatchCheck instead of one
// Check each, so the SDK's request building, the engine's routing and its revision sync are paid once
// per batch. A lone check goes as a plain Check. Each caller still gets its own answer, or its own
// error: a check the batch could not answer — or every check of a batch OpenFGA refused as a whole
// (one malformed question must not fail the others) — is asked again on its own, so its caller sees
// exactly the error a plain Check gives. The turn's delay (setImmediate) is microseconds.
import { ConsistencyPreference, FgaApiValidationError, type OpenFgaClient } from '@openfga/sdk';

export interface CheckQuestion {
  user: string;
  relation: string;
  object: string;
}

interface Waiting {
  question: CheckQuestion;
  resolve(allowed: boolean): void;
  reject(error: unknown): void;
}

// Children's data: a revocation must hold on the very next request, so never read from a cache.
const consistency = ConsistencyPreference.HigherConsistency;
/** OpenFGA's default limit of checks per BatchCheck request; the SDK splits larger batches. */
const MAX_PER_REQUEST = 50;

export class CheckBatcher {
  private waiting = new Map<string, Waiting[]>();
  private scheduled = false;

  constructor(private readonly client: OpenFgaClient) {}

  check(question: CheckQuestion): Promise<boolean> {
    return new Promise<boolean>((resolve, reject) => {
      const key = `${question.object}#${question.relation}@${question.user}`;
      const same = this.waiting.get(key);
      if (same) same.push({ question, resolve, reject });
      else this.waiting.set(key, [{ question, resolve, reject }]);
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    const batch = [...this.waiting.values()];
    this.waiting = new Map();
    this.scheduled = false;
    if (batch.length === 1) {
      this.askAlone(batch[0]);
      return;
    }
    this.client
      .batchCheck({ checks: batch.map((waiters, i) => ({ ...waiters[0].question, correlationId: String(i) })) }, { consistency, maxBatchSize: MAX_PER_REQUEST })
      .then(
        (response) => {
          const answered = new Set<number>();
          for (const result of response.result) {
            const i = Number(result.correlationId);
            if (result.error) continue;
            answered.add(i);
            settle(batch[i], result.allowed === true);
          }
          batch.forEach((waiters, i) => answered.has(i) || this.askAlone(waiters));
        },
        (error: unknown) => {
          if (error instanceof FgaApiValidationError) batch.forEach((waiters) => this.askAlone(waiters));
          else batch.forEach((waiters) => fail(waiters, error));
        },
      );
  }

  private askAlone(waiters: Waiting[]): void {
    this.client.check(waiters[0].question, { consistency }).then(
      (r) => settle(waiters, r.allowed === true),
      (error: unknown) => fail(waiters, error),
    );
  }
}

const settle = (waiters: Waiting[], allowed: boolean) => waiters.forEach((w) => w.resolve(allowed));
const fail = (waiters: Waiting[], error: unknown) => waiters.forEach((w) => w.reject(error));
