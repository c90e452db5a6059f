// What the worker decides before sending: quiet hours, preferences and unsubscribes, malformed jobs.
import { expect } from 'chai';
import { DateTime } from 'luxon';
import { toBullJobId } from '../../src/jobs/bull-job-id.js';
import { signIn, type Actor } from '../support/club-scenario.js';
import { eventEmail, joinInvitationEmail } from './support/email-samples.js';
import { startEmailTestApp, waitFor, type EmailTestApp } from './support/email-test-app.js';

describe('email policies: quiet hours, preferences, unsubscribe links', function () {
  this.timeout(20_000);
  let t: EmailTestApp;
  let admin: Actor;
  let clubId: string;

  before(async () => {
    t = await startEmailTestApp();
    admin = await signIn(t.app, 'admin');
    const club = await admin.api.post('/v1/clubs', { name: 'FC Quiet', timezone: 'Asia/Tokyo' });
    expect(club.status).to.equal(201);
    clubId = club.body.id;
  });
  after(async () => t?.close());

  describe('club quiet hours', () => {
    let quietEnd: DateTime;
    before(async () => {
      // A window around "now" in the club's zone (Tokyo), ending on the next full hour + 1.
      const local = DateTime.now().setZone('Asia/Tokyo');
      quietEnd = local.startOf('hour').plus({ hours: 2 });
      const res = await admin.api.put(`/v1/clubs/${clubId}/quiet-hours`, { start: local.minus({ hours: 1 }).toFormat('HH:00'), end: quietEnd.toFormat('HH:mm') });
      expect(res.status, JSON.stringify(res.body)).to.equal(200);
      expect(res.body.quietHours).to.deep.include({ timezone: 'Asia/Tokyo' });
    });

    it('delays a non-urgent email until the quiet hours end (moved, not dropped), then sends it', async () => {
      const to = 'quiet.parent@example.test';
      await t.enqueue('quiet:1', eventEmail({ to: { email: to }, clubId, template: 'event-invitation' }));
      await waitFor('the job to be moved', async () => (await t.jobState('quiet:1')) === 'delayed');
      const job = await t.email.queues.queue('email').getJob(toBullJobId('quiet:1'));
      const runsAt = job!.timestamp + (job!.delay ?? 0);
      expect(Math.abs(runsAt - quietEnd.toMillis()), `runs at ${new Date(runsAt).toISOString()}`).to.be.lessThan(1000);
      expect(t.inboxFor(to)).to.have.length(0);
      expect(await t.delivery('quiet:1')).to.equal(undefined);

      // The club lifts its quiet hours; the moved job, promoted, goes out.
      expect((await admin.api.put(`/v1/clubs/${clubId}/quiet-hours`, { start: null, end: null })).body.quietHours).to.equal(null);
      await job!.promote();
      await waitFor('the email', () => t.inboxFor(to).length === 1);
      const restored = await admin.api.put(`/v1/clubs/${clubId}/quiet-hours`, { start: DateTime.now().setZone('Asia/Tokyo').minus({ hours: 1 }).toFormat('HH:00'), end: quietEnd.toFormat('HH:mm') });
      expect(restored.status).to.equal(200);
    });

    it('sends at once what would arrive too late: a change to an event starting inside the quiet hours', async () => {
      const to = 'urgent.parent@example.test';
      const startsAt = new Date(Date.now() + 20 * 60_000).toISOString();
      await t.enqueue('urgent:1', eventEmail({ to: { email: to }, clubId, template: 'event-changed', vars: { startsAt, endsAt: new Date(Date.now() + 80 * 60_000).toISOString() } }));
      await waitFor('the email', () => t.inboxFor(to).length === 1);
    });

    it('refuses half a window and nonsense times, naming the problem', async () => {
      const half = await admin.api.put(`/v1/clubs/${clubId}/quiet-hours`, { start: '22:00', end: null });
      expect(half.status).to.equal(400);
      expect(half.body.error.message).to.contain('both be times, or both null');
      expect((await admin.api.put(`/v1/clubs/${clubId}/quiet-hours`, { start: '25:00', end: '07:00' })).body.error.message).to.contain("time like '21:00'");
    });
  });

  describe('preferences and unsubscribe links', () => {
    let guardian: Actor;
    let guardianEmail: string;
    before(async () => {
      guardian = await signIn(t.app, 'guardian');
      guardianEmail = (await guardian.api.get('/v1/me')).body.email;
    });

    it('a non-essential notice carries an unsubscribe link; following it turns such notices off', async () => {
      const to = { userId: guardian.userId, email: guardianEmail, name: 'Gina' };
      await t.enqueue('reminder:1', eventEmail({ to, template: 'event-reminder', essential: false }));
      const [message] = await waitFor('the reminder', () => t.inboxFor(guardianEmail).length === 1 && t.inboxFor(guardianEmail));
      const link = /Unsubscribe from notices like this: (\S+)/.exec(message.text ?? '')![1];
      expect(message.headers['List-Unsubscribe']).to.equal(`<${link}>`);
      expect(message.headers['List-Unsubscribe-Post']).to.equal('List-Unsubscribe=One-Click');
      const url = new URL(link);
      const local = `${t.app.url}${url.pathname}${url.search}`;

      const confirm = await fetch(local);
      expect(confirm.status).to.equal(200);
      expect(await confirm.text()).to.contain('<form method="post"');
      expect((await guardian.api.get('/v1/me/email-preferences')).body).to.deep.equal({ timezone: null, nonEssential: true }); // a GET changes nothing
      const done = await fetch(local, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
      expect(done.status).to.equal(200);
      expect((await guardian.api.get('/v1/me/email-preferences')).body).to.deep.equal({ timezone: null, nonEssential: false });

      const forged = await fetch(`${t.app.url}${url.pathname}?token=${url.searchParams.get('token')!.slice(0, -3)}abc`, { method: 'POST' });
      expect(forged.status).to.equal(400);
    });

    it('once unsubscribed, non-essential notices are skipped and essential ones still arrive', async () => {
      const to = { userId: guardian.userId, email: guardianEmail };
      await t.enqueue('reminder:2', eventEmail({ to, template: 'event-reminder', essential: false }));
      await t.enqueue('cancelled:2', eventEmail({ to, template: 'event-cancelled', essential: true }));
      await waitFor('the cancellation', () => t.inboxFor(guardianEmail).some((m) => m.subject.startsWith('Cancelled')));
      await waitFor('the reminder to be skipped', async () => (await t.delivery('reminder:2'))?.status === 'skipped');
      expect(await t.delivery('reminder:2')).to.deep.include({ skip_reason: 'non-essential-turned-off' });
      expect(t.inboxFor(guardianEmail).filter((m) => m.subject.startsWith('Reminder'))).to.have.length(1); // only the first
    });

    it("shows times in the user's own zone once they choose one", async () => {
      const put = await guardian.api.put('/v1/me/email-preferences', { timezone: 'America/New_York', nonEssential: true });
      expect(put.status).to.equal(200);
      expect(put.body).to.deep.equal({ timezone: 'America/New_York', nonEssential: true });
      await t.enqueue('zone:1', eventEmail({ to: { userId: guardian.userId, email: guardianEmail }, vars: { startsAt: '2027-01-09T15:00:00Z', endsAt: '2027-01-09T16:00:00Z', title: 'Zoned match' } }));
      const message = await waitFor('the email', () => t.inboxFor(guardianEmail).find((m) => m.subject.includes('Zoned match')));
      expect(message.text).to.contain('Saturday 9 January 2027, 10:00–11:00 (GMT-5)');
      expect((await guardian.api.put('/v1/me/email-preferences', { timezone: 'Mars/Olympus', nonEssential: true })).status).to.equal(400);
    });

    it('an address without an account can unsubscribe too (the link names the address)', async () => {
      const to = 'no.account@example.test';
      await t.enqueue('noacct:1', joinInvitationEmail({ to: { email: to }, essential: false }));
      const [message] = await waitFor('the email', () => t.inboxFor(to).length === 1 && t.inboxFor(to));
      const url = new URL(/Unsubscribe from notices like this: (\S+)/.exec(message.text ?? '')![1]);
      expect((await fetch(`${t.app.url}${url.pathname}${url.search}`, { method: 'POST' })).status).to.equal(200);
      await t.enqueue('noacct:2', joinInvitationEmail({ to: { email: 'No.Account@example.test' }, essential: false }));
      await waitFor('the skip', async () => (await t.delivery('noacct:2'))?.status === 'skipped');
    });
  });

  describe('malformed jobs', () => {
    it('an unknown template fails the job at once, for good (it stays in the failed set)', async () => {
      await t.enqueue('bad:1', { ...eventEmail(), template: 'event-party' });
      await waitFor('the failure', async () => (await t.jobState('bad:1')) === 'failed');
      const job = await t.email.queues.queue('email').getJob(toBullJobId('bad:1'));
      expect(job!.attemptsMade).to.equal(1);
      expect(job!.failedReason).to.contain("unknown email template 'event-party'");
    });
  });
});
