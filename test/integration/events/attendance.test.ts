// Answers to invitations: guardians answer for their own children only; coaches and admins for anyone
// invited; a guardian sees the counts and their own children's answers, never other children's notes.
import { expect } from 'chai';
import { buildClubScenario, type Actor, type ClubScenario } from '../../support/club-scenario.js';
import type { TestApp } from '../../support/test-app.js';
import { startEmailTestApp, type EmailTestApp } from '../../email/support/email-test-app.js';
import { newEvent } from './event-fixtures.js';

describe('event attendance', function () {
  this.timeout(60_000);
  let t: EmailTestApp;
  let app: TestApp;
  let s: ClubScenario;
  let classmate: string;
  let classmateParent: Actor;
  let eventId: string;

  before(async () => {
    // A BullMQ prefix of its own, removed afterwards; no worker: the tests read what commands enqueued.
    t = await startEmailTestApp({}, { startWorkers: false });
    app = t.app;
    s = await buildClubScenario(app);
    classmate = await s.newMember({ groupId: s.groupId });
    classmateParent = await s.newUser('classmate-parent');
    expect((await s.actors.admin.api.post(`/v1/members/${classmate}/guardians`, { userId: classmateParent.userId, relationship: 'father' })).status).to.equal(201);
  });
  beforeEach(async () => {
    eventId = (await newEvent(s, { capacity: 1 })).id;
  });
  after(async () => t?.close());

  it('a guardian answers for their own child, and only for them', async () => {
    const own = await s.actors.guardian.api.put(`/v1/events/${eventId}/attendance/${s.childId}`, { status: 'maybe', note: 'Dentist until 17:30' });
    expect(own.status, JSON.stringify(own.body)).to.equal(200);
    expect(own.body).to.include({ memberId: s.childId, status: 'maybe', note: 'Dentist until 17:30' });
    const other = await s.actors.guardian.api.put(`/v1/events/${eventId}/attendance/${classmate}`, { status: 'not_going' });
    expect(other.status).to.equal(404);
    expect(other.body.error.code).to.equal('attendance_not_found');
    // A guardian of a child who is not invited does not even see the event.
    const stranger = await s.actors.otherGuardian.api.put(`/v1/events/${eventId}/attendance/${s.otherChildId}`, { status: 'going' });
    expect(stranger.status).to.equal(404);
    expect(stranger.body.error.code).to.equal('event_not_found');
    const answers = await s.actors.headCoach.api.get(`/v1/events/${eventId}/attendance`);
    const byMember = new Map(answers.body.items.map((i: { memberId: string; status: string }) => [i.memberId, i.status]));
    expect(byMember.get(classmate)).to.equal(null);
  });

  it('coaches and admins may answer for any invited child; nobody for a child who is not invited', async () => {
    expect((await s.actors.assistantCoach.api.put(`/v1/events/${eventId}/attendance/${classmate}`, { status: 'not_going', note: 'Injured' })).status).to.equal(200);
    expect((await s.actors.admin.api.put(`/v1/events/${eventId}/attendance/${s.childId}`, { status: 'maybe' })).status).to.equal(200);
    const notInvited = await s.actors.admin.api.put(`/v1/events/${eventId}/attendance/${s.otherChildId}`, { status: 'going' });
    expect(notInvited.status).to.equal(404);
    expect(notInvited.body.error.code).to.equal('attendance_not_found');
    const otherCoach = await s.actors.otherCoach.api.put(`/v1/events/${eventId}/attendance/${s.childId}`, { status: 'going' });
    expect(otherCoach.status).to.equal(404);
  });

  it('a guardian sees the counts and their own child’s answer, not other children’s notes; coaches see everything', async () => {
    expect((await classmateParent.api.put(`/v1/events/${eventId}/attendance/${classmate}`, { status: 'not_going', note: 'Grandma’s birthday' })).status).to.equal(200);
    expect((await s.actors.guardian.api.put(`/v1/events/${eventId}/attendance/${s.childId}`, { status: 'going', note: 'Will bring oranges' })).status).to.equal(200);

    const guardianView = await s.actors.guardian.api.get(`/v1/events/${eventId}/attendance`);
    expect(guardianView.status).to.equal(200);
    expect(guardianView.body.counts).to.deep.equal({ invited: 2, going: 1, notGoing: 1, maybe: 0, unanswered: 0 });
    expect(guardianView.body.items.map((i: { memberId: string }) => i.memberId)).to.deep.equal([s.childId]);
    expect(JSON.stringify(guardianView.body)).not.to.contain('Grandma');

    const coachView = await s.actors.headCoach.api.get(`/v1/events/${eventId}/attendance`);
    expect(coachView.body.items.map((i: { note: string }) => i.note).sort()).to.deep.equal(['Grandma’s birthday', 'Will bring oranges']);
    expect((await s.actors.otherGuardian.api.get(`/v1/events/${eventId}/attendance`)).status).to.equal(404);
    expect((await s.actors.stranger.api.get(`/v1/events/${eventId}/attendance`)).status).to.equal(404);
  });

  it('a full event refuses one more "going"; cancelled events take no answers', async () => {
    expect((await s.actors.guardian.api.put(`/v1/events/${eventId}/attendance/${s.childId}`, { status: 'going' })).status).to.equal(200);
    const full = await classmateParent.api.put(`/v1/events/${eventId}/attendance/${classmate}`, { status: 'going' });
    expect(full.status).to.equal(409);
    expect(full.body.error.code).to.equal('event_full');
    // Answering "going" again for a child already counted is not a new place.
    expect((await s.actors.guardian.api.put(`/v1/events/${eventId}/attendance/${s.childId}`, { status: 'going', note: 'still' })).status).to.equal(200);
    expect((await s.actors.admin.api.delete(`/v1/events/${eventId}`)).status).to.equal(204);
    const late = await s.actors.guardian.api.put(`/v1/events/${eventId}/attendance/${s.childId}`, { status: 'not_going' });
    expect(late.status).to.equal(409);
    expect(late.body.error.code).to.equal('event_cancelled');
  });

  it('validates the answer', async () => {
    const res = await s.actors.guardian.api.put(`/v1/events/${eventId}/attendance/${s.childId}`, { status: 'yes' });
    expect(res.status).to.equal(400);
    expect(res.body.error.details[0].path).to.equal('status');
  });
});
