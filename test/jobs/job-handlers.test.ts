import { expect } from 'chai';
import { JOB_CATALOG, jobNamesOf } from '../../src/jobs/job-catalog.js';
import { bindJobHandlers, JobHandlerMismatchError } from '../../src/jobs/job-handlers.js';
import { startEmailWorker } from '../../workers/email.worker.js';
import { createLogger } from '../../src/observability/logger.js';

const handle = async () => undefined;

describe('job names map: validated at start-up', () => {
  it('binds exactly one handler per job name of the queue', () => {
    const bound = bindJobHandlers('email', [{ name: 'send-email', handle }]);
    expect([...bound.keys()]).to.deep.equal(jobNamesOf('email'));
    expect(JOB_CATALOG.email.sendEmail).to.equal('send-email');
  });

  it('refuses a job name without a handler', () => {
    expect(() => bindJobHandlers('email', [])).to.throw(JobHandlerMismatchError, "job 'send-email' of queue 'email' has no handler");
  });

  it('refuses a job name with two handlers', () => {
    expect(() => bindJobHandlers('email', [{ name: 'send-email', handle }, { name: 'send-email', handle }])).to.throw(JobHandlerMismatchError, "job 'send-email' of queue 'email' has two handlers");
  });

  it('refuses a handler for a job the catalogue does not know', () => {
    expect(() => bindJobHandlers('email', [{ name: 'send-email', handle }, { name: 'send-sms', handle }])).to.throw(JobHandlerMismatchError, "'send-sms' is not a job of queue 'email'");
  });

  it('stops the email worker from starting when its handlers do not match (before touching Redis)', async () => {
    const options = { redisUrl: 'redis://127.0.0.1:1', prefix: 'never', concurrency: 1, logger: createLogger('silent'), send: {} as never };
    let failure: unknown;
    try {
      await startEmailWorker(options, [{ name: 'send-email', handle }, { name: 'send-email', handle }]);
    } catch (error) {
      failure = error;
    }
    expect(failure).to.be.instanceOf(JobHandlerMismatchError);
  });
});
