// The API as users run it — `node src/main.ts --role api` with API_PROCESSES processes on one port —
// on a database the benchmark seeded, with the settings the benchmark states (rate limits and logs off).
import fs from 'node:fs';
import { freePort, startProcess, waitUntilReady } from '../../test/crash/support/processes.js';

/**
 * The node flags `npm start` gives the API (package.json: `node FLAGS --import tsx src/main.ts`), e.g.
 * its young-generation size: the benchmark runs the API as users do. API_NODE_ARGS adds more (profiling).
 */
export function startNodeFlags(): string[] {
  const start: string = JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).scripts.start;
  const words = start.split(/\s+/);
  return words[0] === 'node' ? words.slice(1, words.indexOf('--import')) : [];
}

export interface ApiServer {
  url: string;
  processes: number;
  stop(): Promise<void>;
}

export async function startApiProcesses(databaseUrl: string, processes: number, nodeArgs: string[] = []): Promise<ApiServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const proc = startProcess('api', 'src/main.ts', ['--role', 'api'], {
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    HOST: '127.0.0.1',
    PORT: String(port),
    API_PROCESSES: String(processes),
    DATABASE_URL: databaseUrl,
    OPENFGA_API_URL: '',
    AUTH0_ISSUER_BASE_URL: '',
    FGA_EMBEDDED_DATASTORE: 'postgres',
    RATE_LIMIT_PER_USER_PER_MINUTE: '0',
    RATE_LIMIT_PER_IP_PER_MINUTE: '0',
  }, [...startNodeFlags(), ...nodeArgs, ...(process.env.API_NODE_ARGS ?? '').split(' ').filter(Boolean)]);
  try {
    await waitUntilReady(proc, `${url}/readyz`, 120_000);
  } catch (error) {
    await proc.kill();
    throw error;
  }
  return { url, processes, stop: () => proc.stop() };
}
