// Walks every endpoint with every kind of actor and asserts the exact status the model implies.
// Removing any rule from fga/model.fga flips at least one cell; a route without an entry fails.
import { expect } from 'chai';
import { allRoutes } from '../../src/modules/index.js';
import type { ApiResponse } from '../support/api-client.js';
import { ACTORS, buildClubScenario, type Actor, type ActorName, type ClubScenario } from '../support/club-scenario.js';
import type { TestApp } from '../support/test-app.js';
import { startEmailTestApp, type EmailTestApp } from '../email/support/email-test-app.js';
import { eventsOf, newEvent, newInvitation, scenarioEvents, uniqueEmail } from './events/event-fixtures.js';

type Statuses = Record<ActorName, number>;

interface MatrixEntry {
  route: string; // "METHOD /v1/path/:param", exactly as in the route table
  call(s: ClubScenario, actor: Actor): Promise<ApiResponse>;
  expect: Statuses;
  /** For lists: ids each actor must see, and ids they must not see. */
  sees?(s: ClubScenario): Partial<Record<ActorName, string[]>>;
  hidden?(s: ClubScenario): Partial<Record<ActorName, string[]>>;
}

const everyone = (status: number): Statuses => ({ admin: status, headCoach: status, assistantCoach: status, otherCoach: status, guardian: status, otherGuardian: status, auditor: status, stranger: status, anonymous: 401 });
const only = (allowed: Partial<Statuses>, visibleButDenied: ActorName[], status = 200): Statuses => {
  const result = { ...everyone(404), ...Object.fromEntries(visibleButDenied.map((a) => [a, 403])) } as Statuses;
  for (const [actor, s] of Object.entries(allowed)) result[actor as ActorName] = s ?? status;
  return result;
};
const CLUB_VISIBLE: ActorName[] = ['headCoach', 'assistantCoach', 'otherCoach', 'guardian', 'otherGuardian', 'auditor'];

