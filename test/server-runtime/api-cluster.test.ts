// API_PROCESSES=2: `npm start` as a user runs it, serving the API from two processes on one port. The
// first process migrates, bootstraps OpenFGA and runs the workers; a killed API process is replaced
// while the other keeps answering; SIGTERM stops them all.
import { expect } from 'chai';
import pg from 'pg';
import { DEFAULT_AUDIENCE } from '../../src/config/schema.js';
import { defaultDevIssuerStateDir, DEV_ISSUER } from '../../src/stand-ins/auth0/dev-issuer-settings.js';
import { signAccessToken } from '../../src/stand-ins/auth0/sign-token.js';
import { loadOrCreateSigningKey } from '../../src/stand-ins/auth0/signing-key.js';
import { freePort, startProcess, waitFor, waitUntilReady, type RunningProcess } from '../crash/support/processes.js';

const ADMIN_URL = process.env.TEST_DATABASE_ADMIN_URL ?? 'postgres://root@127.0.0.1:5432/postgres';

/** The pids of the first process's children: its API processes. */
async function apiPids(primaryPid: number): Promise<number[]> {
  const { execFileSync } = await import('node:child_process');
  let out: string;
  try {
    out = execFileSync('ps', ['-o', 'pid=', '--ppid', String(primaryPid)], { encoding: 'utf8' });
  } catch (error) {
    // ps exits 1 when no process matches: between a death and its replacement there may be none.
    if ((error as { status?: number }).status === 1) return [];
    throw error;
  }
  return out.split('\n').map((s) => Number(s.trim())).filter((n) => n > 0);
}

describe('API_PROCESSES: the API served by several processes', function () {
  this.timeout(120_000);
  const dbName = `touchline_cluster_${process.pid}_${Date.now().toString(36)}`;
  let proc: RunningProcess | undefined;

  after(async () => {
    await proc?.kill();
    const admin = new pg.Client({ connectionString: ADMIN_URL });
    await admin.connect();
    await admin.query(`drop database if exists "${dbName}" with (force)`);
    await admin.end();
  });

  it('runs two API processes on one port, replaces one that is killed while the other answers, and stops them all on SIGTERM', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const key = await loadOrCreateSigningKey(defaultDevIssuerStateDir());
    proc = startProcess('cluster', 'src/main.ts', [], {
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
      PORT: String(port),
      API_PROCESSES: '2',
      DATABASE_URL: Object.assign(new URL(ADMIN_URL), { pathname: `/${dbName}` }).toString(),
      OPENFGA_API_URL: '',
      AUTH0_ISSUER_BASE_URL: '',
      QUEUE_PREFIX: `cluster-${dbName}`,
      SHUTDOWN_TIMEOUT_MS: '2000',
    });
    await waitUntilReady(proc, `${url}/readyz`);
    // /readyz answers once one API process listens, and ps lists the other as soon as it is forked; the
    // banner prints once both listen. Killing the only listener before that leaves none: ECONNREFUSED.
    await waitFor('both API processes listening (the banner)', () => proc!.output().includes('Touchline is running'));
    const primary = proc.child.pid!;
    await waitFor('two API processes', async () => (await apiPids(primary)).length === 2);
    const before = await apiPids(primary);

    const token = await signAccessToken(key, DEV_ISSUER, DEFAULT_AUDIENCE, { sub: `cluster|anna-${dbName}`, email: 'anna@example.test', name: 'Anna', expiresIn: '1h' });
    const BURST = 20;
    const get = async (path: string) => {
      // Each kept-alive connection to a process that was killed fails once (as for any client), and the
      // burst below may leave up to BURST of them in fetch's pool: a request goes on past those failed
      // connections until one reaches a live process (retrying once was not enough when two were stale).
      for (let failed = 0; ; failed++) {
        try {
          const res = await fetch(`${url}${path}`, { headers: { authorization: `Bearer ${token}` } });
          return { status: res.status, body: await res.json() };
        } catch (error) {
          if (failed >= BURST) throw error;
          // Until the first process sees the death, it may still hand a new connection to the dead one.
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      }
    };
    // Many short connections: each process answers some, and every answer is the same user.
    const answers = await Promise.all(Array.from({ length: BURST }, () => get('/v1/me')));
    expect(answers.map((a) => a.status)).to.deep.equal(answers.map(() => 200));
    expect(new Set(answers.map((a) => a.body.id)).size).to.equal(1);
    const club = await fetch(`${url}/v1/clubs`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Cluster FC' }) });
    expect(club.status).to.equal(201);
    const clubId = ((await club.json()) as { id: string }).id;

    process.kill(before[0], 'SIGKILL');
    // The other process keeps answering (a model decision included) while the first process replaces the dead one.
    for (let i = 0; i < 10; i++) expect((await get(`/v1/clubs/${clubId}`)).status).to.equal(200);
    await waitFor('a replacement API process', async () => {
      const now = await apiPids(primary);
      return now.length === 2 && !now.includes(before[0]);
    });
    await waitUntilReady(proc, `${url}/readyz`);

    const after = await apiPids(primary);
    await proc.stop();
    expect(proc.child.exitCode).to.equal(0);
    for (const pid of after) expect(() => process.kill(pid, 0), `API process ${pid} still running`).to.throw();
  });
});
