// A club built through the public API, with one actor of every kind the authorisation rules know.
import { expect } from 'chai';
import { ApiClient } from './api-client.js';
import type { TestApp } from './test-app.js';

export const ACTORS = ['admin', 'headCoach', 'assistantCoach', 'otherCoach', 'guardian', 'otherGuardian', 'auditor', 'stranger', 'anonymous'] as const;
export type ActorName = (typeof ACTORS)[number];

export interface Actor {
  name: ActorName;
  api: ApiClient;
  userId: string;
}

export interface ClubScenario {
  app: TestApp;
  actors: Record<ActorName, Actor>;
  clubId: string;
  /** u10: coached by headCoach and assistantCoach; member `child` (guardian: guardian). */
  groupId: string;
  /** u12 in the same club: coached by otherCoach; member `otherChild` (guardian: otherGuardian). */
  otherGroupId: string;
  childId: string;
  otherChildId: string;
  /** A user who has signed in once and has no relations. */
  newUser(label?: string): Promise<Actor>;
  newMember(opts?: { groupId?: string }): Promise<string>;
}

let sequence = 0;

export async function signIn(app: TestApp, name: ActorName | string): Promise<Actor> {
  const sub = `auth0|${name}-${Date.now().toString(36)}-${++sequence}`;
  const api = new ApiClient(app.url, await app.token(sub, { email: `${name}.${sequence}@example.test`, name }));
  const me = await api.get('/v1/me');
  expect(me.status, JSON.stringify(me.body)).to.equal(200);
  return { name: name as ActorName, api, userId: me.body.id };
}

export async function buildClubScenario(app: TestApp): Promise<ClubScenario> {
  const actors = {} as Record<ActorName, Actor>;
  for (const name of ACTORS) {
    actors[name] = name === 'anonymous' ? { name, api: new ApiClient(app.url), userId: 'nobody' } : await signIn(app, name);
  }
  const admin = actors.admin.api;
  const ok = <T>(res: { status: number; body: T }, status = 201): T => {
    expect(res.status, JSON.stringify(res.body)).to.equal(status);
    return res.body;
  };
  const clubId = ok(await admin.post('/v1/clubs', { name: 'FC Riverside', timezone: 'Europe/Berlin' })).id as string;
  const groupId = ok(await admin.post(`/v1/clubs/${clubId}/groups`, { name: 'U10', season: '2026/27', ageGroup: 'U10' })).id as string;
  const otherGroupId = ok(await admin.post(`/v1/clubs/${clubId}/groups`, { name: 'U12', season: '2026/27' })).id as string;
  const newMember = async (o: { groupId?: string } = {}) => {
    const id = ok(await admin.post(`/v1/clubs/${clubId}/members`, { firstName: 'Kid', lastName: `No${++sequence}`, dateOfBirth: '2016-04-01', medicalNotes: 'asthma' })).id as string;
    if (o.groupId) ok(await admin.post(`/v1/groups/${o.groupId}/members`, { memberId: id }));
    return id;
  };
  const childId = await newMember({ groupId });
  const otherChildId = await newMember({ groupId: otherGroupId });
  ok(await admin.post(`/v1/groups/${groupId}/coaches`, { userId: actors.headCoach.userId, role: 'head' }));
  ok(await admin.post(`/v1/groups/${groupId}/coaches`, { userId: actors.assistantCoach.userId, role: 'assistant' }));
  ok(await admin.post(`/v1/groups/${otherGroupId}/coaches`, { userId: actors.otherCoach.userId, role: 'head' }));
  ok(await admin.post(`/v1/members/${childId}/guardians`, { userId: actors.guardian.userId, relationship: 'mother' }));
  ok(await admin.post(`/v1/members/${otherChildId}/guardians`, { userId: actors.otherGuardian.userId, relationship: 'father' }));
  ok(await admin.post(`/v1/clubs/${clubId}/auditors`, { userId: actors.auditor.userId }));
  return { app, actors, clubId, groupId, otherGroupId, childId, otherChildId, newUser: (label = 'user') => signIn(app, label), newMember };
}