const matrix: MatrixEntry[] = [
  { route: 'GET /v1/me', call: (s, a) => a.api.get('/v1/me'), expect: everyone(200) },
  { route: 'POST /v1/clubs', call: (s, a) => a.api.post('/v1/clubs', { name: `Club of ${a.name}` }), expect: everyone(201) },
  { route: 'GET /v1/clubs', call: (s, a) => a.api.get('/v1/clubs'), expect: everyone(200),
    sees: (s) => ({ admin: [s.clubId], headCoach: [s.clubId], guardian: [s.clubId], otherGuardian: [s.clubId], auditor: [s.clubId] }), hidden: (s) => ({ stranger: [s.clubId] }) },
  { route: 'GET /v1/clubs/:clubId', call: (s, a) => a.api.get(`/v1/clubs/${s.clubId}`), expect: only({ admin: 200, headCoach: 200, assistantCoach: 200, otherCoach: 200, guardian: 200, otherGuardian: 200, auditor: 200 }, []) },
  { route: 'PATCH /v1/clubs/:clubId', call: (s, a) => a.api.patch(`/v1/clubs/${s.clubId}`, { name: 'FC Riverside United' }), expect: only({ admin: 200 }, CLUB_VISIBLE) },
  { route: 'POST /v1/clubs/:clubId/admins', call: async (s, a) => a.api.post(`/v1/clubs/${s.clubId}/admins`, { userId: (await s.newUser()).userId }), expect: only({ admin: 201 }, CLUB_VISIBLE) },
  { route: 'POST /v1/clubs/:clubId/groups', call: (s, a) => a.api.post(`/v1/clubs/${s.clubId}/groups`, { name: `U14 by ${a.name}` }), expect: only({ admin: 201 }, CLUB_VISIBLE) },
  { route: 'GET /v1/clubs/:clubId/groups', call: (s, a) => a.api.get(`/v1/clubs/${s.clubId}/groups?limit=200`), expect: only({ admin: 200, headCoach: 200, assistantCoach: 200, otherCoach: 200, guardian: 200, otherGuardian: 200, auditor: 200 }, []),
    sees: (s) => ({ admin: [s.groupId, s.otherGroupId], auditor: [s.groupId, s.otherGroupId], headCoach: [s.groupId], assistantCoach: [s.groupId], otherCoach: [s.otherGroupId], guardian: [s.groupId], otherGuardian: [s.otherGroupId] }),
    hidden: (s) => ({ headCoach: [s.otherGroupId], assistantCoach: [s.otherGroupId], otherCoach: [s.groupId], guardian: [s.otherGroupId], otherGuardian: [s.groupId] }) },
  { route: 'GET /v1/groups/:groupId', call: (s, a) => a.api.get(`/v1/groups/${s.groupId}`), expect: only({ admin: 200, headCoach: 200, assistantCoach: 200, guardian: 200, auditor: 200 }, []) },
  { route: 'POST /v1/groups/:groupId/coaches', call: async (s, a) => a.api.post(`/v1/groups/${s.groupId}/coaches`, { userId: (await s.newUser()).userId, role: 'assistant' }),
    expect: only({ admin: 201, headCoach: 201 }, ['assistantCoach', 'guardian', 'auditor']) },
  { route: 'POST /v1/groups/:groupId/coaches', call: async (s, a) => a.api.post(`/v1/groups/${s.groupId}/coaches`, { userId: (await s.newUser()).userId, role: 'head' }),
    expect: only({ admin: 201 }, ['headCoach', 'assistantCoach', 'guardian', 'auditor']) },
  { route: 'DELETE /v1/groups/:groupId/coaches/:userId', call: async (s, a) => a.api.delete(`/v1/groups/${s.groupId}/coaches/${await newCoach(s, 'assistant')}`),
    expect: only({ admin: 204, headCoach: 204 }, ['assistantCoach', 'guardian', 'auditor']) },
  { route: 'DELETE /v1/groups/:groupId/coaches/:userId', call: async (s, a) => a.api.delete(`/v1/groups/${s.groupId}/coaches/${await newCoach(s, 'head')}`),
    expect: only({ admin: 204 }, ['headCoach', 'assistantCoach', 'guardian', 'auditor']) },
  { route: 'POST /v1/groups/:groupId/members', call: async (s, a) => a.api.post(`/v1/groups/${s.groupId}/members`, { memberId: await s.newMember() }),
    expect: only({ admin: 201 }, ['headCoach', 'assistantCoach', 'guardian', 'auditor']) },
  { route: 'DELETE /v1/groups/:groupId/members/:memberId', call: async (s, a) => a.api.delete(`/v1/groups/${s.groupId}/members/${await s.newMember({ groupId: s.groupId })}`),
    expect: only({ admin: 204 }, ['headCoach', 'assistantCoach', 'guardian', 'auditor']) },
  { route: 'GET /v1/groups/:groupId/members', call: (s, a) => a.api.get(`/v1/groups/${s.groupId}/members`), expect: only({ admin: 200, headCoach: 200, assistantCoach: 200, guardian: 200, auditor: 200 }, []),
    sees: (s) => ({ admin: [s.childId], auditor: [s.childId], guardian: [s.childId], headCoach: [s.childId], assistantCoach: [s.childId] }), hidden: (s) => ({ admin: [s.otherChildId], guardian: [s.otherChildId] }) },
  { route: 'POST /v1/clubs/:clubId/members', call: (s, a) => a.api.post(`/v1/clubs/${s.clubId}/members`, { firstName: 'New', lastName: a.name, dateOfBirth: '2017-01-02' }), expect: only({ admin: 201 }, CLUB_VISIBLE) },
  { route: 'GET /v1/clubs/:clubId/members', call: (s, a) => a.api.get(`/v1/clubs/${s.clubId}/members?limit=200`), expect: only({ admin: 200, headCoach: 200, assistantCoach: 200, otherCoach: 200, guardian: 200, otherGuardian: 200, auditor: 200 }, []),
    sees: (s) => ({ admin: [s.childId, s.otherChildId], auditor: [s.childId, s.otherChildId], headCoach: [s.childId], assistantCoach: [s.childId], otherCoach: [s.otherChildId], guardian: [s.childId], otherGuardian: [s.otherChildId] }),
    hidden: (s) => ({ headCoach: [s.otherChildId], assistantCoach: [s.otherChildId], otherCoach: [s.childId], guardian: [s.otherChildId], otherGuardian: [s.childId] }) },
  { route: 'GET /v1/members/:memberId', call: (s, a) => a.api.get(`/v1/members/${s.childId}`), expect: only({ admin: 200, headCoach: 200, assistantCoach: 200, guardian: 200, auditor: 200 }, []) },
  { route: 'PATCH /v1/members/:memberId', call: (s, a) => a.api.patch(`/v1/members/${s.childId}`, { medicalNotes: `asthma; updated by ${a.name}` }), expect: only({ admin: 200, guardian: 200 }, ['headCoach', 'assistantCoach', 'auditor']) },
  { route: 'GET /v1/members/:memberId/guardians', call: (s, a) => a.api.get(`/v1/members/${s.childId}/guardians`), expect: only({ admin: 200, headCoach: 200, assistantCoach: 200, guardian: 200, auditor: 200 }, []) },
  { route: 'POST /v1/members/:memberId/guardians', call: async (s, a) => a.api.post(`/v1/members/${s.childId}/guardians`, { userId: (await s.newUser()).userId, relationship: 'aunt' }),
    expect: only({ admin: 201 }, ['headCoach', 'assistantCoach', 'guardian', 'auditor']) },
  { route: 'DELETE /v1/members/:memberId/guardians/:userId', call: async (s, a) => a.api.delete(`/v1/members/${s.childId}/guardians/${await newGuardian(s)}`, { reason: 'Court order of 2026-11-01' }),
    expect: only({ admin: 204 }, ['headCoach', 'assistantCoach', 'guardian', 'auditor']) },
  { route: 'GET /v1/me/members', call: (s, a) => a.api.get('/v1/me/members'), expect: everyone(200),
    sees: (s) => ({ guardian: [s.childId], otherGuardian: [s.otherChildId] }), hidden: (s) => ({ guardian: [s.otherChildId], otherGuardian: [s.childId], headCoach: [s.childId], admin: [s.childId] }) },
  { route: 'GET /v1/me/groups', call: (s, a) => a.api.get('/v1/me/groups'), expect: everyone(200),
    sees: (s) => ({ headCoach: [s.groupId], assistantCoach: [s.groupId], otherCoach: [s.otherGroupId] }), hidden: (s) => ({ headCoach: [s.otherGroupId], otherCoach: [s.groupId], guardian: [s.groupId], admin: [s.groupId] }) },
  { route: 'GET /v1/me/email-preferences', call: (s, a) => a.api.get('/v1/me/email-preferences'), expect: everyone(200) },
  { route: 'PUT /v1/me/email-preferences', call: (s, a) => a.api.put('/v1/me/email-preferences', { timezone: 'Europe/London', nonEssential: true }), expect: everyone(200) },
  { route: 'GET /v1/clubs/:clubId/quiet-hours', call: (s, a) => a.api.get(`/v1/clubs/${s.clubId}/quiet-hours`), expect: only({ admin: 200, headCoach: 200, assistantCoach: 200, otherCoach: 200, guardian: 200, otherGuardian: 200, auditor: 200 }, []) },
  { route: 'PUT /v1/clubs/:clubId/quiet-hours', call: (s, a) => a.api.put(`/v1/clubs/${s.clubId}/quiet-hours`, { start: '21:00', end: '07:00' }), expect: only({ admin: 200 }, CLUB_VISIBLE) },
  // Events (u10's event invites `child`; u12's invites `otherChild`).
  { route: 'POST /v1/groups/:groupId/events', call: (s, a) => a.api.post(`/v1/groups/${s.groupId}/events`, { type: 'practice', title: `Practice by ${a.name}`, startsAt: '2027-05-04T18:00', endsAt: '2027-05-04T19:30' }),
    expect: only({ admin: 201, headCoach: 201, assistantCoach: 201 }, ['guardian', 'auditor']) },
  { route: 'GET /v1/groups/:groupId/events', call: async (s, a) => (await scenarioEvents(s), a.api.get(`/v1/groups/${s.groupId}/events?limit=200`)),
    expect: only({ admin: 200, headCoach: 200, assistantCoach: 200, guardian: 200, auditor: 200 }, []),
    sees: (s) => ({ admin: [eventsOf(s).eventId], headCoach: [eventsOf(s).eventId], assistantCoach: [eventsOf(s).eventId], guardian: [eventsOf(s).eventId] }),
    hidden: (s) => ({ admin: [eventsOf(s).otherEventId], guardian: [eventsOf(s).otherEventId], auditor: [eventsOf(s).eventId, eventsOf(s).otherEventId] }) },
  { route: 'GET /v1/events/:eventId', call: async (s, a) => a.api.get(`/v1/events/${(await scenarioEvents(s)).eventId}`), expect: only({ admin: 200, headCoach: 200, assistantCoach: 200, guardian: 200 }, []) },
  { route: 'PATCH /v1/events/:eventId', call: async (s, a) => a.api.patch(`/v1/events/${(await scenarioEvents(s)).eventId}`, { notes: `Edited by ${a.name}` }),
    expect: only({ admin: 200, headCoach: 200, assistantCoach: 200 }, ['guardian']) },
  { route: 'DELETE /v1/events/:eventId', call: async (s, a) => a.api.delete(`/v1/events/${(await newEvent(s)).id}`), expect: only({ admin: 204, headCoach: 204, assistantCoach: 204 }, ['guardian']) },
  { route: 'GET /v1/events/:eventId/attendance', call: async (s, a) => a.api.get(`/v1/events/${(await scenarioEvents(s)).eventId}/attendance`),
    expect: only({ admin: 200, headCoach: 200, assistantCoach: 200, guardian: 200 }, []) },
  // Whose child it is decides; someone else's child is as invisible as the event (404).
  { route: 'PUT /v1/events/:eventId/attendance/:memberId', call: async (s, a) => a.api.put(`/v1/events/${(await scenarioEvents(s)).eventId}/attendance/${s.childId}`, { status: 'going', note: `by ${a.name}` }),
    expect: only({ admin: 200, headCoach: 200, assistantCoach: 200, guardian: 200 }, []) },
  { route: 'GET /v1/me/events', call: async (s, a) => (await scenarioEvents(s), a.api.get('/v1/me/events?limit=200')), expect: everyone(200),
    sees: (s) => ({ headCoach: [eventsOf(s).eventId], assistantCoach: [eventsOf(s).eventId], guardian: [eventsOf(s).eventId], otherCoach: [eventsOf(s).otherEventId], otherGuardian: [eventsOf(s).otherEventId] }),
    hidden: (s) => ({ guardian: [eventsOf(s).otherEventId], otherGuardian: [eventsOf(s).eventId], otherCoach: [eventsOf(s).eventId], admin: [eventsOf(s).eventId], stranger: [eventsOf(s).eventId] }) },
  { route: 'POST /v1/me/calendar-key', call: (s, a) => a.api.post('/v1/me/calendar-key'), expect: everyone(201) },
  // Invitations to join: the permissions of the direct add; invitations are seen only by those who manage them.
  { route: 'POST /v1/groups/:groupId/coach-invitations', call: (s, a) => a.api.post(`/v1/groups/${s.groupId}/coach-invitations`, { email: uniqueEmail('assistant'), role: 'assistant' }),
    expect: only({ admin: 201, headCoach: 201 }, ['assistantCoach', 'guardian', 'auditor']) },
  { route: 'POST /v1/groups/:groupId/coach-invitations', call: (s, a) => a.api.post(`/v1/groups/${s.groupId}/coach-invitations`, { email: uniqueEmail('head'), role: 'head' }),
    expect: only({ admin: 201 }, ['headCoach', 'assistantCoach', 'guardian', 'auditor']) },
  { route: 'GET /v1/groups/:groupId/coach-invitations', call: (s, a) => a.api.get(`/v1/groups/${s.groupId}/coach-invitations`), expect: only({ admin: 200, headCoach: 200 }, ['assistantCoach', 'guardian', 'auditor']) },
  { route: 'POST /v1/members/:memberId/guardian-invitations', call: (s, a) => a.api.post(`/v1/members/${s.childId}/guardian-invitations`, { email: uniqueEmail('aunt'), relationship: 'aunt' }),
    expect: only({ admin: 201 }, ['headCoach', 'assistantCoach', 'guardian', 'auditor']) },
  { route: 'GET /v1/members/:memberId/guardian-invitations', call: (s, a) => a.api.get(`/v1/members/${s.childId}/guardian-invitations`), expect: only({ admin: 200 }, ['headCoach', 'assistantCoach', 'guardian', 'auditor']) },
  { route: 'DELETE /v1/invitations/:invitationId', call: async (s, a) => a.api.delete(`/v1/invitations/${await newInvitation(s, 'coach')}`), expect: only({ admin: 204, headCoach: 204 }, []) },
  { route: 'DELETE /v1/invitations/:invitationId', call: async (s, a) => a.api.delete(`/v1/invitations/${await newInvitation(s, 'coach', { role: 'head' })}`), expect: only({ admin: 204 }, ['headCoach']) },
  { route: 'DELETE /v1/invitations/:invitationId', call: async (s, a) => a.api.delete(`/v1/invitations/${await newInvitation(s, 'guardian')}`), expect: only({ admin: 204 }, []) },
  // Auditors: admins grant and remove them; the club's auditors (and nobody else) use the audit endpoints.
  { route: 'GET /v1/clubs/:clubId/auditors', call: (s, a) => a.api.get(`/v1/clubs/${s.clubId}/auditors`), expect: only({ admin: 200, auditor: 200 }, CLUB_VISIBLE.filter((a) => a !== 'auditor')),
    sees: (s) => ({ admin: [s.actors.auditor.userId], auditor: [s.actors.auditor.userId] }) },
  { route: 'POST /v1/clubs/:clubId/auditors', call: async (s, a) => a.api.post(`/v1/clubs/${s.clubId}/auditors`, { userId: (await s.newUser()).userId }), expect: only({ admin: 201 }, CLUB_VISIBLE) },
  { route: 'DELETE /v1/clubs/:clubId/auditors/:userId', call: async (s, a) => a.api.delete(`/v1/clubs/${s.clubId}/auditors/${await newAuditor(s)}`), expect: only({ admin: 204 }, CLUB_VISIBLE) },
  { route: 'GET /v1/audit/who-can', call: (s, a) => a.api.get(`/v1/audit/who-can?object=member:${s.childId}&relation=can_view`), expect: only({ auditor: 200 }, []),
    sees: (s) => ({ auditor: [s.actors.admin.userId, s.actors.headCoach.userId, s.actors.assistantCoach.userId, s.actors.guardian.userId] }),
    hidden: (s) => ({ auditor: [s.actors.otherCoach.userId, s.actors.otherGuardian.userId, s.actors.auditor.userId, s.actors.stranger.userId] }) },
  { route: 'GET /v1/audit/users/:userId/access', call: (s, a) => a.api.get(`/v1/audit/users/${s.actors.headCoach.userId}/access?type=member&relation=can_view`), expect: only({ auditor: 200 }, []),
    sees: (s) => ({ auditor: [s.childId] }), hidden: (s) => ({ auditor: [s.otherChildId] }) },
  { route: 'GET /v1/audit/changes', call: (s, a) => a.api.get(`/v1/audit/changes?clubId=${s.clubId}`), expect: only({ auditor: 200 }, []) },
  { route: 'GET /v1/audit/decisions', call: (s, a) => a.api.get(`/v1/audit/decisions?clubId=${s.clubId}`), expect: only({ auditor: 200 }, []) },
  // An invitation sent to each actor's own address: no relation helps, an unverified email is refused
  // (acceptance with a verified email is proven in test/integration/invitations/).
  { route: 'POST /v1/invitations/:token/accept', call: async (s, a) => a.api.post(`/v1/invitations/${a.name === 'anonymous' ? 'no-token' : await invitationTokenFor(s, a)}/accept`),
    expect: { ...everyone(403) } },
];

