import type { RequestHandler } from 'express';
import type { KeyObject } from 'node:crypto';
import { SENDGRID_WEBHOOK_PATH, sendgridWebhookRouter } from '../email/webhook/sendgrid-webhook-router.js';
import { UNSUBSCRIBE_PATH } from '../email/links/email-links.js';
import type { PublicRouter } from '../http/app.js';
import type { ModuleDeps } from './shared/deps.js';
import { buildRouteHandler } from './shared/route-table.js';
import { auditRoutes } from './audit/routes.js';
import { clubRoutes } from './clubs/routes.js';
import { CALENDAR_FEED_PATH, calendarFeedRouter } from './events/calendar-router.js';
import { eventRoutes } from './events/routes.js';
import { emailPreferenceRoutes } from './email-preferences/routes.js';
import { unsubscribeRouter } from './email-preferences/unsubscribe-routes.js';
import { groupRoutes } from './groups/routes.js';
import { guardianRoutes } from './guardians/routes.js';
import { invitationRoutes } from './invitations/routes.js';
import { memberRoutes } from './members/routes.js';
import { userRoutes } from './users/routes.js';

export type { ModuleDeps, Caller } from './shared/deps.js';
export { createCallerResolver } from './users/commands/resolve-caller.js';

export const allRoutes = [...userRoutes, ...clubRoutes, ...groupRoutes, ...memberRoutes, ...guardianRoutes, ...emailPreferenceRoutes, ...eventRoutes, ...invitationRoutes, ...auditRoutes];

/** Every module's token-authenticated routes as one handler bound to these dependencies. */
export function createModuleRouters(deps: ModuleDeps): RequestHandler[] {
  return [buildRouteHandler(allRoutes, deps)];
}

/** What the public routers need besides the module dependencies. */
export interface PublicRouterDeps {
  /** Signs and checks unsubscribe links. */
  linkSecret: string;
  /** Verifies SendGrid's Event Webhook; undefined → it answers 503. */
  sendgridWebhookKey: KeyObject | undefined;
}

/** Routes that authenticate by other means: SendGrid's signed Event Webhook, signed unsubscribe links, calendar-feed keys. */
export function createPublicRouters(deps: ModuleDeps, extra: PublicRouterDeps): PublicRouter[] {
  return [
    { under: SENDGRID_WEBHOOK_PATH, router: sendgridWebhookRouter({ uow: deps.uow, publicKey: extra.sendgridWebhookKey, logger: deps.logger }) },
    { under: UNSUBSCRIBE_PATH, router: unsubscribeRouter(deps, extra.linkSecret) },
    { under: CALENDAR_FEED_PATH, router: calendarFeedRouter(deps) },
  ];
}
