// Shared by the BOLA and fuzz suites: route keys, a second club built through the API, a database
// fingerprint (row counts + latest updated_at of the main tables, outbox sizes) and a small request pool.
import { expect } from 'chai';
import { allRoutes } from '../../src/modules/index.js';
import type { RouteSpec } from '../../src/modules/shared/route-table.js';
import { ApiClient } from '../support/api-client.js';
import { signIn, type Actor } from '../support/club-scenario.js';
import type { TestApp } from '../support/test-app.js';

export const routeKey = (r: Pick<RouteSpec, 'method' | 'path'>) => `${r.method.toUpperCase()} ${r.path}`;
export const pathParams = (path: string) => [...path.matchAll(/:(\w+)/g)].map((m) => m[1]);
export const fillPath = (path: string, values: Record<string, string>) =>
  path.replace(/:(\w+)/g, (_, name: string) => {
    if (values[name] === undefined) throw new Error(`no value for path parameter :${name}`);
    return encodeURIComponent(values[name]);
  });
export const routes = allRoutes as RouteSpec[];

export interface OtherClub {
  admin: Actor;
  coach: Actor;
  guardian: Actor;
  spareUser: Actor;
  clubId: string;
  groupId: string;
  memberId: string;
  eventId: string;
  coachInvitationId: string;
  guardianInvitationId: string;
  guardianInvitationToken: string;
  /** Every id of the club's objects and people: none may appear in an outsider's answer. */
  allIds: string[];
}

const ok = <T = any>(res: { status: number; body: T }, status = 201): T => {
  expect(res.status, JSON.stringify(res.body)).to.equal(status);
  return res.body;
};

async function invitationToken(app: TestApp, invitationId: string): Promise<string> {
  const [job] = await app.orm.em.fork().getConnection().execute(`select data from job_outbox where job_id = ?`, [`invitation:${invitationId}:email`]);
  return new URL(job.data.vars.acceptUrl).pathname.split('/').pop()!;
}

/** A club none of the scenario's actors has any relation to, with one object of every kind. */
export async function buildOtherClub(app: TestApp): Promise<OtherClub> {
  const [admin, coach, guardian, spareUser] = await Promise.all(['otherClubAdmin', 'otherClubCoach', 'otherClubGuardian', 'otherClubSpare'].map((n) => signIn(app, n)));
  const api = admin.api;
  const clubId = ok(await api.post('/v1/clubs', { name: 'SV Elsewhere', timezone: 'Europe/Vienna' })).id;
  const groupId = ok(await api.post(`/v1/clubs/${clubId}/groups`, { name: 'U9', season: '2026/27' })).id;
  const memberId = ok(await api.post(`/v1/clubs/${clubId}/members`, { firstName: 'Secret', lastName: 'Child', dateOfBirth: '2017-03-03', medicalNotes: 'epilepsy' })).id;
  ok(await api.post(`/v1/groups/${groupId}/members`, { memberId }));
  ok(await api.post(`/v1/groups/${groupId}/coaches`, { userId: coach.userId, role: 'head' }));
  ok(await api.post(`/v1/members/${memberId}/guardians`, { userId: guardian.userId, relationship: 'mother' }));
  const start = new Date(Math.ceil(Date.now() / 3600_000) * 3600_000 + 96 * 3600_000);
  const eventId = ok(await api.post(`/v1/groups/${groupId}/events`, { type: 'match', title: 'Away game', startsAt: start.toISOString(), endsAt: new Date(+start + 5400_000).toISOString() })).id;
  const coachInvitationId = ok(await api.post(`/v1/groups/${groupId}/coach-invitations`, { email: `coach.${Date.now()}@elsewhere.test`, role: 'assistant' })).id;
  const guardianInvitationId = ok(await api.post(`/v1/members/${memberId}/guardian-invitations`, { email: `aunt.${Date.now()}@elsewhere.test`, relationship: 'aunt' })).id;
  const guardianInvitationToken = await invitationToken(app, guardianInvitationId);
  const allIds = [clubId, groupId, memberId, eventId, coachInvitationId, guardianInvitationId, admin.userId, coach.userId, guardian.userId];
  return { admin, coach, guardian, spareUser, clubId, groupId, memberId, eventId, coachInvitationId, guardianInvitationId, guardianInvitationToken, allIds };
}

export const FINGERPRINT_TABLES = [
  'clubs', 'club_admins', 'groups', 'group_coaches', 'group_members', 'youth_members', 'guardianships', 'guardian_removals',
  'events', 'event_series', 'event_attendance', 'join_invitations', 'club_quiet_hours', 'email_preferences', 'calendar_keys',
  // Reads append to authz_decisions by design (every decision on a child's record is logged); a new
  // audit_changes row would mean a relationship changed.
  'club_auditors', 'audit_changes',
];
const WITH_UPDATED_AT = new Set(['clubs', 'groups', 'youth_members', 'events', 'club_quiet_hours', 'email_preferences']);

/** Cheap "did anything change": row counts, latest updated_at, and both outboxes' sizes. */
export async function fingerprint(app: TestApp): Promise<Record<string, string>> {
  const parts = [
    ...FINGERPRINT_TABLES.map((t) => `select '${t}' as t, count(*)::text || '/' || ${WITH_UPDATED_AT.has(t) ? `coalesce(max(updated_at)::text, '-')` : `'-'`} as v from ${t}`),
    `select 'fga_outbox' as t, count(*)::text as v from fga_outbox`,
    `select 'job_outbox' as t, count(*)::text as v from job_outbox`,
  ];
  const rows = await app.orm.em.fork().getConnection().execute<Array<{ t: string; v: string }>>(parts.join(' union all '));
  return Object.fromEntries(rows.map((r) => [r.t, r.v]));
}

/** Runs `tasks` with at most `concurrency` in flight. */
export async function pool<T>(items: T[], concurrency: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, async () => {
    while (next < items.length) await task(items[next++]);
  }));
}

export { ApiClient };
