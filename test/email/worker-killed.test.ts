// A worker killed in the middle of a job, for real: BullMQ's stalled-job check hands the job to another
// worker, which must not send the email a second time.
import { expect } from 'chai';
import type { MailSender } from '../../src/email/sendgrid/mail-sender.js';
import { createLogger } from '../../src/observability/logger.js';
import { startEmailWorker, type EmailWorkerOptions } from '../../workers/email.worker.js';
import { eventEmail } from './support/email-samples.js';
import { startEmailTestApp, waitFor, type EmailTestApp } from './support/email-test-app.js';

describe('email worker killed mid-job', function () {
  this.timeout(20_000);
  let t: EmailTestApp;
  const options = (sender: MailSender): EmailWorkerOptions => ({
    redisUrl: t.app.config.redisUrl,
    prefix: t.prefix,
    concurrency: 1,
    logger: createLogger('silent'),
    lockDurationMs: 600,
    stalledIntervalMs: 300,
    send: { orm: t.app.orm, sender, links: t.email.links, unknownOutcomeGraceMs: 60_000, logger: createLogger('silent') },
  });

  before(async () => {
    t = await startEmailTestApp({}, { startWorkers: false });
  });
  after(async () => t?.close());

  it('killed after SendGrid accepted the email: the worker that takes the job over sends nothing', async () => {
    const to = 'killed.worker@example.test';
    let sent = false;
    // The first worker's process "freezes" right after SendGrid answered: it never records the send.
    const freezesAfterSending: MailSender = {
      send: async (email) => {
        await t.email.sender.send(email);
        sent = true;
        return new Promise(() => undefined);
      },
    };
    const first = await startEmailWorker(options(freezesAfterSending));
    await t.enqueue('killed:1', eventEmail({ to: { email: to } }));
    await waitFor('the first send', () => sent);
    await first.worker.close(true); // killed: no completion, no lock renewal
    await first.close(); // (its Redis connection; the frozen job stays active until its lock runs out)

    const second = await startEmailWorker(options(t.email.sender));
    try {
      await waitFor('the job to be taken over and completed', async () => (await t.jobState('killed:1')) === 'completed', 15_000);
    } finally {
      await second.close();
    }
    expect(t.inboxFor(to)).to.have.length(1);
    expect(await t.delivery('killed:1')).to.deep.include({ status: 'sent', attempts: 1 });
  });
});
