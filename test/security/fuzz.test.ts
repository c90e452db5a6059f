// Property-based fuzzing (fast-check) of every request body and query in the route table, as the club
// admin against their own objects: wrong types, huge strings, unicode, negative and giant numbers, extra
// fields, prototype-pollution keys, malformed JSON, non-object JSON, wrong content type, deep nesting and
// oversized bodies. Every generated input is checked against the route's own zod schema (or is not JSON at
// all) before it is sent, so each one is known to be invalid: the answer must be a 4xx with the
// `{ error: { code, message } }` shape — never 2xx, never 5xx — and the database must not change.
import { expect } from 'chai';
import fc from 'fast-check';
import { parse as parseQueryString } from 'node:querystring';
import { fingerprint, fillPath, routeKey, routes } from './security-fixtures.js';
import { buildClubScenario, type ClubScenario } from '../support/club-scenario.js';
import type { TestApp } from '../support/test-app.js';
import { startEmailTestApp, type EmailTestApp } from '../email/support/email-test-app.js';
import type { RouteSpec } from '../../src/modules/shared/route-table.js';

/** Requests per route (a multiple of CONCURRENCY); 32 fuzzed routes × 384 ≈ 12,300 per run. */
const RUNS_PER_ROUTE = Number(process.env.FUZZ_RUNS_PER_ROUTE ?? 384);
const CONCURRENCY = 8;
const MIN_TOTAL = Number(process.env.FUZZ_MIN_TOTAL ?? 10_000);

interface Own {
  clubId: string;
  groupId: string;
  memberId: string;
  eventId: string;
  guardianUserId: string;
  someUserId: string;
}

/** A valid body per route, on the admin's own objects: the fuzzers break it. */
const VALID_BODIES: Record<string, (o: Own) => Record<string, unknown>> = {
  'POST /v1/clubs': () => ({ name: 'Probe FC', timezone: 'Europe/Berlin' }),
  'PATCH /v1/clubs/:clubId': () => ({ name: 'Renamed', timezone: 'Europe/Paris' }),
  'POST /v1/clubs/:clubId/admins': (o) => ({ userId: o.someUserId }),
  'POST /v1/clubs/:clubId/auditors': (o) => ({ userId: o.someUserId }),
  'PUT /v1/me/email-preferences': () => ({ timezone: 'Europe/London', nonEssential: false }),
  'PUT /v1/clubs/:clubId/quiet-hours': () => ({ start: '22:00', end: '06:00' }),
  'POST /v1/groups/:groupId/events': () => ({
    type: 'practice', title: 'Fuzz practice', startsAt: '2027-06-01T18:00', endsAt: '2027-06-01T19:00', location: 'Field 1', notes: 'bring water', capacity: 20,
    recurrence: { frequency: 'weekly', interval: 1, byWeekday: ['TU'], count: 4 },
  }),
  'PATCH /v1/events/:eventId': () => ({ title: 'Changed', capacity: 12, notes: 'n' }),
  'PUT /v1/events/:eventId/attendance/:memberId': () => ({ status: 'going', note: 'ok' }),
  'POST /v1/clubs/:clubId/groups': () => ({ name: 'U16', season: '2026/27', ageGroup: 'U16' }),
  'POST /v1/groups/:groupId/coaches': (o) => ({ userId: o.someUserId, role: 'assistant' }),
  'POST /v1/groups/:groupId/members': (o) => ({ memberId: o.memberId }),
  'POST /v1/members/:memberId/guardians': (o) => ({ userId: o.someUserId, relationship: 'aunt' }),
  'DELETE /v1/members/:memberId/guardians/:userId': () => ({ reason: 'Court order of 2026-11-01' }),
  'POST /v1/groups/:groupId/coach-invitations': () => ({ email: 'fuzz@example.test', role: 'assistant', expiresInDays: 7 }),
  'POST /v1/members/:memberId/guardian-invitations': () => ({ email: 'fuzz@example.test', relationship: 'aunt', expiresInDays: 7 }),
  'POST /v1/clubs/:clubId/members': () => ({
    firstName: 'Fuzz', lastName: 'Kid', dateOfBirth: '2016-01-01', medicalNotes: 'none', emergencyContacts: [{ name: 'Mum', phone: '+49 30 1234', relationship: 'mother' }],
  }),
  'PATCH /v1/members/:memberId': () => ({ firstName: 'Fuzzy', medicalNotes: null }),
};

