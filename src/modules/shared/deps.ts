import type { Logger } from 'pino';
import type { Authz } from '../../authz/authz.js';
import type { SqlReader } from '../../db/sql-reader.js';
import type { UnitOfWork } from '../../db/unit-of-work.js';

/** What every command and query handler gets: the unit of work (writes and reads) and the authorisation door. */
export interface ModuleDeps {
  uow: UnitOfWork;
  /** Prepared read statements for the queries every screen hits (db/sql-reader.ts). */
  sql: SqlReader;
  authz: Authz;
  logger: Logger;
  /** Where links in emails point (PUBLIC_BASE_URL, e.g. an invitation's accept link). */
  publicBaseUrl?: string;
}

/** The signed-in user making the request. */
export interface Caller {
  userId: string;
  sub: string;
  email: string;
  name: string;
  /** True only when the token vouched for the email (`email_verified`); accepting invitations needs it. */
  emailVerified?: boolean;
}
