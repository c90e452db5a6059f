// `npm run queues -- failed|retry [--queue email] [--id JOBID] [--limit N]`: what failed for good, and
// sending it again once the cause is fixed. Talks to the Redis and queue prefix of this environment.
import { emailSettingsOf, loadConfig } from '../config/index.js';
import { runQueuesCli } from './queues-cli-command.js';

const config = loadConfig();
const code = await runQueuesCli(process.argv.slice(2), { redisUrl: config.redisUrl, prefix: emailSettingsOf(config).queues.prefix, out: (line) => process.stdout.write(`${line}\n`) });
process.exit(code);
