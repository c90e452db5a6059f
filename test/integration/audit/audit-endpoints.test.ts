// Auditors over HTTP: who can see a child and why, a user's reach, the relationship history and the
// decision log — each for the club's auditors only (another club's auditor and everyone else: 404).
import { expect } from 'chai';
import { buildClubScenario, signIn, type Actor, type ClubScenario } from '../../support/club-scenario.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';

describe('audit endpoints', function () {
  this.timeout(120_000);
  let app: TestApp;
  let s: ClubScenario;
  let auditor: Actor;
  let otherAuditor: Actor;

  before(async () => {
    app = await startTestApp();
    s = await buildClubScenario(app);
    // The child plays in u10 and u12: the coaches of each of the child's groups see the profile.
    expect((await s.actors.admin.api.post(`/v1/groups/${s.otherGroupId}/members`, { memberId: s.childId })).status).to.equal(201);
    auditor = await signIn(app, 'auditor');
    expect((await s.actors.admin.api.post(`/v1/clubs/${s.clubId}/auditors`, { userId: auditor.userId })).status).to.equal(201);
    // An auditor of another club.
    otherAuditor = await signIn(app, 'otherAuditor');
    const otherAdmin = await signIn(app, 'otherAdmin');
    const otherClub = await otherAdmin.api.post('/v1/clubs', { name: 'Other FC' });
    expect((await otherAdmin.api.post(`/v1/clubs/${otherClub.body.id}/auditors`, { userId: otherAuditor.userId })).status).to.equal(201);
  });
  after(async () => app?.close());

  const whoCanChild = (a: Actor, relation = 'can_view') => a.api.get(`/v1/audit/who-can?object=member:${s.childId}&relation=${relation}`);

  it("shows who can view a child's full profile and why: the guardian, the coaches of each of the child's groups, the club admin, nobody else", async () => {
    const res = await whoCanChild(auditor);
    expect(res.status, JSON.stringify(res.body)).to.equal(200);
    const byUser = new Map<string, string[]>(res.body.items.map((i: { userId: string; paths: string[] }) => [i.userId, i.paths]));
    const { admin, headCoach, assistantCoach, otherCoach, guardian } = s.actors;
    expect([...byUser.keys()].sort()).to.deep.equal([admin, headCoach, assistantCoach, otherCoach, guardian].map((a) => a.userId).sort());
    const member = `member:${s.childId}`;
    expect(byUser.get(guardian.userId)).to.deep.equal([`guardian of ${member}`]);
    expect(byUser.get(headCoach.userId)).to.deep.equal([`head_coach of group:${s.groupId} → coach of group:${s.groupId} → group of ${member}`]);
    expect(byUser.get(assistantCoach.userId)).to.deep.equal([`assistant_coach of group:${s.groupId} → coach of group:${s.groupId} → group of ${member}`]);
    expect(byUser.get(otherCoach.userId)).to.deep.equal([`head_coach of group:${s.otherGroupId} → coach of group:${s.otherGroupId} → group of ${member}`]);
    expect(byUser.get(admin.userId)).to.deep.equal([`admin of club:${s.clubId} → club of ${member}`]);
    expect(res.body.items.find((i: { userId: string }) => i.userId === guardian.userId).name).to.equal('guardian');
    // The auditor is not among those who see medical notes; they see the profile without them.
    expect(byUser.has(auditor.userId)).to.equal(false);
    const profile = await whoCanChild(auditor, 'can_view_profile');
    expect(profile.body.items.map((i: { userId: string }) => i.userId)).to.include(auditor.userId);
  });

  it('answers who-can as CSV, one row per path', async () => {
    const res = await auditor.api.request('GET', `/v1/audit/who-can?object=member:${s.childId}&relation=can_view`, undefined, { accept: 'text/csv' });
    expect(res.status).to.equal(200);
    expect(res.headers.get('content-type')).to.match(/^text\/csv/);
    const lines = String(res.body).trim().split('\r\n');
    expect(lines[0]).to.equal('object,relation,userId,name,email,path');
    expect(lines).to.have.length(6);
    expect(lines.some((l) => l.includes(`${s.actors.guardian.userId},guardian,`) && l.endsWith(`guardian of member:${s.childId}`))).to.equal(true);
  });

  it("lists a user's reach within the audited club, paginated", async () => {
    const extra = await s.newMember({ groupId: s.groupId });
    const first = await auditor.api.get(`/v1/audit/users/${s.actors.headCoach.userId}/access?type=member&relation=can_view&limit=1`);
    expect(first.status, JSON.stringify(first.body)).to.equal(200);
    expect(first.body.items).to.have.length(1);
    expect(first.body.nextCursor).to.be.a('string');
    const second = await auditor.api.get(`/v1/audit/users/${s.actors.headCoach.userId}/access?type=member&relation=can_view&limit=1&cursor=${first.body.nextCursor}`);
    const ids = [...first.body.items, ...second.body.items].map((i: { id: string }) => i.id).sort();
    expect(ids).to.deep.equal([s.childId, extra].sort());
    expect(second.body.items[0].object).to.equal(`member:${second.body.items[0].id}`);
    // Another club's auditor learns nothing about this club's objects.
    const outsider = await otherAuditor.api.get(`/v1/audit/users/${s.actors.headCoach.userId}/access?type=member&relation=can_view`);
    expect(outsider.status).to.equal(200);
    expect(outsider.body.items).to.deep.equal([]);
  });

  it('keeps the history of relationship changes: what, added or removed, by whom, through which command, why', async () => {
    const guardianToRemove = await s.newUser('leaving-guardian');
    await s.actors.admin.api.post(`/v1/members/${s.childId}/guardians`, { userId: guardianToRemove.userId, relationship: 'uncle' });
    const removed = await s.actors.admin.api.delete(`/v1/members/${s.childId}/guardians/${guardianToRemove.userId}`, { reason: 'Custody order 2026-12-01' });
    expect(removed.status).to.equal(204);
    const res = await auditor.api.get(`/v1/audit/changes?clubId=${s.clubId}&limit=500`);
    expect(res.status, JSON.stringify(res.body)).to.equal(200);
    const items = res.body.items as Array<Record<string, any>>;
    const added = items.find((c) => c.command === 'add-guardian' && c.tuple.user === `user:${guardianToRemove.userId}`)!;
    const gone = items.find((c) => c.command === 'remove-guardian' && c.tuple.user === `user:${guardianToRemove.userId}`)!;
    expect(added).to.include({ operation: 'added', actorId: s.actors.admin.userId, reason: null });
    expect(added.tuple).to.deep.equal({ user: `user:${guardianToRemove.userId}`, relation: 'guardian', object: `member:${s.childId}` });
    expect(gone).to.include({ operation: 'removed', actorId: s.actors.admin.userId, reason: 'Custody order 2026-12-01' });
    // One chain: each entry carries the hash of the one before it.
    items.forEach((c, i) => {
      expect(c.seq).to.equal(i + 1);
      if (i > 0) expect(c.prevHash).to.equal(items[i - 1].hash);
    });
    const since = await auditor.api.get(`/v1/audit/changes?clubId=${s.clubId}&since=${encodeURIComponent(gone.at)}`);
    expect(since.body.items.every((c: { at: string }) => c.at >= gone.at)).to.equal(true);
    expect(since.body.items.map((c: { seq: number }) => c.seq)).to.include(gone.seq);
    const csv = await auditor.api.request('GET', `/v1/audit/changes?clubId=${s.clubId}`, undefined, { accept: 'text/csv' });
    expect(String(csv.body).split('\r\n')[0]).to.equal('seq,at,operation,user,relation,object,actorId,command,reason,prevHash,hash');
    expect(String(csv.body)).to.include('Custody order 2026-12-01');
  });

  it("logs every decision on a child's record, allowed and denied, for the club's auditors", async () => {
    const stranger = s.actors.stranger;
    expect((await s.actors.headCoach.api.get(`/v1/members/${s.childId}`)).status).to.equal(200);
    expect((await stranger.api.get(`/v1/members/${s.childId}`)).status).to.equal(404);
    const res = await auditor.api.get(`/v1/audit/decisions?clubId=${s.clubId}&object=member:${s.childId}&limit=500`);
    expect(res.status, JSON.stringify(res.body)).to.equal(200);
    const items = res.body.items as Array<Record<string, any>>;
    expect(items.some((d) => d.userId === s.actors.headCoach.userId && d.relation === 'can_view' && d.allowed === true && d.route === 'GET /v1/members/:memberId')).to.equal(true);
    expect(items.some((d) => d.userId === stranger.userId && d.allowed === false && d.route === 'GET /v1/members/:memberId')).to.equal(true);
    const denied = await auditor.api.get(`/v1/audit/decisions?clubId=${s.clubId}&userId=${stranger.userId}&allowed=false`);
    expect(denied.body.items.length).to.be.greaterThan(0);
    expect(denied.body.items.every((d: { allowed: boolean; userId: string }) => !d.allowed && d.userId === stranger.userId)).to.equal(true);
    // Lists log each profile they show.
    await s.actors.guardian.api.get('/v1/me/members');
    const listed = await auditor.api.get(`/v1/audit/decisions?clubId=${s.clubId}&userId=${s.actors.guardian.userId}`);
    expect(listed.body.items.some((d: { source: string; object: string }) => d.source === 'list' && d.object === `member:${s.childId}`)).to.equal(true);
  });

  it("shows each record a list showed as its own decision, found by the record and paged one at a time", async () => {
    // The admin's first page of the club's members is one list entry naming every member it showed.
    const page = await s.actors.admin.api.get(`/v1/clubs/${s.clubId}/members?limit=200`);
    const shown = page.body.items.map((m: { id: string }) => `member:${m.id}`);
    expect(shown.length).to.be.greaterThan(1);
    const all: Array<Record<string, any>> = [];
    let cursor: string | null = null;
    do {
      const res: { status: number; body: any } = await auditor.api.get(`/v1/audit/decisions?clubId=${s.clubId}&userId=${s.actors.admin.userId}&limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status, JSON.stringify(res.body)).to.equal(200);
      expect(res.body.items).to.have.length.at.most(1);
      all.push(...res.body.items);
      cursor = res.body.nextCursor;
    } while (cursor);
    const fromList = all.filter((d) => d.source === 'list' && d.route === 'GET /v1/clubs/:clubId/members');
    expect(fromList.slice(-shown.length).map((d) => d.object)).to.deep.equal(shown);
    expect(new Set(all.map((d) => d.id)).size).to.equal(all.length); // every item its own id
    const second = shown[1];
    const byRecord = await auditor.api.get(`/v1/audit/decisions?clubId=${s.clubId}&userId=${s.actors.admin.userId}&object=${second}`);
    const listed = byRecord.body.items.filter((d: { source: string }) => d.source === 'list');
    expect(listed.length).to.be.greaterThan(0);
    expect(listed.every((d: { object: string; relation: string }) => d.object === second && d.relation === 'can_view')).to.equal(true);
  });

  it('shows an auditor the profile without medical notes, and lets them change nothing', async () => {
    const profile = await auditor.api.get(`/v1/members/${s.childId}`);
    expect(profile.status).to.equal(200);
    expect(profile.body.medicalNotes).to.equal(null);
    expect(profile.body.withheld).to.deep.equal(['medicalNotes']);
    expect((await s.actors.admin.api.get(`/v1/members/${s.childId}`)).body.medicalNotes).to.equal('asthma');
    const list = await auditor.api.get(`/v1/clubs/${s.clubId}/members?limit=200`);
    expect(list.body.items.map((m: { id: string }) => m.id)).to.include(s.childId);
    expect(list.body.items.every((m: { medicalNotes: unknown }) => m.medicalNotes === null)).to.equal(true);
    expect((await auditor.api.patch(`/v1/members/${s.childId}`, { medicalNotes: 'none' })).status).to.equal(403);
    expect((await auditor.api.post(`/v1/clubs/${s.clubId}/auditors`, { userId: s.actors.stranger.userId })).status).to.equal(403);
  });

  describe('who may audit', () => {
    const endpoints = (c: ClubScenario) => [
      `/v1/audit/who-can?object=member:${c.childId}&relation=can_view`,
      `/v1/audit/who-can?object=club:${c.clubId}&relation=can_view`,
      `/v1/audit/users/${c.actors.headCoach.userId}/access?type=member&relation=can_view`,
      `/v1/audit/changes?clubId=${c.clubId}`,
      `/v1/audit/decisions?clubId=${c.clubId}`,
    ];

    it('answers 404 on every audit endpoint to an auditor of another club (the user-access list is empty, not an error: they audit a club)', async () => {
      for (const path of endpoints(s)) {
        const res = await otherAuditor.api.get(path);
        if (path.includes('/access')) expect(res.body.items, path).to.deep.equal([]);
        else expect(res.status, path).to.equal(404);
      }
    });

    it('answers 404 on every audit endpoint to everyone who is not an auditor, the club admin included', async () => {
      for (const name of ['admin', 'headCoach', 'guardian', 'stranger'] as const) {
        for (const path of endpoints(s)) {
          const res = await s.actors[name].api.get(path);
          expect(res.status, `${name} ${path}`).to.equal(404);
          expect(res.body.error.code).to.be.a('string');
        }
      }
    });

    it('ends access when the admin removes the auditor', async () => {
      const leaving = await signIn(app, 'leavingAuditor');
      expect((await s.actors.admin.api.post(`/v1/clubs/${s.clubId}/auditors`, { userId: leaving.userId })).status).to.equal(201);
      expect((await leaving.api.get(`/v1/audit/changes?clubId=${s.clubId}`)).status).to.equal(200);
      expect((await s.actors.admin.api.delete(`/v1/clubs/${s.clubId}/auditors/${leaving.userId}`)).status).to.equal(204);
      expect((await leaving.api.get(`/v1/audit/changes?clubId=${s.clubId}`)).status).to.equal(404);
      expect((await s.actors.admin.api.delete(`/v1/clubs/${s.clubId}/auditors/${leaving.userId}`)).status).to.equal(404);
    });

    it('refuses questions the model cannot answer with a 400', async () => {
      const res = await auditor.api.get(`/v1/audit/who-can?object=member:${s.childId}&relation=no_such_relation`);
      expect(res.status).to.equal(400);
      expect(res.body.error.code).to.equal('invalid_authorization_query');
      expect((await auditor.api.get('/v1/audit/who-can?object=member&relation=can_view')).status).to.equal(400);
      expect((await auditor.api.get(`/v1/audit/changes?clubId=${s.clubId}&since=yesterday`)).status).to.equal(400);
      expect((await auditor.api.get(`/v1/audit/changes?clubId=${s.clubId}&cursor=!!`)).status).to.equal(400);
    });
  });
});
