import { defineRoutes } from '../shared/route-table.js';
import { setQuietHours } from './commands/set-quiet-hours.js';
import { updateEmailPreferences } from './commands/update-email-preferences.js';
import { getEmailPreferences } from './queries/get-email-preferences.js';
import { getQuietHours } from './queries/get-quiet-hours.js';
import { EmailPreferencesBody, EmailPreferencesResponse, QuietHoursBody, QuietHoursParams, QuietHoursResponse } from './schemas.js';

export const emailPreferenceRoutes = defineRoutes([
    { method: 'get', path: '/v1/me/email-preferences', tag: 'email', summary: "The caller's email preferences", status: 200, response: EmailPreferencesResponse,
      handle: (deps, { caller }) => getEmailPreferences(deps, caller) },
    { method: 'put', path: '/v1/me/email-preferences', tag: 'email', summary: 'Set time zone and whether non-essential notices are sent', body: EmailPreferencesBody, status: 200, response: EmailPreferencesResponse,
      handle: async (deps, { caller, body }) => (await updateEmailPreferences(deps, caller, body), getEmailPreferences(deps, caller)) },
    { method: 'get', path: '/v1/clubs/:clubId/quiet-hours', tag: 'email', summary: "A club's quiet hours", params: QuietHoursParams, status: 200, response: QuietHoursResponse,
      handle: (deps, { caller, params }) => getQuietHours(deps, caller, params.clubId) },
    { method: 'put', path: '/v1/clubs/:clubId/quiet-hours', tag: 'email', summary: 'Set quiet hours (non-urgent emails wait until they end); nulls clear them', params: QuietHoursParams, body: QuietHoursBody, status: 200, response: QuietHoursResponse,
      handle: async (deps, { caller, params, body }) => getQuietHours(deps, caller, await setQuietHours(deps, caller, params.clubId, body)) },
]);
