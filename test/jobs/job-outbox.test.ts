// The job outbox against real PostgreSQL and Redis: rows in the command's transaction, BullMQ jobs
// after commit, the relay for what is left, and a job's entries applied in order whoever dispatches.
import { expect } from 'chai';
import { Redis } from 'ioredis';
import { UnitOfWork } from '../../src/db/unit-of-work.js';
import { toBullJobId } from '../../src/jobs/bull-job-id.js';
import type { JobChanges } from '../../src/jobs/job-changes.js';
import { PgJobOutbox } from '../../src/jobs/job-outbox.js';
import { JobQueues } from '../../src/jobs/job-queues.js';
import { startJobRelay } from '../../src/jobs/job-relay.js';
import { createLogger } from '../../src/observability/logger.js';
import { startEmailTestApp, waitFor, type EmailTestApp } from '../email/support/email-test-app.js';

const logger = createLogger('silent');
const data = (n: number) => ({ template: 'event-reminder', n });

describe('job outbox (PostgreSQL → BullMQ)', function () {
  this.timeout(20_000);
  let t: EmailTestApp;
  let uow: UnitOfWork;
  let outbox: PgJobOutbox;
  // A Redis nobody listens on: every BullMQ call fails at once, as when Redis is down.
  const deadRedis = new Redis('redis://127.0.0.1:1', { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 0, retryStrategy: () => null });
  deadRedis.on('error', () => undefined);
  let deadUow: UnitOfWork;

  const run = (u: UnitOfWork, work: (jobs: JobChanges) => void) => u.run({ command: 'test' }, async (_em, _tuples, jobs) => work(jobs));
  const job = (jobId: string) => t.email.queues.queue('email').getJob(toBullJobId(jobId));
  const rows = async (jobId: string) => t.app.orm.em.fork().execute<Array<{ operation: string; status: string; attempts: number; failed: boolean }>>(`select operation, status, attempts, last_error is not null as failed from job_outbox where job_id = ? order by id`, [jobId]);

  before(async () => {
    t = await startEmailTestApp({}, { startWorkers: false }); // jobs stay in the queue for inspection
    outbox = t.email.outbox;
    uow = t.app.touchline.deps.uow;
    const deadQueues = new JobQueues({ connection: deadRedis, prefix: t.prefix, retry: { email: { attempts: 1, backoffMs: 100 } } });
    deadUow = new UnitOfWork(t.app.orm, t.app.fga.tupleSync, new PgJobOutbox(t.app.orm, deadQueues, logger));
  });
  after(async () => {
    deadRedis.disconnect();
    await t?.close();
  });

  it("a committed command's job reaches BullMQ right after commit, under its deterministic id", async () => {
    await run(uow, (jobs) => jobs.add({ queue: 'email', name: 'send-email', jobId: 'evt1:invite:u1', data: data(1) }));
    const added = await job('evt1:invite:u1');
    expect(added?.name).to.equal('send-email');
    expect(added?.data).to.deep.equal(data(1));
    expect(await added!.getState()).to.equal('waiting');
    expect(await rows('evt1:invite:u1')).to.deep.equal([{ operation: 'add', status: 'dispatched', attempts: 1, failed: false }]);
  });

  it('a delay makes a delayed job (reminders)', async () => {
    await run(uow, (jobs) => jobs.add({ queue: 'email', name: 'send-email', jobId: 'evt1:reminder:u1', data: data(2), delayMs: 3_600_000 }));
    const delayed = await job('evt1:reminder:u1');
    expect(await delayed!.getState()).to.equal('delayed');
    expect(delayed!.delay).to.be.within(3_590_000, 3_600_000);
  });

  it('a rolled-back command leaves neither a row nor a job', async () => {
    const failing = run(uow, (jobs) => {
      jobs.add({ queue: 'email', name: 'send-email', jobId: 'rolled-back', data: data(3) });
      throw new Error('command failed');
    });
    await failing.catch(() => undefined);
    expect(await rows('rolled-back')).to.deep.equal([]);
    expect(await job('rolled-back')).to.equal(undefined);
  });

  it('refuses a job name no worker runs: the command fails, nothing is kept', async () => {
    const error = await run(uow, (jobs) => jobs.add({ queue: 'email', name: 'send-fax', jobId: 'fax', data: {} })).catch((e) => e);
    expect(error.message).to.equal("Cannot enqueue job: queue 'email' has no job named 'send-fax'");
    expect(await rows('fax')).to.deep.equal([]);
  });

  it('Redis down: the command still commits, the job waits in the outbox and the relay dispatches it later', async () => {
    await run(deadUow, (jobs) => jobs.add({ queue: 'email', name: 'send-email', jobId: 'down:1', data: data(4) }));
    expect(await rows('down:1')).to.deep.equal([{ operation: 'add', status: 'pending', attempts: 1, failed: true }]);
    expect(await job('down:1')).to.equal(undefined);
    const relay = startJobRelay(outbox, logger, 50);
    try {
      await waitFor('the relay', async () => (await rows('down:1'))[0].status === 'dispatched');
    } finally {
      await relay.stop();
    }
    expect((await job('down:1'))?.data).to.deep.equal(data(4));
  });

  it("applies a job's entries in order: add, remove, add again (a moved reminder) ends with the last add", async () => {
    await run(deadUow, (jobs) => jobs.add({ queue: 'email', name: 'send-email', jobId: 'moved:1', data: data(5), delayMs: 60_000 }));
    await run(deadUow, (jobs) => jobs.remove('email', 'moved:1').add({ queue: 'email', name: 'send-email', jobId: 'moved:1', data: data(6), delayMs: 120_000 }));
    await run(deadUow, (jobs) => jobs.remove('email', 'never-added'));
    // The relay, or the next command touching the same job, applies every pending entry of it in id order.
    await run(uow, (jobs) => jobs.remove('email', 'moved:1').add({ queue: 'email', name: 'send-email', jobId: 'moved:1', data: data(7), delayMs: 180_000 }));
    expect((await rows('moved:1')).map((r) => `${r.operation}:${r.status}`)).to.deep.equal(['add:dispatched', 'remove:dispatched', 'add:dispatched', 'remove:dispatched', 'add:dispatched']);
    const moved = await job('moved:1');
    expect(moved?.data).to.deep.equal(data(7));
    expect(moved!.delay).to.be.within(170_000, 180_000);
    await outbox.dispatchPending();
    expect(await rows('never-added')).to.deep.equal([{ operation: 'remove', status: 'dispatched', attempts: 2, failed: true }]);
  });

  it('applies entries in id order when ids gain a digit (numbers, not text): an add then a remove leaves no job', async () => {
    const em = t.app.orm.em.fork();
    const [{ max }] = await em.execute<Array<{ max: string | null }>>('select max(id)::text as max from job_outbox');
    const nextPowerOfTen = 10n ** BigInt(String(BigInt(max ?? '0') + 3n).length);
    await em.execute(`select setval(pg_get_serial_sequence('job_outbox', 'id'), ?)`, [String(nextPowerOfTen - 2n)]);
    await run(deadUow, (jobs) => jobs.add({ queue: 'email', name: 'send-email', jobId: 'digits:1', data: data(9) })); // …99
    await run(deadUow, (jobs) => jobs.remove('email', 'digits:1')); // 10…00
    await outbox.dispatchPending();
    expect((await rows('digits:1')).map((r) => `${r.operation}:${r.status}`)).to.deep.equal(['add:dispatched', 'remove:dispatched']);
    expect(await job('digits:1')).to.equal(undefined);
  });

  it('dispatching an entry twice (crash between Redis and the status update) still leaves one job', async () => {
    await run(uow, (jobs) => jobs.add({ queue: 'email', name: 'send-email', jobId: 'twice:1', data: data(8) }));
    await t.app.orm.em.fork().execute(`update job_outbox set status = 'pending' where job_id = 'twice:1'`);
    expect(await outbox.dispatchPending()).to.be.greaterThan(0);
    const waiting = await t.email.queues.queue('email').getJobs(['waiting', 'delayed']);
    expect(waiting.filter((j) => j?.id === toBullJobId('twice:1'))).to.have.length(1);
  });
});
