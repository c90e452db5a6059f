// `npm run queues -- failed|retry`: retries exhausted during an outage, re-driven once SendGrid is back.
import { expect } from 'chai';
import { runQueuesCli } from '../../src/jobs/queues-cli-command.js';
import { eventEmail } from '../email/support/email-samples.js';
import { startEmailTestApp, waitFor, type EmailTestApp } from '../email/support/email-test-app.js';

describe('queues CLI: failed and retry', function () {
  this.timeout(20_000);
  let t: EmailTestApp;
  const cli = async (...argv: string[]) => {
    const lines: string[] = [];
    const code = await runQueuesCli(argv, { redisUrl: t.app.config.redisUrl, prefix: t.prefix, out: (line) => lines.push(line) });
    return { code, text: lines.join('\n') };
  };

  before(async () => {
    t = await startEmailTestApp({ EMAIL_MAX_ATTEMPTS: '2' });
  });
  after(async () => t?.close());

  it('lists a job whose retries ran out, and re-drives it once the cause is gone: it arrives exactly once', async () => {
    const to = 'exhausted.parent@example.test';
    t.standIn.fail({ kind: 'error', status: 500 }); // until reset
    await t.enqueue('evt9:invite:u9', eventEmail({ to: { email: to } }));
    await waitFor('retries to run out', async () => (await t.jobState('evt9:invite:u9')) === 'failed');

    const failed = await cli('failed', '--queue', 'email');
    expect(failed.code).to.equal(0);
    expect(failed.text).to.match(/^email\tevt9:invite:u9\tsend-email\tattempts 2\tfailed \S+\temail job evt9:invite:u9: SendGrid answered 500/m);
    expect(failed.text).not.to.contain(to); // ids and reasons, never job data

    t.standIn.reset();
    const retry = await cli('retry', '--queue', 'email', '--id', 'evt9:invite:u9');
    expect(retry).to.deep.equal({ code: 0, text: 'retrying evt9:invite:u9' });
    await waitFor('the email', () => t.inboxFor(to).length === 1);
    await waitFor('completion', async () => (await t.jobState('evt9:invite:u9')) === 'completed');
    expect(t.inboxFor(to)).to.have.length(1);
    expect((await cli('failed')).text).to.equal('no failed jobs');
  });

  it('retry without --id re-drives every failed job of the queue', async () => {
    await t.enqueue('broken:1', { ...eventEmail(), template: 'no-such-template' });
    await waitFor('the failure', async () => (await t.jobState('broken:1')) === 'failed');
    expect((await cli('retry')).text).to.equal('retrying broken:1');
    await waitFor('it to fail again', async () => (await t.jobState('broken:1')) === 'failed');
  });

  it('says what is wrong with a command line', async () => {
    expect((await cli('retry', '--id', 'nope')).code).to.equal(1);
    expect((await cli('retry', '--id', 'nope')).text).to.equal('no job nope');
    expect((await cli('purge')).code).to.equal(2);
    expect((await cli('failed', '--queue', 'sms')).text).to.contain("unknown queue 'sms'");
  });
});
