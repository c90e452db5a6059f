// End to end with the email worker and the SendGrid stand-in over HTTP: what families actually receive.
import { expect } from 'chai';
import { buildClubScenario, type Actor, type ClubScenario } from '../../support/club-scenario.js';
import { sleep, startEmailTestApp, waitFor, type EmailTestApp } from '../../email/support/email-test-app.js';
import { emailJobs, newEvent, signInVerified, uniqueEmail } from './event-fixtures.js';

describe('event and invitation emails, delivered', function () {
  this.timeout(60_000);
  let t: EmailTestApp;
  let s: ClubScenario;
  let secondGuardian: Actor;
  let addressOf: (a: Actor) => Promise<string>;

  before(async () => {
    t = await startEmailTestApp({}, { startWorkers: true });
    s = await buildClubScenario(t.app);
    addressOf = async (a) => (await a.api.get('/v1/me')).body.email;
    // child has two guardians; `guardian` also has a sibling in the group: one email each, per event.
    secondGuardian = await s.newUser('father');
    expect((await s.actors.admin.api.post(`/v1/members/${s.childId}/guardians`, { userId: secondGuardian.userId, relationship: 'father' })).status).to.equal(201);
    const sibling = await s.newMember({ groupId: s.groupId });
    expect((await s.actors.admin.api.post(`/v1/members/${sibling}/guardians`, { userId: s.actors.guardian.userId, relationship: 'mother' })).status).to.equal(201);
  });
  after(async () => t?.close());

  it('creating an event emails every guardian of every invited member exactly once; cancelling drops the reminder and tells them', async () => {
    const event = await newEvent(s, { title: 'Saturday match', type: 'match' });
    const mother = await addressOf(s.actors.guardian);
    const father = await addressOf(secondGuardian);
    await waitFor('both invitations', () => t.inboxFor(mother).length === 1 && t.inboxFor(father).length === 1);
    const [toMother] = t.inboxFor(mother);
    expect(toMother.subject).to.match(/^Match: Saturday match, /);
    expect(toMother.text).to.contain('and Kid and Kid are invited'); // both her children, by first name
    expect(t.inboxFor(await addressOf(s.actors.otherGuardian))).to.deep.equal([]);
    expect(t.inboxFor(await addressOf(s.actors.headCoach))).to.deep.equal([]);
    const [reminder] = await emailJobs(t.app, `event:${event.id}:reminder:%:${s.actors.guardian.userId}`);
    expect(await t.jobState(reminder.job_id)).to.equal('delayed');

    expect((await s.actors.headCoach.api.delete(`/v1/events/${event.id}`)).status).to.equal(204);
    await waitFor('both cancellations', () => t.inboxFor(mother).length === 2 && t.inboxFor(father).length === 2);
    expect(t.inboxFor(mother)[1].subject).to.match(/^Cancelled: Saturday match, /);
    expect(await t.jobState(reminder.job_id)).to.equal('absent');
    await sleep(500); // nothing else trickles in
    expect(t.inboxFor(mother)).to.have.length(2);
    expect(t.inboxFor(father)).to.have.length(2);
  });

  it('a join invitation arrives with a link that works once, for the invited address', async () => {
    const address = uniqueEmail('new.coach');
    const res = await s.actors.headCoach.api.post(`/v1/groups/${s.groupId}/coach-invitations`, { email: address, role: 'assistant' });
    expect(res.status).to.equal(201);
    const [message] = await waitFor('the invitation', () => t.inboxFor(address).length === 1 && t.inboxFor(address));
    expect(message.subject).to.equal('headCoach invited you to FC Riverside on Touchline');
    const link = /Accept the invitation: (\S+)/.exec(message.text ?? '')![1];
    const token = new URL(link).pathname.split('/').pop()!;
    const invitee = await signInVerified(t.app, address);
    expect((await invitee.api.post(`/v1/invitations/${token}/accept`)).status).to.equal(200);
    expect((await invitee.api.get(`/v1/groups/${s.groupId}`)).status).to.equal(200);
    expect((await invitee.api.post(`/v1/invitations/${token}/accept`)).status).to.equal(409);
  });
});
