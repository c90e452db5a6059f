import { FgaApiValidationError, type OpenFgaClient } from '@openfga/sdk';
import { AppError } from '../http/errors.js';
import { CheckBatcher } from './check-batcher.js';
import { DecisionBuffer, GroupCommitDecisionWriter, type DecisionContext, type DecisionLog, type PageDecision } from './decision-recorder.js';
import type { UsersetTreeNode } from './explain-access.js';
import { consistency } from './fga-client.js';

export interface AuthorizeOptions {
  /** The relation that makes the object visible; without it the caller gets `notFound` instead of 403. */
  visibleWith: string;
  notFound: () => Error;
}

const userRef = (userId: string) => `user:${userId}`;

/**
 * The only door to authorisation decisions: "can user U do R on O?" answered by OpenFGA through the SDK.
 * Lists ask once (list-objects), never once per row. A per-request instance memoises answers and
 * collects the decisions on children's records for the decision log.
 */
export class Authz {
  private readonly memo = new Map<string, Promise<boolean>>();

  constructor(
    private readonly client: OpenFgaClient,
    private readonly decisionWriter?: GroupCommitDecisionWriter,
    private readonly decisions?: DecisionBuffer,
    // Shared by every request of the process: concurrent requests' checks leave as one BatchCheck.
    private readonly checks = new CheckBatcher(client),
  ) {}

  /** The same door, logging decisions on children's records to `log`. */
  withDecisionLog(log: DecisionLog): Authz {
    return new Authz(this.client, new GroupCommitDecisionWriter(log), undefined, this.checks);
  }

  /** A fresh instance with an empty memo (and decision buffer), for one request. */
  forRequest(context: DecisionContext = {}): Authz {
    return new Authz(this.client, this.decisionWriter, this.decisionWriter && new DecisionBuffer(this.decisionWriter, context), this.checks);
  }

  /** Writes the request's decisions; the route wrapper calls it before answering. */
  async flushDecisions(): Promise<void> {
    await this.decisions?.flush();
  }

  check(userId: string, relation: string, object: string): Promise<boolean> {
    const key = `${object}#${relation}@${userId}`;
    let answer = this.memo.get(key);
    if (!answer) {
      answer = guard(() => this.checks.check({ user: userRef(userId), relation, object })).then((allowed) => {
        this.decisions?.add({ userId, relation, object, allowed });
        return allowed;
      });
      this.memo.set(key, answer);
    }
    return answer;
  }

  /** Allowed → returns; visible but not allowed → 403; not visible → the caller's 404. */
  async authorize(userId: string, relation: string, object: string, opts: AuthorizeOptions): Promise<void> {
    if (await this.check(userId, relation, object)) return;
    if (relation !== opts.visibleWith && (await this.check(userId, opts.visibleWith, object))) {
      throw new AppError('forbidden', `You may not do this on ${object.split(':')[0]} ${object.slice(object.indexOf(':') + 1)}`, undefined, 'forbidden');
    }
    throw opts.notFound();
  }

  /** Visible → returns; otherwise the caller's 404. */
  async requireVisible(userId: string, relation: string, object: string, notFound: () => Error): Promise<void> {
    if (!(await this.check(userId, relation, object))) throw notFound();
  }

  /** Ids (without the `type:` prefix) of every object of `type` the user has `relation` on: one list-objects call. */
  async listObjectIds(userId: string, relation: string, type: string): Promise<string[]> {
    const response = await guard(() => this.client.listObjects({ user: userRef(userId), relation, type }, { consistency }));
    return response.objects.map((o) => o.slice(type.length + 1));
  }

  /**
   * The decision a list's page logs in the statement reading it (modules/shared/sql-page.ts): the list's
   * one decision covered every record the page shows. Undefined where decisions are not logged.
   */
  pageDecision(userId: string, relation: string): PageDecision | undefined {
    return this.decisions?.pageDecision(userId, relation);
  }

  /** Of `objects`, those the user has `relation` on: one batch-check request, not a check per object. */
  async allowedAmong(userId: string, relation: string, objects: string[]): Promise<Set<string>> {
    if (!objects.length) return new Set();
    const response = await guard(() => this.client.batchCheck({ checks: objects.map((object) => ({ user: userRef(userId), relation, object })) }, { consistency }));
    const failed = response.result.find((r) => r.error);
    if (failed) throw Object.assign(new AppError('unavailable', 'Authorization service unavailable, try again', undefined, 'authorization_unavailable'), { cause: failed.error });
    return new Set(response.result.filter((r) => r.allowed).map((r) => r.request.object));
  }

  /** Every user (of type `user`, or everyone through `user:*`) with `relation` on `object`: one list-users call. */
  async listUsers(object: string, relation: string): Promise<string[]> {
    const [type, id] = [object.slice(0, object.indexOf(':')), object.slice(object.indexOf(':') + 1)];
    const response = await guard(() => this.client.listUsers({ object: { type, id }, relation, user_filters: [{ type: 'user' }] }, { consistency }));
    return response.users.map((u) => (u.object ? `${u.object.type}:${u.object.id}` : u.wildcard ? `${u.wildcard.type}:*` : `${u.userset!.type}:${u.userset!.id}#${u.userset!.relation}`));
  }

  /** One level of the userset tree of `object#relation` (OpenFGA Expand). */
  async expand(object: string, relation: string): Promise<UsersetTreeNode> {
    const response = await guard(() => this.client.expand({ object, relation }, { consistency }));
    return response.tree!.root as UsersetTreeNode;
  }
}

async function guard<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    // A question the model cannot answer (a type or relation it lacks): the asker's mistake, not an outage.
    if (error instanceof FgaApiValidationError) {
      throw Object.assign(new AppError('validation', `The permission model cannot answer this: ${error.apiErrorMessage ?? error.message}`, undefined, 'invalid_authorization_query'), { cause: error });
    }
    throw Object.assign(new AppError('unavailable', 'Authorization service unavailable, try again', undefined, 'authorization_unavailable'), { cause: error });
  }
}
