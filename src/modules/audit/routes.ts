import { defineRoutes } from '../shared/route-table.js';
import { changesCsv, listChanges } from './queries/list-changes.js';
import { decisionsCsv, listDecisions } from './queries/list-decisions.js';
import { userAccess, userAccessCsv } from './queries/user-access.js';
import { whoCan, whoCanCsv } from './queries/who-can.js';
import { ChangesQuery, ChangesResponse, DecisionsQuery, DecisionsResponse, UserAccessParams, UserAccessQuery, UserAccessResponse, WhoCanQuery, WhoCanResponse } from './schemas.js';

// Auditors' questions. Each is authorised by the model (`can_audit`); each answers CSV for `Accept: text/csv`.
export const auditRoutes = defineRoutes([
    { method: 'get', path: '/v1/audit/who-can', tag: 'audit', summary: 'Every user with a relation on an object, and the paths that grant it', query: WhoCanQuery, status: 200, response: WhoCanResponse, csv: whoCanCsv,
      handle: (deps, { caller, query }) => whoCan(deps, caller, query) },
    { method: 'get', path: '/v1/audit/users/:userId/access', tag: 'audit', summary: 'Every object of a type a user can reach (within the clubs the caller audits)', params: UserAccessParams, query: UserAccessQuery, status: 200, response: UserAccessResponse, csv: userAccessCsv,
      handle: (deps, { caller, params, query, format }) => userAccess(deps, caller, params.userId, query, format) },
    { method: 'get', path: '/v1/audit/changes', tag: 'audit', summary: "The club's relationship changes: what, added or removed, by whom, through which command, when, why", query: ChangesQuery, status: 200, response: ChangesResponse, csv: changesCsv,
      handle: (deps, { caller, query, format }) => listChanges(deps, caller, query, format) },
    { method: 'get', path: '/v1/audit/decisions', tag: 'audit', summary: "Authorisation decisions on the club's children's records (who read which profile, when, allowed or denied)", query: DecisionsQuery, status: 200, response: DecisionsResponse, csv: decisionsCsv,
      handle: (deps, { caller, query, format }) => listDecisions(deps, caller, query, format) },
]);