/** A guardian invitation to the actor's own address, and the token its email carries. */
async function invitationTokenFor(s: ClubScenario, a: Actor): Promise<string> {
  const email = (await a.api.get('/v1/me')).body.email;
  const res = await s.actors.admin.api.post(`/v1/members/${s.childId}/guardian-invitations`, { email, relationship: 'cousin' });
  expect(res.status, JSON.stringify(res.body)).to.equal(201);
  const [job] = await s.app.orm.em.fork().getConnection().execute(`select data from job_outbox where job_id = ?`, [`invitation:${res.body.id}:email`]);
  return new URL(job.data.vars.acceptUrl).pathname.split('/').pop()!;
}

async function newCoach(s: ClubScenario, role: 'head' | 'assistant'): Promise<string> {
  const user = await s.newUser('coach');
  const res = await s.actors.admin.api.post(`/v1/groups/${s.groupId}/coaches`, { userId: user.userId, role });
  expect(res.status).to.equal(201);
  return user.userId;
}

async function newAuditor(s: ClubScenario): Promise<string> {
  const user = await s.newUser('auditor');
  const res = await s.actors.admin.api.post(`/v1/clubs/${s.clubId}/auditors`, { userId: user.userId });
  expect(res.status).to.equal(201);
  return user.userId;
}

