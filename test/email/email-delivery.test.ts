// Delivery under failure: real PostgreSQL, Redis and BullMQ worker, the SendGrid stand-in over HTTP.
import { expect } from 'chai';
import { sendEmailJob, type EmailJobRun, type SendEmailDeps } from '../../src/email/send-email.job.js';
import { JobMovedError } from '../../src/jobs/job-errors.js';
import { createLogger } from '../../src/observability/logger.js';
import { eventEmail } from './support/email-samples.js';
import { sleep, startEmailTestApp, waitFor, type EmailTestApp } from './support/email-test-app.js';

let sequence = 0;
const address = (label: string) => `${label}.${process.pid}.${++sequence}@example.test`;

describe('email delivery: outages, timeouts and crashes', function () {
  this.timeout(20_000);
  let t: EmailTestApp;

  before(async () => {
    t = await startEmailTestApp();
  });
  after(async () => t?.close());
  afterEach(() => t.standIn.reset());

  it('a stand-in outage delays but loses no email: the next 3 sends fail with 503, then it arrives exactly once', async () => {
    const to = address('outage');
    t.standIn.fail({ kind: 'error', status: 503 }, 3);
    await t.enqueue('outage:1', eventEmail({ to: { email: to } }));
    await waitFor('the email', () => t.inboxFor(to).length === 1);
    await waitFor('the send to be recorded', async () => (await t.delivery('outage:1'))?.status === 'sent', 5_000);
    await sleep(300);
    expect(t.inboxFor(to)).to.have.length(1);
    expect(await t.delivery('outage:1')).to.deep.include({ status: 'sent', attempts: 4 });
    expect(await t.jobState('outage:1')).to.equal('completed');
  });

  it('a timeout (nothing accepted) waits for SendGrid events, then sends again: exactly once', async () => {
    const to = address('timeout');
    t.standIn.fail({ kind: 'hang' }, 1);
    await t.enqueue('timeout:1', eventEmail({ to: { email: to } }));
    await waitFor('the email', () => t.inboxFor(to).length === 1, 10_000);
    // The stand-in holds the message a moment before the worker records the send: wait for the record.
    await waitFor('the send to be recorded', async () => (await t.delivery('timeout:1'))?.status === 'sent', 5_000);
    expect(await t.delivery('timeout:1')).to.deep.include({ status: 'sent', attempts: 2 });
    expect(t.inboxFor(to)).to.have.length(1);
  });

  it('an answer lost after SendGrid accepted (accept, then hang) is settled by its events: no second copy', async () => {
    const to = address('lost-answer');
    t.standIn.fail({ kind: 'accept-and-hang' }, 1);
    await t.enqueue('lost:1', eventEmail({ to: { email: to } }));
    await waitFor('the job to finish', async () => (await t.jobState('lost:1')) === 'completed', 10_000);
    expect(t.inboxFor(to)).to.have.length(1);
    expect(await t.delivery('lost:1')).to.deep.include({ status: 'sent', attempts: 1 });
  });

  describe('a worker killed mid-job (the handler run twice with one job id)', () => {
    const deps = (overrides: Partial<SendEmailDeps> = {}): SendEmailDeps => ({
      orm: t.app.orm,
      sender: t.email.sender,
      links: t.email.links,
      unknownOutcomeGraceMs: 1500,
      logger: createLogger('silent'),
      ...overrides,
    });
    const run = (jobId: string, data: Record<string, unknown>): EmailJobRun => ({
      jobId,
      data,
      delayUntil: async (until, reason) => {
        throw new JobMovedError(until, reason);
      },
    });
    // SendGrid accepted the message, then the process died before recording it.
    const diesAfterSending: SendEmailDeps['sender'] = {
      send: async (email) => {
        await t.email.sender.send(email);
        throw new Error('worker killed');
      },
    };

    it('killed after the send but before recording it: the retry finds the delivery settled, sends nothing', async () => {
      const to = address('killed');
      const data = eventEmail({ to: { email: to } });
      await sendEmailJob(deps({ sender: diesAfterSending }), run('killed:1', data)).catch(() => undefined);
      await waitFor('SendGrid events to settle the delivery', async () => (await t.delivery('killed:1'))?.status === 'sent');
      expect(await sendEmailJob(deps(), run('killed:1', data))).to.deep.equal({ status: 'already-sent' });
      expect(t.inboxFor(to)).to.have.length(1);
    });

    it('killed after the job completed in SendGrid and in the ledger: a second run sends nothing', async () => {
      const to = address('twice');
      const data = eventEmail({ to: { email: to } });
      expect((await sendEmailJob(deps(), run('twice:1', data))).status).to.equal('sent');
      expect(await sendEmailJob(deps(), run('twice:1', data))).to.deep.equal({ status: 'already-sent' });
      expect(t.inboxFor(to)).to.have.length(1);
    });

    it('without any SendGrid event the retry waits out the grace period, then sends again (the documented residual window)', async () => {
      const to = address('no-events');
      const data = eventEmail({ to: { email: to } });
      t.standIn.setEventWebhookUrl(undefined);
      try {
        await sendEmailJob(deps({ sender: diesAfterSending }), run('silent:1', data)).catch(() => undefined);
        const moved = await sendEmailJob(deps(), run('silent:1', data)).catch((error) => error);
        expect(moved).to.be.instanceOf(JobMovedError);
        expect(t.inboxFor(to)).to.have.length(1);
        const later = Date.now() + 1600;
        expect((await sendEmailJob(deps({ now: () => later }), run('silent:1', data))).status).to.equal('sent');
        expect(t.inboxFor(to)).to.have.length(2);
      } finally {
        t.standIn.setEventWebhookUrl(`${t.app.url}/v1/webhooks/sendgrid`);
      }
    });
  });
});
