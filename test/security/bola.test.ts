// Broken object level authorisation, generated from the route table: every route that takes an object id,
// called by every kind of actor of one club with ids of ANOTHER club's objects and with ids that do not
// exist, must answer 404 (401 without a token) — never 2xx, never 403 (which would confirm the object
// exists) — and change nothing. Routes without ids must never return the other club's ids.
// A new route without a sample body or a fillable path parameter fails this suite.
import { expect } from 'chai';
import { buildOtherClub, fillPath, fingerprint, pathParams, pool, routeKey, routes, type OtherClub } from './security-fixtures.js';
import { ulid } from 'ulid';
import { ACTORS, buildClubScenario, type ActorName, type ClubScenario } from '../support/club-scenario.js';
import type { TestApp } from '../support/test-app.js';
import { startEmailTestApp, type EmailTestApp } from '../email/support/email-test-app.js';

interface Ctx {
  other: OtherClub;
  /** A user id to put in bodies (someone who exists, in neither club). */
  someUserId: string;
  /** A member id to put in bodies. */
  someMemberId: string;
}

/** A minimal valid body per route with one (validated against the route's schema before use). */
const SAMPLE_BODIES: Record<string, (c: Ctx) => unknown> = {
  'POST /v1/clubs': () => ({ name: 'Probe FC' }),
  'PATCH /v1/clubs/:clubId': () => ({ name: 'Renamed by an outsider' }),
  'POST /v1/clubs/:clubId/admins': (c) => ({ userId: c.someUserId }),
  'POST /v1/clubs/:clubId/auditors': (c) => ({ userId: c.someUserId }),
  'PUT /v1/me/email-preferences': () => ({ timezone: 'Europe/London', nonEssential: false }),
  'PUT /v1/clubs/:clubId/quiet-hours': () => ({ start: '22:00', end: '06:00' }),
  'POST /v1/groups/:groupId/events': () => ({ type: 'practice', title: 'Outsider practice', startsAt: '2027-06-01T18:00', endsAt: '2027-06-01T19:00' }),
  'PATCH /v1/events/:eventId': () => ({ title: 'Hijacked' }),
  'PUT /v1/events/:eventId/attendance/:memberId': () => ({ status: 'not_going' }),
  'POST /v1/clubs/:clubId/groups': () => ({ name: 'Outsider group' }),
  'POST /v1/groups/:groupId/coaches': (c) => ({ userId: c.someUserId, role: 'head' }),
  'POST /v1/groups/:groupId/members': (c) => ({ memberId: c.someMemberId }),
  'POST /v1/members/:memberId/guardians': (c) => ({ userId: c.someUserId, relationship: 'father' }),
  'DELETE /v1/members/:memberId/guardians/:userId': () => ({ reason: 'Outsider says so' }),
  'POST /v1/groups/:groupId/coach-invitations': () => ({ email: 'intruder@example.test', role: 'head' }),
  'POST /v1/members/:memberId/guardian-invitations': () => ({ email: 'intruder@example.test', relationship: 'uncle' }),
  'POST /v1/clubs/:clubId/members': () => ({ firstName: 'Planted', lastName: 'Kid', dateOfBirth: '2016-01-01' }),
  'PATCH /v1/members/:memberId': () => ({ medicalNotes: 'overwritten' }),
};

/**
 * Routes whose required query names objects: the ids in it are probed exactly like path parameters
 * (built from the same values), so an audit question about another club's child is a BOLA probe too.
 */
const ID_QUERIES: Record<string, (v: Record<string, string>) => Record<string, string>> = {
  'GET /v1/audit/who-can': (v) => ({ object: `member:${v.memberId}`, relation: 'can_view' }),
  'GET /v1/audit/users/:userId/access': () => ({ type: 'member', relation: 'can_view' }),
  'GET /v1/audit/changes': (v) => ({ clubId: v.clubId }),
  'GET /v1/audit/decisions': (v) => ({ clubId: v.clubId }),
};

/**
 * A user id on this route is a question, not an object: an auditor may ask about anyone and gets the
 * objects of the clubs *they* audit that the user reaches: for another club's coach or a nonexistent id,
 * nothing (200, empty) — the same answer either way, so it confirms nothing. Everyone else: 404.
 */
const QUESTION_ROUTES: Record<string, { answeredFor: ActorName[]; status: number }> = {
  'GET /v1/audit/users/:userId/access': { answeredFor: ['auditor'], status: 200 },
};

/** Path parameters by name → the other club's object (userId depends on the route: its coach or its guardian). */
function otherClubParams(route: string, o: OtherClub): Record<string, string> {
  return {
    clubId: o.clubId,
    groupId: o.groupId,
    memberId: o.memberId,
    eventId: o.eventId,
    userId: route.includes('/guardians/') ? o.guardian.userId : o.coach.userId,
    invitationId: o.coachInvitationId,
    token: o.guardianInvitationToken,
  };
}

