// Checks asked by concurrent requests go to OpenFGA together: those of one event-loop turn
// (server-runtime/turn-batcher.ts) leave as one BatchCheck instead of one Check each, so the SDK's
// request building, the engine's routing and its revision sync are paid once per batch. A lone check
// goes as a plain Check. Each caller still gets its own answer, or its own error: a check the batch
// could not answer — or every check of a batch OpenFGA refused as a whole (one malformed question
// must not fail the others) — is asked again on its own, so its caller sees exactly the error a plain
// Check gives.
import { FgaApiValidationError, type OpenFgaClient } from '@openfga/sdk';
import { TurnBatcher, type Asked } from '../server-runtime/turn-batcher.js';
import { consistency } from './fga-client.js';

export interface CheckQuestion {
  user: string;
  relation: string;
  object: string;
}

type AskedCheck = Asked<CheckQuestion, boolean>;

/** OpenFGA's default limit of checks per BatchCheck request; the SDK splits larger batches. */
const MAX_PER_REQUEST = 50;

export class CheckBatcher {
  private readonly turn = new TurnBatcher<CheckQuestion, boolean>((asked) => this.askTogether(asked));

  constructor(private readonly client: OpenFgaClient) {}

  check(question: CheckQuestion): Promise<boolean> {
    return this.turn.ask(`${question.object}#${question.relation}@${question.user}`, question);
  }

  private askTogether(asked: AskedCheck[]): void {
    if (asked.length === 1) {
      this.askAlone(asked[0]);
      return;
    }
    this.client
      .batchCheck({ checks: asked.map((a, i) => ({ ...a.question, correlationId: String(i) })) }, { consistency, maxBatchSize: MAX_PER_REQUEST })
      .then(
        (response) => {
          const answered = new Set<number>();
          for (const result of response.result) {
            const i = Number(result.correlationId);
            if (result.error) continue;
            answered.add(i);
            asked[i].resolve(result.allowed === true);
          }
          asked.forEach((a, i) => answered.has(i) || this.askAlone(a));
        },
        (error: unknown) => {
          if (error instanceof FgaApiValidationError) asked.forEach((a) => this.askAlone(a));
          else asked.forEach((a) => a.reject(error));
        },
      );
  }

  private askAlone(asked: AskedCheck): void {
    this.client.check(asked.question, { consistency }).then((r) => asked.resolve(r.allowed === true), asked.reject);
  }
}
