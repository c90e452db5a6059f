// Request fields our middleware adds, declared once for every module (Express module augmentation).
import type { Logger } from 'pino';

/** Who the token says the caller is, before our user record is looked up. */
export interface TokenIdentity {
  sub: string;
  email?: string;
  name?: string;
  /** The token's `email_verified` claim, when it has one (accepting an invitation by email needs it true). */
  emailVerified?: boolean;
}

/** The authenticated caller: our user id plus what the token said. Set on every request under /v1. */
export interface Caller {
  userId: string;
  sub: string;
  /** Empty when the token carried none. */
  email: string;
  name: string;
  /** True only when the token vouched for the email (`email_verified`). */
  emailVerified?: boolean;
}

/**
 * Parsed and validated input, set by `validate(...)`. Typed loosely on purpose: the route knows its schema
 * (`req.valid.body as CreateClubBody`); Express 5's `req.query` is read-only, hence a field of our own.
 */
export interface ValidatedInput {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  query: any;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  params: any;
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      /** The request id (request-id.ts): the caller's X-Request-Id, or one made up. */
      id: string;
      /** A logger carrying the request id (request-logging.ts). */
      log: Logger;
      /** Set by `validate(...)` before the handler runs. */
      valid: ValidatedInput;
      /** Set by the authentication middleware for everything under /v1 (absent on /healthz and friends). */
      caller: Caller;
    }
  }
}