/** A valid query per route with a query schema (default: a page size). */
const VALID_QUERIES: Record<string, (o: Own) => Record<string, string>> = {
  default: () => ({ limit: '10' }),
  'GET /v1/groups/:groupId/events': () => ({ limit: '10', from: '2026-01-01', to: '2028-01-01' }),
  'GET /v1/me/events': () => ({ limit: '10', from: '2026-01-01', to: '2028-01-01' }),
  'GET /v1/audit/who-can': (o) => ({ object: `member:${o.memberId}`, relation: 'can_view' }),
  'GET /v1/audit/users/:userId/access': () => ({ type: 'member', relation: 'can_view', limit: '10' }),
  'GET /v1/audit/changes': (o) => ({ clubId: o.clubId, since: '2026-01-01T00:00:00Z', limit: '10' }),
  'GET /v1/audit/decisions': (o) => ({ clubId: o.clubId, allowed: 'true', limit: '10' }),
};
const validQueryOf = (key: string, o: Own) => (VALID_QUERIES[key] ?? VALID_QUERIES.default)(o);

function ownParams(o: Own): Record<string, string> {
  return { clubId: o.clubId, groupId: o.groupId, memberId: o.memberId, eventId: o.eventId, userId: o.guardianUserId };
}

// ---- generators --------------------------------------------------------------------------------------

interface Probe {
  kind: string;
  /** Body text as sent (undefined: no body). */
  text?: string;
  contentType?: string;
  /** Query string as sent (without '?'). */
  query?: string;
}

const hostileString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 64 }),
  fc.string({ unit: 'grapheme', maxLength: 64 }),
  fc.constantFrom('', ' ', '\u0000', '\u202e', '😀'.repeat(30), 'ǅ̶̧̛̖̀', "'; drop table clubs; --", '<script>alert(1)</script>', '../../etc/passwd', '%00', '${7*7}', '{{7*7}}', 'null', 'undefined', 'NaN', '1e400', '-1', '0x10', 'true'),
);
const hugeString = fc.tuple(fc.integer({ min: 5_001, max: 20_000 }), fc.constantFrom('x', 'é', '😀', '\u0000', ' ')).map(([n, c]) => c.repeat(Math.ceil(n / c.length)));
const hostileNumber = fc.oneof(
  fc.integer({ min: -2_147_483_648, max: -1 }),
  fc.constantFrom(0, -0, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, -Number.MAX_SAFE_INTEGER - 2, 2 ** 31, 2 ** 53, 1.5, 0.000001, 10_001, 1e21),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);
const wrongType = fc.oneof(
  fc.integer(), fc.boolean(), fc.constant(null), hostileNumber, hostileString,
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 5 }), fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
);
const POLLUTION_KEYS = ['__proto__', 'constructor', 'prototype', '__defineGetter__', 'hasOwnProperty', 'toString', 'valueOf', 'isAdmin', 'role', 'clubId', 'id', 'createdAt', 'version'];

