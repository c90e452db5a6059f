import { expect } from 'chai';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);
const DATABASE = 'touchline_http_main_test';
const ADMIN_URL = 'postgres://root@127.0.0.1:5432/postgres';

async function dropDatabase(): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(`drop database if exists ${DATABASE} with (force)`);
  } finally {
    await client.end();
  }
}

/** `npm start` as a user runs it: the whole composition root, on a port the OS picks. */
describe('src/main.ts (start-up, dev tokens, shutdown)', function () {
  this.timeout(120_000);
  let child: ChildProcess | undefined;
  let apiUrl = '';
  const output: string[] = [];
  let token = '';
  const env = () => {
    const e: NodeJS.ProcessEnv = { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', NODE_ENV: 'test', FGA_EMBEDDED_DATASTORE: 'memory' };
    e.DATABASE_URL = `postgres://root@127.0.0.1:5432/${DATABASE}`;
    delete e.AUTH0_ISSUER_BASE_URL;
    delete e.AUTH0_AUDIENCE;
    delete e.OPENFGA_API_URL;
    return e;
  };

  before(async () => {
    await dropDatabase();
    child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { env: env(), stdio: ['ignore', 'pipe', 'pipe'] });
    const lines = createInterface({ input: child.stdout! });
    child.stderr!.on('data', (chunk) => output.push(String(chunk)));
    apiUrl = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no start-up line within 90s:\n${output.join('\n')}`)), 90_000);
      child!.once('exit', (code) => reject(new Error(`exited with ${code} during start-up:\n${output.join('\n')}`)));
      lines.on('line', (line) => {
        output.push(line);
        if (!line.startsWith('{')) return;
        const entry = JSON.parse(line);
        if (entry.msg === 'touchline started') {
          clearTimeout(timer);
          resolve(entry.apiUrl);
        }
      });
    });
  });

  after(async () => {
    if (child && child.exitCode === null) {
      child.kill('SIGKILL');
      await once(child, 'exit');
    }
    await dropDatabase();
  });

  it('prints where everything listens', () => {
    const text = output.join('\n');
    expect(apiUrl).to.match(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(text).to.contain(`${apiUrl}/docs`);
    expect(text).to.match(/OpenFGA \(embedded\)\s+http:\/\/127\.0\.0\.1:\d+/);
    expect(text).to.match(/Dev token issuer\s+http:\/\/127\.0\.0\.1:\d+\//);
    expect(text).to.contain('npm run -s token --');
  });

  it('is ready: PostgreSQL, Redis and OpenFGA answer', async () => {
    const res = await fetch(`${apiUrl}/readyz`);
    const body = await res.json();
    expect(res.status, JSON.stringify(body)).to.equal(200);
    expect(body.checks).to.deep.include({ postgres: 'ok', redis: 'ok', openfga: 'ok' });
  });

  it('accepts a token printed by `npm run token`, creating the user on first request', async () => {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'src/stand-ins/auth0/token-cli.ts', '--sub', 'auth0|main-test', '--email', 'main.test@example.com', '--name', 'Main Test'], { env: env() });
    token = stdout.trim();
    const res = await fetch(`${apiUrl}/v1/me`, { headers: { authorization: `Bearer ${token}` } });
    const body = await res.json();
    expect(res.status, JSON.stringify(body)).to.equal(200);
    expect(body).to.include({ email: 'main.test@example.com', name: 'Main Test' });
    expect(body.id).to.be.a('string');
  });

  it('answers 401 without a token', async () => {
    const res = await fetch(`${apiUrl}/v1/me`);
    expect(res.status).to.equal(401);
    expect((await res.json()).error.code).to.equal('unauthenticated');
  });

  it('never logs the token or the email', () => {
    expect(token).not.to.equal('');
    expect(output.join('\n')).not.to.contain('main.test@example.com');
    expect(output.join('\n')).not.to.contain(token);
  });

  it('stops cleanly on SIGTERM (exit 0)', async () => {
    const exited = once(child!, 'exit');
    child!.kill('SIGTERM');
    const [code] = await exited;
    expect(code, output.slice(-5).join('\n')).to.equal(0);
  });
});