/** Valid-looking ids that name nothing. */
function nonexistentParams(): Record<string, string> {
  return { clubId: ulid(), groupId: ulid(), memberId: ulid(), eventId: ulid(), userId: ulid(), invitationId: ulid(), token: `tok_${ulid()}${ulid()}`.toLowerCase() };
}

/**
 * Accepting an invitation is authorised by possession of the token (a capability), not by a relation:
 * someone holding another club's real token learns only that it needs a verified, matching email (403).
 * That is by design (see accept-invitation.ts); everything else about the route is still asserted.
 */
const CAPABILITY_ROUTES: Record<string, { otherClubStatus: number }> = {
  'POST /v1/invitations/:token/accept': { otherClubStatus: 403 },
};

const takesIds = (r: (typeof routes)[number]) => pathParams(r.path).length > 0 || Boolean(ID_QUERIES[routeKey(r)]);
const idRoutes = routes.filter(takesIds);
const listRoutes = routes.filter((r) => !takesIds(r));
const withQuery = (path: string, query?: Record<string, string>) => (query ? `${path}?${new URLSearchParams(query)}` : path);

describe('BOLA: every id-taking route × every actor × another club\'s and nonexistent ids', function () {
  this.timeout(120_000);
  let emailApp: EmailTestApp;
  let app: TestApp;
  let s: ClubScenario;
  let ctx: Ctx;
  let initial: Record<string, string>;

  before(async () => {
    // Rate limits off (their own tests cover them): thousands of requests from one user must reach validation.
    emailApp = await startEmailTestApp({ RATE_LIMIT_PER_USER_PER_MINUTE: '0', RATE_LIMIT_PER_IP_PER_MINUTE: '0' }, { startWorkers: false });
    app = emailApp.app;
    s = await buildClubScenario(app);
    const other = await buildOtherClub(app);
    ctx = { other, someUserId: other.spareUser.userId, someMemberId: other.memberId };
    initial = await fingerprint(app);
  });
  after(async () => emailApp?.close());

  it('has a sample body for every route with a body, and each sample passes its schema', () => {
    const withBody = routes.filter((r) => r.body);
    const missing = withBody.map(routeKey).filter((k) => !SAMPLE_BODIES[k]);
    expect(missing, 'routes with a body but no sample in SAMPLE_BODIES').to.deep.equal([]);
    for (const r of withBody) {
      const parsed = r.body!.safeParse(SAMPLE_BODIES[routeKey(r)](ctx));
      expect(parsed.success, `${routeKey(r)} sample: ${JSON.stringify(parsed.error?.issues)}`).to.equal(true);
    }
  });

  it('has a query for every route whose query schema needs more than a page size, and each passes its schema', () => {
    const needsQuery = routes.filter((r) => r.query && !r.query.safeParse({ limit: '200' }).success).map(routeKey);
    expect(needsQuery.filter((k) => !ID_QUERIES[k]), 'routes with required query parameters but no entry in ID_QUERIES').to.deep.equal([]);
    for (const r of routes.filter((x) => ID_QUERIES[routeKey(x)])) {
      const parsed = r.query!.safeParse(ID_QUERIES[routeKey(r)](otherClubParams(r.path, ctx.other)));
      expect(parsed.success, `${routeKey(r)} query: ${JSON.stringify(parsed.error?.issues)}`).to.equal(true);
    }
  });

  it('can fill every path parameter of every route', () => {
    const unfillable = idRoutes.flatMap((r) => {
      const values = otherClubParams(r.path, ctx.other);
      return pathParams(r.path).filter((p) => !values[p] || !nonexistentParams()[p]).map((p) => `${routeKey(r)} :${p}`);
    });
    expect(unfillable, 'path parameters with no value in otherClubParams/nonexistentParams').to.deep.equal([]);
  });

  it('covers every operation of the OpenAPI document (the route table is the whole token-authenticated API)', async () => {
    const doc = (await s.actors.anonymous.api.get('/v1/openapi.json')).body;
    const ops = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([p, methods]) =>
      Object.entries(methods).filter(([m, op]) => ['get', 'post', 'put', 'patch', 'delete'].includes(m) && JSON.stringify((op as { security?: unknown }).security ?? []).includes('bearerAuth')).map(([m]) => m).map((m) => `${m.toUpperCase()} ${p.replace(/\{(\w+)\}/g, ':$1')}`));
    expect(ops.length, 'token-authenticated operations in the OpenAPI document').to.equal(routes.length);
    const known = new Set(routes.map(routeKey));
    expect(ops.filter((o) => !known.has(o)), 'OpenAPI operations missing from the route table').to.deep.equal([]);
  });

  for (const r of idRoutes) {
    const key = routeKey(r);
    for (const target of ['another club', 'nonexistent'] as const) {
      const capability = CAPABILITY_ROUTES[key];
      const question = QUESTION_ROUTES[key];
      const signedIn = target === 'another club' && capability ? `${capability.otherClubStatus} (capability route)`
        : question ? `${question.status} for ${question.answeredFor.join(', ')} (nothing of the other club), 404`
        : '404';
      it(`${key} with ${target} ids → ${signedIn} for every signed-in actor, 401 anonymous`, async () => {
        const values = target === 'another club' ? otherClubParams(r.path, ctx.other) : nonexistentParams();
        const path = withQuery(fillPath(r.path, values), ID_QUERIES[key]?.(values));
        const body = r.body ? SAMPLE_BODIES[key]?.(ctx) : undefined;
        const failures: string[] = [];
        await pool([...ACTORS], 8, async (actorName: ActorName) => {
          const res = await s.actors[actorName].api.request<any>(r.method.toUpperCase(), path, body);
          const answered = question?.answeredFor.includes(actorName);
          const expected = actorName === 'anonymous' ? 401 : target === 'another club' && capability ? capability.otherClubStatus : answered ? question!.status : 404;
          if (res.status !== expected) failures.push(`${actorName}: ${res.status} ${JSON.stringify(res.body).slice(0, 200)} (expected ${expected})`);
          else if (answered && actorName !== 'anonymous') {
            if (!Array.isArray(res.body?.items) || res.body.items.length) failures.push(`${actorName}: answered ${JSON.stringify(res.body).slice(0, 200)} (expected no items)`);
          } else if (typeof res.body?.error?.code !== 'string' || typeof res.body?.error?.message !== 'string') failures.push(`${actorName}: ${res.status} without the error shape`);
          else if (target === 'another club') {
            // Echoing the id the caller sent is fine; naming any other id of that club (its owner, its group…) is a leak.
            const sent = path + JSON.stringify(body ?? '');
            const leaked = ctx.other.allIds.filter((id) => !sent.includes(id) && JSON.stringify(res.body).includes(id));
            if (leaked.length) failures.push(`${actorName}: error body names ${leaked.join(', ')} of the other club`);
          }
        });
        expect(failures, `${r.method.toUpperCase()} ${path}`).to.deep.equal([]);
      });
    }
  }

  it('changed nothing: the database fingerprint is what it was before the id-taking routes ran', async () => {
    expect(await fingerprint(app)).to.deep.equal(initial);
  });

  it("left the other club's objects as they were (read back by its own admin)", async () => {
    const o = ctx.other;
    const [club, member, event, roster, guardians, coachInvites] = await Promise.all([
      o.admin.api.get(`/v1/clubs/${o.clubId}`), o.admin.api.get(`/v1/members/${o.memberId}`), o.admin.api.get(`/v1/events/${o.eventId}`),
      o.admin.api.get(`/v1/groups/${o.groupId}/members`), o.admin.api.get(`/v1/members/${o.memberId}/guardians`), o.admin.api.get(`/v1/groups/${o.groupId}/coach-invitations`),
    ]);
    expect(club.body.name).to.equal('SV Elsewhere');
    expect(member.body.medicalNotes).to.equal('epilepsy');
    expect(event.body).to.include({ title: 'Away game', status: 'scheduled' });
    expect(roster.body.items.map((i: { id: string }) => i.id)).to.deep.equal([o.memberId]);
    expect(guardians.body.items.map((g: { userId: string }) => g.userId)).to.deep.equal([o.guardian.userId]);
    expect(coachInvites.body.items.map((i: { id: string; status: string }) => [i.id, i.status])).to.deep.equal([[o.coachInvitationId, 'pending']]);
  });

  for (const r of listRoutes) {
    const key = routeKey(r);
    it(`${key} (no ids) → never returns an id of the other club, 401 anonymous`, async () => {
      const body = r.body ? SAMPLE_BODIES[key]?.(ctx) : undefined;
      const failures: string[] = [];
      await pool([...ACTORS], 8, async (actorName: ActorName) => {
        const res = await s.actors[actorName].api.request(r.method.toUpperCase(), r.method === 'get' && r.query ? `${r.path}?limit=200` : r.path, body);
        if (actorName === 'anonymous') {
          if (res.status !== 401) failures.push(`anonymous: ${res.status}`);
          return;
        }
        if (res.status !== r.status) failures.push(`${actorName}: ${res.status} ${JSON.stringify(res.body).slice(0, 200)} (expected ${r.status})`);
        const text = JSON.stringify(res.body ?? '');
        const leaked = ctx.other.allIds.filter((id) => text.includes(id));
        if (leaked.length) failures.push(`${actorName}: answer names the other club's ${leaked.join(', ')}`);
      });
      expect(failures, key).to.deep.equal([]);
    });
  }

  it('the other club\'s own admin does see its objects in the same lists (the probe is not vacuous)', async () => {
    const o = ctx.other;
    const [clubs, members, events] = await Promise.all([o.admin.api.get('/v1/clubs?limit=200'), o.guardian.api.get('/v1/me/members'), o.coach.api.get('/v1/me/events?limit=200')]);
    expect(clubs.body.items.map((c: { id: string }) => c.id)).to.include(o.clubId);
    expect(members.body.items.map((m: { id: string }) => m.id)).to.include(o.memberId);
    expect(events.body.items.map((e: { id: string }) => e.id)).to.include(o.eventId);
  });
});
