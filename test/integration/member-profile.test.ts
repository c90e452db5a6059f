// A profile reads back exactly as it was written, whichever read serves it (one profile, a club's
// page, a guardian's children): the queries read through prepared SQL, the commands through the ORM.
import { expect } from 'chai';
import pg from 'pg';
import { buildClubScenario, type ClubScenario } from '../support/club-scenario.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('member profiles read back as written', function () {
  this.timeout(60_000);
  let app: TestApp;
  let s: ClubScenario;
  before(async () => {
    app = await startTestApp();
    s = await buildClubScenario(app);
  });
  after(async () => app?.close());

  it('answers the same fields from the profile, the club list and the guardian list', async () => {
    const admin = s.actors.admin.api;
    const created = await admin.post(`/v1/clubs/${s.clubId}/members`, {
      firstName: 'Mia', lastName: 'Roth', dateOfBirth: '2016-12-31', medicalNotes: 'asthma',
      emergencyContacts: [{ name: 'Dad', phone: '+49 151 1234567', relationship: 'father' }],
    });
    expect(created.status, JSON.stringify(created.body)).to.equal(201);
    const profile = created.body;
    // Instants in JavaScript's ISO form (what toISOString gives), dates as plain dates.
    for (const instant of [profile.createdAt, profile.updatedAt]) expect(instant).to.equal(new Date(instant).toISOString());
    expect(profile.dateOfBirth).to.equal('2016-12-31');
    const read = await admin.get(`/v1/members/${profile.id}`);
    expect(read.body).to.deep.equal(profile);
    expect(read.headers.get('content-type')).to.equal('application/json; charset=utf-8');
    // HEAD answers the same status and headers, without the body.
    const head = await admin.request('HEAD', `/v1/members/${profile.id}`);
    expect([head.status, head.body, head.headers.get('content-length')]).to.deep.equal([200, undefined, read.headers.get('content-length')]);
    const page = await admin.get(`/v1/clubs/${s.clubId}/members?limit=200`);
    expect(page.body.items.find((m: { id: string }) => m.id === profile.id)).to.deep.equal(profile);
    expect((await admin.post(`/v1/members/${profile.id}/guardians`, { userId: s.actors.otherGuardian.userId, relationship: 'mother' })).status).to.equal(201);
    const children = await s.actors.otherGuardian.api.get('/v1/me/members');
    expect(children.body.items.find((m: { id: string }) => m.id === profile.id)).to.deep.equal(profile);
    // An auditor sees it without medical notes, the same in the list as alone; a coach's roster names it.
    const audited = await s.actors.auditor.api.get(`/v1/members/${profile.id}`);
    expect(audited.body).to.deep.equal({ ...profile, medicalNotes: null, withheld: ['medicalNotes'] });
    const auditorPage = await s.actors.auditor.api.get(`/v1/clubs/${s.clubId}/members?limit=200`);
    expect(auditorPage.body.items.find((m: { id: string }) => m.id === profile.id)).to.deep.equal(audited.body);
    expect((await admin.post(`/v1/groups/${s.groupId}/members`, { memberId: profile.id })).status).to.equal(201);
    const roster = await s.actors.headCoach.api.get(`/v1/groups/${s.groupId}/members?limit=200`);
    expect(roster.body.items.find((m: { id: string }) => m.id === profile.id)).to.deep.equal({ id: profile.id, firstName: 'Mia', lastName: 'Roth' });
    // After an edit, every read shows it as the command wrote it (lists serve the profile kept in the
    // row, refreshed on every write: migrations/20261206-member-profile-json.ts).
    const edited = await admin.patch(`/v1/members/${profile.id}`, { lastName: 'Roth-Weber', medicalNotes: null });
    expect(edited.status).to.equal(200);
    expect(edited.body).to.include({ lastName: 'Roth-Weber', medicalNotes: null });
    expect((await admin.get(`/v1/members/${profile.id}`)).body).to.deep.equal(edited.body);
    const pageAfter = await admin.get(`/v1/clubs/${s.clubId}/members?limit=200`);
    expect(pageAfter.body.items.find((m: { id: string }) => m.id === profile.id)).to.deep.equal(edited.body);
    const childrenAfter = await s.actors.otherGuardian.api.get('/v1/me/members');
    expect(childrenAfter.body.items.find((m: { id: string }) => m.id === profile.id)).to.deep.equal(edited.body);
    expect((await s.actors.auditor.api.get(`/v1/members/${profile.id}`)).body).to.deep.equal({ ...edited.body, withheld: ['medicalNotes'] });
    // The roster reads names copied into the assignment (migrations/20261206-roster-names.ts): renamed too.
    const rosterAfter = await s.actors.headCoach.api.get(`/v1/groups/${s.groupId}/members?limit=200`);
    expect(rosterAfter.body.items.find((m: { id: string }) => m.id === profile.id)).to.deep.equal({ id: profile.id, firstName: 'Mia', lastName: 'Roth-Weber' });
  });

  it('copies the names of a member into an assignment inserted before the member in the same transaction', async () => {
    // Foreign keys are deferred, so a transaction may insert a group's assignment before the member.
    const db = new pg.Client({ connectionString: app.databaseUrl });
    await db.connect();
    try {
      const memberId = `01JTEST${Date.now().toString().padStart(19, '0')}`;
      await db.query('begin');
      await db.query('insert into group_members (group_id, member_id) values ($1, $2)', [s.groupId, memberId]);
      await db.query(`insert into youth_members (id, club_id, first_name, last_name, date_of_birth) values ($1, $2, 'Ada', 'Early', '2015-01-01')`, [memberId, s.clubId]);
      await db.query('commit');
      const { rows } = await db.query('select first_name, last_name, club_id from group_members where member_id = $1', [memberId]);
      expect(rows).to.deep.equal([{ first_name: 'Ada', last_name: 'Early', club_id: s.clubId }]);
    } finally {
      await db.end();
    }
  });
});
