// Small factories and probes for the events and invitations tests: events created through the API,
// and the email jobs a command left in the job outbox (what BullMQ was then handed).
import { expect } from 'chai';
import { ApiClient } from '../../support/api-client.js';
import type { ClubScenario } from '../../support/club-scenario.js';
import type { TestApp } from '../../support/test-app.js';

const HOUR = 3600_000;
let sequence = 0;

/** Whole-hour instants `hours` from now (UTC), as ISO strings. */
export const hoursFromNow = (hours: number) => new Date(Math.ceil(Date.now() / HOUR) * HOUR + hours * HOUR).toISOString();

/** An event in the scenario's group (u10: child invited, guardian emailed), planned by its admin. */
export async function newEvent(s: ClubScenario, body: Record<string, unknown> = {}, groupId = s.groupId): Promise<{ id: string; startsAt: string; [k: string]: unknown }> {
  const res = await s.actors.admin.api.post(`/v1/groups/${groupId}/events`, {
    type: 'practice', title: `Practice ${++sequence}`, startsAt: hoursFromNow(72), endsAt: hoursFromNow(73.5), location: 'Field 2', ...body,
  });
  expect(res.status, JSON.stringify(res.body)).to.equal(201);
  return res.body;
}

export interface OutboxJob {
  id: string;
  operation: 'add' | 'remove';
  job_id: string;
  data: { template: string; to: { userId?: string; email: string; name?: string }; essential: boolean; urgent?: boolean; vars: Record<string, any> } | null;
  run_at: Date | null;
  status: string;
}

/** Email jobs recorded by commands, oldest first; `like` filters job ids (SQL LIKE). */
export async function emailJobs(app: TestApp, like = '%'): Promise<OutboxJob[]> {
  return app.orm.em.fork().getConnection().execute<OutboxJob[]>(
    `select id::text as id, operation, job_id, data, run_at, status from job_outbox where queue = 'email' and job_id like ? order by id`,
    [like],
  );
}

/** A user signed in with a token that vouches for their email (as Auth0 does once the address is verified). */
export async function signInVerified(app: TestApp, email: string, verified = true): Promise<{ api: ApiClient; userId: string }> {
  const sub = `auth0|verified-${Date.now().toString(36)}-${++sequence}`;
  const token = await app.touchline.running.devIssuer!.sign({ sub, email, name: email.split('@')[0], emailVerified: verified });
  const api = new ApiClient(app.url, token);
  const me = await api.get('/v1/me');
  expect(me.status).to.equal(200);
  return { api, userId: me.body.id };
}

export const uniqueEmail = (label: string) => `${label}.${Date.now().toString(36)}.${++sequence}@example.test`;

/** The events the authorisation matrix works on, created once per scenario (u10's and u12's). */
export interface ScenarioEvents {
  eventId: string;
  otherEventId: string;
}
const scenarioEventsCache = new WeakMap<ClubScenario, Promise<ScenarioEvents>>();
const knownScenarioEvents = new WeakMap<ClubScenario, ScenarioEvents>();

export function scenarioEvents(s: ClubScenario): Promise<ScenarioEvents> {
  let pending = scenarioEventsCache.get(s);
  if (!pending) {
    pending = (async () => {
      const events = { eventId: (await newEvent(s)).id, otherEventId: (await newEvent(s, {}, s.otherGroupId)).id };
      knownScenarioEvents.set(s, events);
      return events;
    })();
    scenarioEventsCache.set(s, pending);
  }
  return pending;
}

/** For the matrix's synchronous `sees`/`hidden`: the ids `scenarioEvents` created (its calls run first). */
export const eventsOf = (s: ClubScenario): ScenarioEvents => {
  const events = knownScenarioEvents.get(s);
  if (!events) throw new Error('scenarioEvents(s) has not run yet');
  return events;
};

/** A fresh invitation by the scenario's admin (assistant coach of u10 unless told otherwise); returns its id. */
export async function newInvitation(s: ClubScenario, kind: 'coach' | 'guardian', extra: Record<string, unknown> = {}): Promise<string> {
  const email = uniqueEmail(`invitee-${kind}`);
  const res = kind === 'coach'
    ? await s.actors.admin.api.post(`/v1/groups/${s.groupId}/coach-invitations`, { email, role: 'assistant', ...extra })
    : await s.actors.admin.api.post(`/v1/members/${s.childId}/guardian-invitations`, { email, relationship: 'aunt', ...extra });
  expect(res.status, JSON.stringify(res.body)).to.equal(201);
  return res.body.id;
}
