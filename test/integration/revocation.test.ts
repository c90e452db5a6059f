// Removing a coach, a group assignment or a guardian denies access on the very next request.
import { expect } from 'chai';
import { buildClubScenario, type ClubScenario } from '../support/club-scenario.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('revocation takes effect on the next request', function () {
  this.timeout(60_000);
  let app: TestApp;
  let s: ClubScenario;

  beforeEach(async () => {
    app ??= await startTestApp();
    s = await buildClubScenario(app);
  });
  after(async () => app?.close());

  it('a removed coach no longer sees the group or its members', async () => {
    const coach = s.actors.headCoach;
    expect((await coach.api.get(`/v1/members/${s.childId}`)).status).to.equal(200);
    expect((await s.actors.admin.api.delete(`/v1/groups/${s.groupId}/coaches/${coach.userId}`)).status).to.equal(204);
    expect((await coach.api.get(`/v1/members/${s.childId}`)).status).to.equal(404);
    expect((await coach.api.get(`/v1/groups/${s.groupId}`)).status).to.equal(404);
    expect((await coach.api.get('/v1/me/groups')).body.items).to.deep.equal([]);
    // the assistant of the same group keeps access
    expect((await s.actors.assistantCoach.api.get(`/v1/members/${s.childId}`)).status).to.equal(200);
  });

  it("a member taken off a group is no longer visible to that group's coaches", async () => {
    expect((await s.actors.admin.api.delete(`/v1/groups/${s.groupId}/members/${s.childId}`)).status).to.equal(204);
    expect((await s.actors.headCoach.api.get(`/v1/members/${s.childId}`)).status).to.equal(404);
    const roster = await s.actors.headCoach.api.get(`/v1/groups/${s.groupId}/members`);
    expect(roster.body.items.map((m: { id: string }) => m.id)).not.to.include(s.childId);
    // and the child's guardian no longer sees the group's roster
    expect((await s.actors.guardian.api.get(`/v1/groups/${s.groupId}/members`)).status).to.equal(404);
  });

  it('a removed guardian loses the child at once, and the reason is required and recorded', async () => {
    const path = `/v1/members/${s.childId}/guardians/${s.actors.guardian.userId}`;
    const noReason = await s.actors.admin.api.delete(path);
    expect(noReason.status).to.equal(400);
    expect(noReason.body.error.code).to.equal('validation');
    expect((await s.actors.guardian.api.get(`/v1/members/${s.childId}`)).status).to.equal(200);

    expect((await s.actors.admin.api.delete(path, { reason: 'Custody ruling 12/2026' })).status).to.equal(204);
    expect((await s.actors.guardian.api.get(`/v1/members/${s.childId}`)).status).to.equal(404);
    expect((await s.actors.guardian.api.get('/v1/me/members')).body.items).to.deep.equal([]);
    const rows = await app.orm.em.fork().getConnection().execute(`select reason, removed_by from guardian_removals where member_id = ?`, [s.childId]);
    expect(rows).to.deep.equal([{ reason: 'Custody ruling 12/2026', removed_by: s.actors.admin.userId }]);
  });

  it('a guardian cannot remove another guardian of the same child', async () => {
    const second = await s.newUser('second-guardian');
    expect((await s.actors.admin.api.post(`/v1/members/${s.childId}/guardians`, { userId: second.userId, relationship: 'father' })).status).to.equal(201);
    const res = await s.actors.guardian.api.delete(`/v1/members/${s.childId}/guardians/${second.userId}`, { reason: 'I want sole custody' });
    expect(res.status).to.equal(403);
    expect((await second.api.get(`/v1/members/${s.childId}`)).status).to.equal(200);
  });
});
