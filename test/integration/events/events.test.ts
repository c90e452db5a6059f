// Events through the API against real PostgreSQL and the engine: planning, local times, series, edits,
// and the email jobs each command leaves (exactly once per guardian per event).
import { expect } from 'chai';
import { toBullJobId } from '../../../src/jobs/bull-job-id.js';
import { buildClubScenario, type ClubScenario } from '../../support/club-scenario.js';
import type { TestApp } from '../../support/test-app.js';
import { startEmailTestApp, type EmailTestApp } from '../../email/support/email-test-app.js';
import { emailJobs, hoursFromNow, newEvent } from './event-fixtures.js';

describe('events', function () {
  this.timeout(60_000);
  let t: EmailTestApp;
  let app: TestApp;
  let s: ClubScenario;

  before(async () => {
    // A BullMQ prefix of its own, removed afterwards; no worker: the tests read what commands enqueued.
    t = await startEmailTestApp({}, { startWorkers: false });
    app = t.app;
  });
  beforeEach(async () => {
    s = await buildClubScenario(app);
  });
  after(async () => t?.close());

  it('stores UTC, answers local times in the club timezone, and invites every member of the group', async () => {
    const event = await newEvent(s, { startsAt: '2027-03-02T18:00', endsAt: '2027-03-02T19:30', capacity: 12 });
    expect(event).to.include({ type: 'practice', status: 'scheduled', startsAt: '2027-03-02T17:00:00.000Z', endsAt: '2027-03-02T18:30:00.000Z', capacity: 12, groupId: s.groupId, seriesId: null });
    expect(event.local).to.deep.equal({ timezone: 'Europe/Berlin', startsAt: '2027-03-02T18:00:00+01:00', endsAt: '2027-03-02T19:30:00+01:00' });
    const attendance = await s.actors.headCoach.api.get(`/v1/events/${event.id}/attendance`);
    expect(attendance.status).to.equal(200);
    expect(attendance.body.counts).to.deep.equal({ invited: 1, going: 0, notGoing: 0, maybe: 0, unanswered: 1 });
    expect(attendance.body.items.map((i: { memberId: string }) => i.memberId)).to.deep.equal([s.childId]);
  });

  it("taking a member off the group withdraws them from upcoming events: the guardian loses sight and the reminder", async () => {
    const event = await newEvent(s);
    expect((await s.actors.guardian.api.get(`/v1/events/${event.id}`)).status).to.equal(200);
    expect((await s.actors.admin.api.delete(`/v1/groups/${s.groupId}/members/${s.childId}`)).status).to.equal(204);
    expect((await s.actors.guardian.api.get(`/v1/events/${event.id}`)).status).to.equal(404);
    const attendance = await s.actors.headCoach.api.get(`/v1/events/${event.id}/attendance`);
    expect(attendance.body.items.map((i: { memberId: string }) => i.memberId)).not.to.include(s.childId);
    const reminders = await emailJobs(app, `event:${event.id}:reminder:%`);
    expect(reminders.map((j) => j.operation)).to.deep.equal(['add', 'remove']);
  });

  it('emails every guardian of every invited member exactly once, naming all their children, and schedules a reminder 24 h before', async () => {
    const sibling = await s.newMember({ groupId: s.groupId });
    const secondGuardian = await s.newUser('father');
    expect((await s.actors.admin.api.post(`/v1/members/${sibling}/guardians`, { userId: s.actors.guardian.userId, relationship: 'mother' })).status).to.equal(201);
    expect((await s.actors.admin.api.post(`/v1/members/${s.childId}/guardians`, { userId: secondGuardian.userId, relationship: 'father' })).status).to.equal(201);
    const event = await newEvent(s);

    const invitations = (await emailJobs(app, `event:${event.id}:invitation:%`)).filter((j) => j.operation === 'add');
    expect(invitations.map((j) => j.data!.to.userId).sort()).to.deep.equal([s.actors.guardian.userId, secondGuardian.userId].sort());
    const toGuardian = invitations.find((j) => j.data!.to.userId === s.actors.guardian.userId)!;
    expect(toGuardian.data!.template).to.equal('event-invitation');
    expect(toGuardian.data!.vars.memberFirstNames).to.have.length(2);
    expect(toGuardian.data!.vars).to.include({ eventId: event.id, clubName: 'FC Riverside', clubTimezone: 'Europe/Berlin', groupName: 'U10', startsAt: event.startsAt });
    expect(invitations.every((j) => j.status === 'dispatched')).to.equal(true);

    const reminders = await emailJobs(app, `event:${event.id}:reminder:%`);
    expect(reminders).to.have.length(2);
    for (const r of reminders) {
      expect(r.data!.template).to.equal('event-reminder');
      expect(new Date(r.run_at!).getTime()).to.be.closeTo(new Date(event.startsAt).getTime() - 24 * 3600_000, 5000);
    }
    // Nobody else (coaches, the other group's families, the children) is emailed.
    expect((await emailJobs(app, `event:${event.id}:%`)).map((j) => j.data!.to.userId)).not.to.include.members([s.actors.otherGuardian.userId, s.actors.headCoach.userId]);
  });

  it('expands a weekly series in wall-clock time across the DST change, one event per occurrence', async () => {
    const first = await newEvent(s, { startsAt: '2027-03-16T18:00', endsAt: '2027-03-16T19:00', recurrence: { frequency: 'weekly', byWeekday: ['TU', 'TH'], until: '2027-04-01' } });
    expect(first.seriesId).to.be.a('string');
    const list = await s.actors.headCoach.api.get(`/v1/groups/${s.groupId}/events?from=2027-03-15&to=2027-04-05`);
    expect(list.status).to.equal(200);
    const series = list.body.items.filter((e: { seriesId: string }) => e.seriesId === first.seriesId);
    expect(series.map((e: { local: { startsAt: string } }) => e.local.startsAt)).to.deep.equal([
      '2027-03-16T18:00:00+01:00', '2027-03-18T18:00:00+01:00', '2027-03-23T18:00:00+01:00', '2027-03-25T18:00:00+01:00',
      '2027-03-30T18:00:00+02:00', '2027-04-01T18:00:00+02:00',
    ]);
    expect(series[4].startsAt).to.equal('2027-03-30T16:00:00.000Z');
    // One invitation per guardian for the whole series, a reminder per occurrence.
    const jobs = await emailJobs(app, `event:%:${s.actors.guardian.userId}`);
    const ofSeries = jobs.filter((j) => series.some((e: { id: string }) => j.job_id.startsWith(`event:${e.id}:`)));
    expect(ofSeries.filter((j) => j.data?.template === 'event-invitation')).to.have.length(1);
    expect(ofSeries.filter((j) => j.data?.template === 'event-reminder')).to.have.length(6);
  });

  it('edits and cancels one occurrence of a series without touching the others', async () => {
    const first = await newEvent(s, { startsAt: hoursFromNow(48), endsAt: hoursFromNow(49), recurrence: { frequency: 'weekly', count: 3 } });
    const list = await s.actors.admin.api.get(`/v1/groups/${s.groupId}/events?from=${hoursFromNow(0)}&to=${hoursFromNow(24 * 30)}`);
    const [, second, third] = list.body.items.filter((e: { seriesId: string }) => e.seriesId === first.seriesId);
    const moved = await s.actors.headCoach.api.patch(`/v1/events/${second.id}`, { location: 'Indoor hall' });
    expect(moved.status, JSON.stringify(moved.body)).to.equal(200);
    expect(moved.body).to.include({ location: 'Indoor hall', version: 2 });
    expect((await s.actors.headCoach.api.delete(`/v1/events/${third.id}`)).status).to.equal(204);
    const after = await s.actors.admin.api.get(`/v1/groups/${s.groupId}/events?from=${hoursFromNow(0)}&to=${hoursFromNow(24 * 30)}`);
    const byId = new Map(after.body.items.map((e: { id: string }) => [e.id, e]));
    expect(byId.get(first.id)).to.include({ location: 'Field 2', status: 'scheduled' });
    expect(byId.get(second.id)).to.include({ location: 'Indoor hall', status: 'scheduled' });
    expect(byId.get(third.id)).to.include({ status: 'cancelled' });
  });

  it('refuses a series without an end, or longer than the horizon, and an end before the start', async () => {
    const api = s.actors.admin.api;
    const base = { type: 'practice', title: 'Open-ended', startsAt: '2027-01-05T18:00', endsAt: '2027-01-05T19:00' };
    const open = await api.post(`/v1/groups/${s.groupId}/events`, { ...base, recurrence: { frequency: 'weekly' } });
    expect(open.status).to.equal(400);
    expect(open.body.error.message).to.contain("'until' or 'count'");
    const long = await api.post(`/v1/groups/${s.groupId}/events`, { ...base, recurrence: { frequency: 'weekly', until: '2028-06-01' } });
    expect(long.status).to.equal(400);
    expect(long.body.error.message).to.contain('must end within 366 days');
    const backwards = await api.post(`/v1/groups/${s.groupId}/events`, { ...base, endsAt: '2027-01-05T17:00' });
    expect(backwards.status).to.equal(400);
    expect(backwards.body.error.message).to.equal("Field 'endsAt' must be after 'startsAt'");
  });

  it('moving an event replaces its reminder and tells the families what changed, once', async () => {
    const event = await newEvent(s);
    const [oldReminder] = await emailJobs(app, `event:${event.id}:reminder:%`);
    const res = await s.actors.headCoach.api.patch(`/v1/events/${event.id}`, { startsAt: hoursFromNow(96), endsAt: hoursFromNow(97) });
    expect(res.status).to.equal(200);
    const jobs = await emailJobs(app, `event:${event.id}:%`);
    expect(jobs.filter((j) => j.operation === 'remove').map((j) => j.job_id)).to.deep.equal([oldReminder.job_id]);
    const changed = jobs.filter((j) => j.data?.template === 'event-changed');
    expect(changed).to.have.length(1);
    expect(changed[0].data!.vars.changes).to.deep.equal(['time']);
    const reminders = jobs.filter((j) => j.operation === 'add' && j.data?.template === 'event-reminder');
    expect(reminders).to.have.length(2);
    expect(new Date(reminders[1].run_at!).getTime()).to.be.closeTo(new Date(res.body.startsAt).getTime() - 24 * 3600_000, 5000);
    // A title change is no news for families: no email, but the reminder is refreshed.
    expect((await s.actors.headCoach.api.patch(`/v1/events/${event.id}`, { title: 'Practice (bring boots)' })).status).to.equal(200);
    expect((await emailJobs(app, `event:${event.id}:%changed%`))).to.have.length(1);
  });

  it('cancelling keeps the event, drops the reminder and sends one cancellation per guardian', async () => {
    const event = await newEvent(s);
    const [reminder] = await emailJobs(app, `event:${event.id}:reminder:%`);
    const reminderState = () => app.touchline.email.queues.queue('email').getJobState(toBullJobId(reminder.job_id));
    expect(await reminderState()).to.equal('delayed');
    expect((await s.actors.assistantCoach.api.delete(`/v1/events/${event.id}`)).status).to.equal(204);
    const got = await s.actors.guardian.api.get(`/v1/events/${event.id}`);
    expect(got.body).to.include({ status: 'cancelled' });
    expect(got.body.cancelledAt).to.be.a('string');
    const jobs = await emailJobs(app, `event:${event.id}:%`);
    expect(jobs.filter((j) => j.operation === 'remove').map((j) => j.job_id)).to.deep.equal([reminder.job_id]);
    expect(jobs.filter((j) => j.data?.template === 'event-cancelled').map((j) => j.data!.to.userId)).to.deep.equal([s.actors.guardian.userId]);
    expect(await reminderState(), 'the reminder is gone from BullMQ').to.equal('unknown');
    // Cancelling again changes nothing and sends nothing.
    expect((await s.actors.admin.api.delete(`/v1/events/${event.id}`)).status).to.equal(204);
    expect(await emailJobs(app, `event:${event.id}:%`)).to.have.length(jobs.length);
    const edit = await s.actors.admin.api.patch(`/v1/events/${event.id}`, { title: 'Back on?' });
    expect(edit.status).to.equal(409);
    expect(edit.body.error.code).to.equal('event_cancelled');
  });

  it("members added to the group later are invited to its upcoming events, and their guardians see them", async () => {
    const upcoming = await newEvent(s);
    const past = await newEvent(s, { startsAt: hoursFromNow(-50), endsAt: hoursFromNow(-49) });
    const lateChild = await s.newMember();
    const lateParent = await s.newUser('late-parent');
    expect((await s.actors.admin.api.post(`/v1/members/${lateChild}/guardians`, { userId: lateParent.userId, relationship: 'mother' })).status).to.equal(201);
    expect((await lateParent.api.get(`/v1/events/${upcoming.id}`)).status).to.equal(404);
    expect((await s.actors.admin.api.post(`/v1/groups/${s.groupId}/members`, { memberId: lateChild })).status).to.equal(201);
    expect((await lateParent.api.get(`/v1/events/${upcoming.id}`)).status).to.equal(200);
    expect((await lateParent.api.get(`/v1/events/${past.id}`)).status).to.equal(404);
    const mine = await lateParent.api.get('/v1/me/events');
    expect(mine.body.items.map((e: { id: string }) => e.id)).to.include(upcoming.id);
    expect((await lateParent.api.put(`/v1/events/${upcoming.id}/attendance/${lateChild}`, { status: 'going' })).status).to.equal(200);
    const jobs = await emailJobs(app, `event:${upcoming.id}:%:${lateParent.userId}`);
    expect(jobs.filter((j) => j.operation === 'add').map((j) => j.data!.template).sort()).to.deep.equal(['event-invitation', 'event-reminder']);
  });

  it("my events: my groups' and my children's, not a whole club for its admins", async () => {
    const here = await newEvent(s);
    const there = await newEvent(s, {}, s.otherGroupId);
    const ids = async (who: keyof ClubScenario['actors']) => (await s.actors[who].api.get('/v1/me/events')).body.items.map((e: { id: string }) => e.id);
    expect(await ids('guardian')).to.include(here.id).and.not.include(there.id);
    expect(await ids('headCoach')).to.include(here.id).and.not.include(there.id);
    expect(await ids('otherCoach')).to.include(there.id).and.not.include(here.id);
    expect(await ids('admin')).to.deep.equal([]);
    expect(await ids('stranger')).to.deep.equal([]);
  });

  it('pages a group calendar in start order within the window', async () => {
    for (const h of [30, 10, 20]) await newEvent(s, { startsAt: hoursFromNow(h), endsAt: hoursFromNow(h + 1) });
    const window = `from=${encodeURIComponent(hoursFromNow(5))}&to=${encodeURIComponent(hoursFromNow(40))}`;
    const first = await s.actors.guardian.api.get(`/v1/groups/${s.groupId}/events?${window}&limit=2`);
    expect(first.status).to.equal(200);
    expect(first.body.items.map((e: { startsAt: string }) => e.startsAt)).to.deep.equal([hoursFromNow(10), hoursFromNow(20)]);
    const second = await s.actors.guardian.api.get(`/v1/groups/${s.groupId}/events?${window}&limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.items.map((e: { startsAt: string }) => e.startsAt)).to.deep.equal([hoursFromNow(30)]);
    expect(second.body.nextCursor).to.equal(null);
    const backwards = await s.actors.guardian.api.get(`/v1/groups/${s.groupId}/events?from=2027-02-01&to=2027-01-01`);
    expect(backwards.status).to.equal(400);
  });
});
