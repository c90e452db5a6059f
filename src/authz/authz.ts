import { ConsistencyPreference, type OpenFgaClient } from '@openfga/sdk';
import { AppError } from '../http/errors.js';

export interface AuthorizeOptions {
  /** The relation that makes the object visible; without it the caller gets `notFound` instead of 403. */
  visibleWith: string;
  notFound: () => Error;
}

const userRef = (userId: string) => `user:${userId}`;
// Children's data: a revocation must hold on the very next request, so never read from a cache.
const consistency = ConsistencyPreference.HigherConsistency;

/**
 * The only door to authorisation decisions: "can user U do R on O?" answered by OpenFGA through the SDK.
 * Lists ask once (list-objects), never once per row. A per-request instance memoises answers.
 */
export class Authz {
  private readonly memo = new Map<string, Promise<boolean>>();

  constructor(private readonly client: OpenFgaClient) {}

  /** A fresh instance with an empty memo, for one request. */
  forRequest(): Authz {
    return new Authz(this.client);
  }

  check(userId: string, relation: string, object: string): Promise<boolean> {
    const key = `${object}#${relation}@${userId}`;
    let answer = this.memo.get(key);
    if (!answer) {
      answer = guard(() => this.client.check({ user: userRef(userId), relation, object }, { consistency })).then((r) => r.allowed === true);
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
}

async function guard<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw Object.assign(new AppError('unavailable', 'Authorization service unavailable, try again', undefined, 'authorization_unavailable'), { cause: error });
  }
}