/** Replaces key `key` of the JSON text of `obj` by raw JSON (keeps `__proto__` as an own key, as JSON.parse does). */
function jsonWith(obj: Record<string, unknown>, extra: Array<[string, string]>): string {
  const own = Object.entries(obj).map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`);
  return `{${[...extra.map(([k, raw]) => `${JSON.stringify(k)}:${raw}`), ...own].join(',')}}`;
}

function bodyProbes(valid: Record<string, unknown>): fc.Arbitrary<Probe> {
  const keys = Object.keys(valid);
  const key = fc.constantFrom(...keys);
  const replace = (kind: string, value: fc.Arbitrary<unknown>) =>
    fc.tuple(key, value).map(([k, v]): Probe => ({ kind, text: JSON.stringify({ ...valid, [k]: v }) }));
  const text = JSON.stringify(valid);
  return fc.oneof(
    { weight: 4, arbitrary: replace('wrong type', wrongType) },
    { weight: 2, arbitrary: replace('huge string', hugeString) },
    { weight: 3, arbitrary: replace('unicode', hostileString) },
    { weight: 3, arbitrary: replace('hostile number', hostileNumber) },
    { weight: 1, arbitrary: key.map((k): Probe => { const { [k]: _, ...rest } = valid; return { kind: 'missing field', text: JSON.stringify(rest) }; }) },
    { weight: 2, arbitrary: fc.tuple(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }).filter((k) => !keys.includes(k)), fc.jsonValue({ maxDepth: 2 }))
      .map(([k, v]): Probe => ({ kind: 'extra field', text: jsonWith(valid, [[k, JSON.stringify(v ?? null)]]) })) },
    { weight: 3, arbitrary: fc.tuple(fc.constantFrom(...POLLUTION_KEYS), fc.constantFrom('{"isAdmin":true,"polluted":"yes"}', '{"prototype":{"polluted":"yes"}}', '"polluted"', 'null', '[]', '{"__proto__":{"polluted":"yes"}}'))
      .map(([k, raw]): Probe => ({ kind: 'prototype pollution', text: jsonWith(valid, [[k, raw]]) })) },
    { weight: 3, arbitrary: fc.tuple(fc.nat({ max: text.length - 1 }), fc.constantFrom('', '{', '}', ',', '"', "'", ':', '\\', 'NaN', 'undefined', '//', '\u0000', ']', 'x'))
      .map(([at, junk]): Probe => ({ kind: 'malformed JSON', text: text.slice(0, at) + junk }))
      .filter((p) => !parsesAsObject(p.text!)) },
    { weight: 1, arbitrary: fc.constantFrom("{'name':'x'}", '{"a":1,}', '{"a":01}', '{"a":1}{"b":2}', '{"a":"\\x41"}', '{"a":NaN}', '{"a":Infinity}', '{"a":undefined}', '{', '', ' ', '\u0000', '\ufeff{}', '{"a":"\\ud800"', 'null', 'true', '"string"', '42')
      .map((t): Probe => ({ kind: 'malformed JSON', text: t })) },
    { weight: 2, arbitrary: fc.oneof(fc.constant(null), fc.constant([valid]), fc.jsonValue({ maxDepth: 2 }).filter((v) => v === null || typeof v !== 'object' || Array.isArray(v)))
      .map((v): Probe => ({ kind: 'not an object', text: JSON.stringify(v) })) },
    { weight: 1, arbitrary: fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml')
      .map((ct): Probe => ({ kind: 'wrong content type', text: ct.startsWith('application/x-www') ? new URLSearchParams(valid as Record<string, string>).toString() : text, contentType: ct })) },
    { weight: 1, arbitrary: fc.tuple(key, fc.integer({ min: 100, max: 5_000 }), fc.boolean())
      .map(([k, depth, arrays]): Probe => ({ kind: 'deep nesting', text: jsonWith(Object.fromEntries(Object.entries(valid).filter(([kk]) => kk !== k)), [[k, arrays ? '['.repeat(depth) + ']'.repeat(depth) : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth)]]) })) },
    { weight: 1, arbitrary: fc.integer({ min: 103_000, max: 160_000 }).map((n): Probe => ({ kind: 'oversized body', text: jsonWith(valid, [['padding', JSON.stringify('p'.repeat(n))]]) })) },
  );
}

function queryProbes(valid: Record<string, string>): fc.Arbitrary<Probe> {
  const keys = Object.keys(valid);
  const q = (kind: string, entries: fc.Arbitrary<Array<[string, string]>>) =>
    entries.map((extra): Probe => {
      const params = new URLSearchParams(Object.entries(valid).filter(([k]) => !extra.some(([e]) => e === k)));
      for (const [k, v] of extra) params.append(k, v);
      return { kind, query: params.toString() };
    });
  const numberText = fc.oneof(hostileNumber.map(String), fc.constantFrom('', ' ', 'abc', '1e400', '0x10', '1.5', '-0', 'Infinity', '1,2', '١٢', '½'), hostileString);
  const dateText = fc.oneof(hostileString, fc.constantFrom('2026-13-01', '2026-02-30T25:00', 'yesterday', '0000-00-00', '2026-01-01T00:00', '9999999-01-01', '2026-01-01T00:00:00+99:00'));
  return fc.oneof(
    { weight: 4, arbitrary: q('bad limit', numberText.map((v) => [['limit', v]])) },
    { weight: 2, arbitrary: q('repeated limit', fc.array(fc.integer({ min: 1, max: 300 }).map(String), { minLength: 2, maxLength: 4 }).map((vs) => vs.map((v): [string, string] => ['limit', v]))) },
    // Longer than the schema's 200, short enough for Node's 16 KB header limit (beyond it Node answers 431 before the app runs).
    { weight: 2, arbitrary: q('huge cursor', fc.tuple(fc.integer({ min: 201, max: 600 }), fc.constantFrom('x', 'é', '😀', '%', ' ')).map(([n, c]) => [['cursor', c.repeat(n)]])) },
    ...(keys.includes('from')
      ? [{ weight: 4, arbitrary: q('bad window', fc.tuple(fc.constantFrom('from', 'to'), dateText).map(([k, v]) => [[k, v]])) }]
      : []),
    // Every parameter of the route's own query (ids, object names, times, flags), not just the page size.
    { weight: 4, arbitrary: q('bad parameter', fc.tuple(fc.constantFrom(...keys), fc.oneof(hostileString, dateText, numberText, fc.constantFrom('member:', ':x', 'member:a:b', 'member:*', 'user:#x', 'a'.repeat(121)))).map(([k, v]) => [[k, v]])) },
    { weight: 1, arbitrary: q('missing parameter', fc.constantFrom(...keys).map((k) => [[k, '']])) },
    { weight: 2, arbitrary: q('bad limit + noise', fc.tuple(numberText, fc.constantFrom(...POLLUTION_KEYS, 'limit[]', 'a[b]'), hostileString).map(([l, k, v]) => [['limit', l], [k, v]])) },
  );
}

function parsesAsObject(text: string): boolean {
  try {
    const v = JSON.parse(text);
    return v !== null && typeof v === 'object';
  } catch {
    return false;
  }
}

/** What the server's validator would get for this probe, or `invalid` if it can never reach it. */
function serverView(route: RouteSpec, probe: Probe, validQuery: Record<string, string> | undefined): { body?: unknown; query?: unknown } | 'not json' {
  if (probe.text !== undefined) {
    if (probe.contentType && probe.contentType !== 'application/json') return { body: undefined };
    if (Buffer.byteLength(probe.text) > 100 * 1024) return 'not json';
    const trimmed = probe.text.replace(/^[\s\ufeff]+/, '');
    if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return 'not json'; // body-parser strict mode
    try {
      return { body: JSON.parse(probe.text) };
    } catch {
      return 'not json';
    }
  }
  return { query: probe.query !== undefined ? { ...parseQueryString(probe.query) } : validQuery };
}

/** True when the route's own schemas reject what the server would see. */
function knownInvalid(route: RouteSpec, probe: Probe, validQuery: Record<string, string> | undefined): boolean {
  const view = serverView(route, probe, validQuery);
  if (view === 'not json') return true;
  if ('body' in view && route.body) return !route.body.safeParse(view.body).success;
  if ('query' in view && route.query) return !route.query.safeParse(view.query).success;
  return false;
}

// ---- the suite -------------------------------------------------------------------------------------------

describe('fuzzing every body and query (fast-check): hostile input → 4xx with the error shape, nothing changes', function () {
  this.timeout(180_000);
  let emailApp: EmailTestApp;
  let app: TestApp;
  let s: ClubScenario;
  let own: Own;
  let token: string;
  let initial: Record<string, string>;
  let sent = 0;
  const byKind = new Map<string, number>();
  const byStatus = new Map<number, number>();

  before(async () => {
    // Rate limits off (their own tests cover them): thousands of requests from one user must reach validation.
    emailApp = await startEmailTestApp({ RATE_LIMIT_PER_USER_PER_MINUTE: '0', RATE_LIMIT_PER_IP_PER_MINUTE: '0' }, { startWorkers: false });
    app = emailApp.app;
    s = await buildClubScenario(app);
    const admin = s.actors.admin.api;
    const start = new Date(Math.ceil(Date.now() / 3600_000) * 3600_000 + 72 * 3600_000);
    const event = await admin.post(`/v1/groups/${s.groupId}/events`, { type: 'practice', title: 'Fuzz target', startsAt: start.toISOString(), endsAt: new Date(+start + 3600_000).toISOString() });
    expect(event.status, JSON.stringify(event.body)).to.equal(201);
    own = { clubId: s.clubId, groupId: s.groupId, memberId: s.childId, eventId: event.body.id, guardianUserId: s.actors.guardian.userId, someUserId: (await s.newUser('spare')).userId };
    token = (admin as unknown as { token: string }).token;
    initial = await fingerprint(app);
  });
  after(async () => {
    await emailApp?.close();
  });

  const fuzzed = routes.filter((r) => r.body || r.query);

  it('has a valid sample for every route with a body or query (each passes its schema)', () => {
    const missing = fuzzed.filter((r) => r.body && !VALID_BODIES[routeKey(r)]).map(routeKey);
    expect(missing, 'routes with a body but no entry in VALID_BODIES').to.deep.equal([]);
    for (const r of fuzzed) {
      if (r.body) expect(r.body.safeParse(VALID_BODIES[routeKey(r)](own)).success, `${routeKey(r)} body sample`).to.equal(true);
      if (r.query) expect(r.query.safeParse(validQueryOf(routeKey(r), own)).success, `${routeKey(r)} query sample`).to.equal(true);
    }
  });

  async function send(method: string, path: string, probe: Probe): Promise<{ status: number; body: any; contentType: string | null }> {
    const headers: Record<string, string> = { authorization: `Bearer ${token}` };
    if (probe.text !== undefined) headers['content-type'] = probe.contentType ?? 'application/json';
    const url = `${app.url}${path}${probe.query !== undefined ? `?${probe.query}` : ''}`;
    // Node's fetch keeps connections alive (undici's global pool): ~CONCURRENCY sockets are reused.
    const res = await fetch(url, { method, headers, body: probe.text });
    const text = await res.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // keep the text: the assertion below says what came back
    }
    sent++;
    byKind.set(probe.kind, (byKind.get(probe.kind) ?? 0) + 1);
    byStatus.set(res.status, (byStatus.get(res.status) ?? 0) + 1);
    return { status: res.status, body, contentType: res.headers.get('content-type') };
  }

  for (const route of fuzzed) {
    const key = routeKey(route);
    for (const part of ['body', 'query'] as const) {
      if (!route[part]) continue;
      it(`${key}: ${RUNS_PER_ROUTE} hostile ${part === 'body' ? 'bodies' : 'queries'} → 4xx with the error shape, no change`, async () => {
        const path = fillPath(route.path, ownParams(own));
        const validQuery = route.query ? validQueryOf(key, own) : undefined;
        const probes = (part === 'body' ? bodyProbes(VALID_BODIES[key](own)) : queryProbes(validQuery!)).filter((p) => knownInvalid(route, p, validQuery));
        const property = fc.asyncProperty(probes, async (probe) => {
          const res = await send(route.method.toUpperCase(), path, probe);
          const what = `${probe.kind} → ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`;
          expect(res.status, what).to.be.within(400, 499);
          expect(res.status, `${what} (a rate limit or auth failure would make this suite vacuous)`).to.not.be.oneOf([401, 403, 404, 429]);
          expect(res.body?.error?.code, what).to.be.a('string');
          expect(res.body?.error?.message, what).to.be.a('string');
        });
        // CONCURRENCY independent runs (each shrinks on its own) keep ~8 requests in flight.
        const runs = await Promise.all(Array.from({ length: CONCURRENCY }, () => fc.check(property, { numRuns: RUNS_PER_ROUTE / CONCURRENCY })));
        for (const run of runs) {
          if (!run.failed) continue;
          const example = JSON.stringify(run.counterexample?.[0]).slice(0, 600);
          throw new Error(`seed ${run.seed}, path ${run.counterexamplePath}: ${String((run.errorInstance as Error)?.message ?? run.errorInstance).slice(0, 600)}\n  counterexample (shrunk ${run.numShrinks}×): ${example}`);
        }
        expect(await fingerprint(app), 'database fingerprint').to.deep.equal(initial);
      });
    }
  }

  it(`sent at least ${MIN_TOTAL} generated requests, polluted no prototype`, () => {
    console.log(`      fuzz: ${sent} requests; by kind ${JSON.stringify(Object.fromEntries(byKind))}; by status ${JSON.stringify(Object.fromEntries(byStatus))}`);
    expect(sent).to.be.at.least(MIN_TOTAL);
    expect(({} as Record<string, unknown>).polluted, 'Object.prototype.polluted').to.equal(undefined);
    expect(({} as Record<string, unknown>).isAdmin, 'Object.prototype.isAdmin').to.equal(undefined);
  });
});
