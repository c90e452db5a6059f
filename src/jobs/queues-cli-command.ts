// The commands of `npm run queues` (src/jobs/queues-cli.ts), separate from the process entry so tests run them.
import { Redis } from 'ioredis';
import { parseArgs } from 'node:util';
import { isQueueName, QUEUE_NAMES } from './job-catalog.js';
import type { QueueName } from './job-changes.js';
import { JobQueues } from './job-queues.js';
import { listFailedJobs, retryFailedJobs } from './queues-commands.js';

const USAGE = `usage: npm run queues -- failed [--queue ${QUEUE_NAMES.join('|')}] [--limit N]
       npm run queues -- retry  [--queue ${QUEUE_NAMES.join('|')}] [--id JOBID]   (no --id: every failed job)`;

export interface QueuesCliIo {
  redisUrl: string;
  prefix: string;
  out: (line: string) => void;
}

/** Runs one command; resolves with the process exit code. */
export async function runQueuesCli(argv: string[], io: QueuesCliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, strict: true, options: { queue: { type: 'string' }, id: { type: 'string' }, limit: { type: 'string' } } });
  } catch (error) {
    io.out(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const [command] = parsed.positionals;
  const queue = parsed.values.queue;
  if ((command !== 'failed' && command !== 'retry') || (queue !== undefined && !isQueueName(queue))) {
    io.out(queue !== undefined && !isQueueName(queue) ? `unknown queue '${queue}'\n${USAGE}` : USAGE);
    return 2;
  }
  const names: QueueName[] = queue ? [queue as QueueName] : QUEUE_NAMES;
  const connection = new Redis(io.redisUrl, { maxRetriesPerRequest: 1, lazyConnect: true });
  const queues = new JobQueues({ connection, prefix: io.prefix, retry: { email: { attempts: 1, backoffMs: 1000 } } });
  try {
    await connection.connect();
    if (command === 'failed') {
      const lines = await listFailedJobs(queues, names, Number(parsed.values.limit ?? 100));
      if (!lines.length) io.out('no failed jobs');
      for (const l of lines) io.out(`${l.queue}\t${l.jobId}\t${l.name}\tattempts ${l.attemptsMade}\tfailed ${l.failedAt ?? '?'}\t${l.reason}`);
      return 0;
    }
    const { retried, notFailed } = await retryFailedJobs(queues, names, parsed.values.id);
    for (const id of retried) io.out(`retrying ${id}`);
    for (const id of notFailed) io.out(`not in the failed set: ${id}`);
    if (parsed.values.id && !retried.length && !notFailed.length) io.out(`no job ${parsed.values.id}`);
    if (!parsed.values.id && !retried.length) io.out('no failed jobs');
    return parsed.values.id && !retried.length ? 1 : 0;
  } finally {
    await queues.close();
    await connection.quit().catch(() => connection.disconnect());
  }
}
