// The relationship history is append-only and hash-chained: SQL refuses to change it, and a change made
// anyway (a superuser bypassing the trigger) makes `npm run audit:verify` fail, naming the entry.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect } from 'chai';
import pg from 'pg';
import { buildClubScenario, type ClubScenario } from '../../support/club-scenario.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';

const run = promisify(execFile);

async function auditVerify(databaseUrl: string): Promise<{ code: number; output: string }> {
  try {
    const { stdout } = await run('npx', ['tsx', 'src/modules/audit/verify-cli.ts'], { env: { ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: 'test' } });
    return { code: 0, output: stdout };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, output: e.stdout + e.stderr };
  }
}

describe('audit log integrity', function () {
  this.timeout(120_000);
  let app: TestApp;
  let s: ClubScenario;
  let db: pg.Client;

  before(async () => {
    app = await startTestApp();
    s = await buildClubScenario(app);
    db = new pg.Client({ connectionString: app.databaseUrl });
    await db.connect();
  });
  after(async () => {
    await db?.end();
    await app?.close();
  });

  it('refuses UPDATE, DELETE and TRUNCATE of audit entries and decisions', async () => {
    for (const sql of ['update audit_changes set reason = $1', 'delete from audit_changes where reason is distinct from $1', 'update authz_decisions set allowed = not allowed where route is distinct from $1']) {
      const error = await db.query(sql, ['x']).then(() => undefined, (e: Error) => e);
      expect(error?.message, sql).to.match(/append-only/);
    }
    const truncate = await db.query('truncate audit_changes').then(() => undefined, (e: Error) => e);
    expect(truncate?.message).to.match(/append-only/);
  });

  it('verifies an intact log, and fails when one byte of a stored entry is flipped', async () => {
    const intact = await auditVerify(app.databaseUrl);
    expect(intact.code, intact.output).to.equal(0);
    expect(intact.output).to.match(/\d+ audit entries in \d+ chains: intact/);

    const { rows } = await db.query(`select id, seq, subject from audit_changes where chain = $1 and relation = 'guardian' order by seq limit 1`, [`club:${s.clubId}`]);
    const [entry] = rows;
    const subject: string = entry.subject;
    // One byte: the last character of the guardian's user id, changed to its neighbour.
    const flipped = subject.slice(0, -1) + String.fromCharCode(subject.charCodeAt(subject.length - 1) ^ 1);
    await db.query('begin');
    await db.query(`set local session_replication_role = replica`); // skips the append-only trigger, as a superuser could
    await db.query('update audit_changes set subject = $1 where id = $2', [flipped, entry.id]);
    await db.query('commit');

    const broken = await auditVerify(app.databaseUrl);
    expect(broken.code, broken.output).to.equal(1);
    expect(broken.output).to.include(`BROKEN club:${s.clubId} #${entry.seq}: its content does not match its hash`);
  });

  it('fails when an entry is removed from the middle of a chain', async () => {
    const { rows } = await db.query(`select id, seq from audit_changes where chain = $1 order by seq desc offset 2 limit 1`, [`club:${s.clubId}`]);
    await db.query('begin');
    await db.query(`set local session_replication_role = replica`);
    await db.query('delete from audit_changes where id = $1', [rows[0].id]);
    await db.query('commit');
    const broken = await auditVerify(app.databaseUrl);
    expect(broken.code).to.equal(1);
    expect(broken.output).to.include(`entry ${rows[0].seq} is missing`);
  });
});
