// The API as users run it — `node src/main.ts --role api` with API_PROCESSES processes on one port —
// on a database the benchmark seeded, with the settings the benchmark states (rate limits and logs off).
import { freePort, startProcess, waitUntilReady } from '../../test/crash/support/processes.js';

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
  }, [...nodeArgs, ...(process.env.API_NODE_ARGS ? process.env.API_NODE_ARGS.split(' ').filter(Boolean) : [])]);
  try {
    await waitUntilReady(proc, `${url}/readyz`, 120_000);
  } catch (error) {
    await proc.kill();
    throw error;
  }
  return { url, processes, stop: () => proc.stop() };
}