async function newGuardian(s: ClubScenario): Promise<string> {
  const user = await s.newUser('guardian');
  const res = await s.actors.admin.api.post(`/v1/members/${s.childId}/guardians`, { userId: user.userId, relationship: 'uncle' });
  expect(res.status).to.equal(201);
  return user.userId;
}

describe('authorisation matrix: every endpoint × every actor', function () {
  this.timeout(120_000);
  let app: TestApp;
  let scenario: ClubScenario;

  let emailApp: EmailTestApp;

  before(async () => {
    // Commands here enqueue emails: a BullMQ prefix of its own (removed afterwards), no worker sending them.
    emailApp = await startEmailTestApp({}, { startWorkers: false });
    app = emailApp.app;
    scenario = await buildClubScenario(app);
  });
  after(async () => emailApp?.close());

  it('has an entry for every route in the route table', () => {
    const covered = new Set(matrix.map((m) => m.route));
    const missing = allRoutes.map((r) => `${r.method.toUpperCase()} ${r.path}`).filter((r) => !covered.has(r));
    expect(missing, 'routes without a matrix entry').to.deep.equal([]);
  });

  for (const entry of matrix) {
    describe(entry.route, () => {
      for (const actorName of ACTORS) {
        it(`${actorName} → ${entry.expect[actorName]}`, async () => {
          const res = await entry.call(scenario, scenario.actors[actorName]);
          expect(res.status, JSON.stringify(res.body)).to.equal(entry.expect[actorName]);
          if (res.status >= 400) expect(res.body.error, 'error body').to.include.keys('code', 'message');
          const ids = res.status === 200 && Array.isArray(res.body.items) ? res.body.items.map((i: { id?: string; userId?: string }) => i.id ?? i.userId) : [];
          for (const id of entry.sees?.(scenario)[actorName] ?? []) expect(ids, `${actorName} must see ${id}`).to.include(id);
          for (const id of entry.hidden?.(scenario)[actorName] ?? []) expect(ids, `${actorName} must not see ${id}`).not.to.include(id);
        });
      }
    });
  }
});
