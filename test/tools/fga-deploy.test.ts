// Model admins: `npm run fga -- diff | impact | deploy` against a running app's store. A deploy whose
// store tests fail is refused; a deploy that passes switches the running API without a restart.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect } from 'chai';
import { buildClubScenario, type ClubScenario } from '../support/club-scenario.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const run = promisify(execFile);

describe('fga diff, impact and deploy against the running app', function () {
  this.timeout(180_000);
  let app: TestApp;
  let s: ClubScenario;
  let dir: string;
  let candidate: string;

  const fga = async (...args: string[]): Promise<{ code: number; out: string }> => {
    const env = { ...process.env, NODE_ENV: 'test', DATABASE_URL: app.databaseUrl, OPENFGA_API_URL: app.fga.apiUrl, OPENFGA_STORE_ID: app.fga.storeId, LOG_LEVEL: 'silent' };
    try {
      const { stdout, stderr } = await run('npx', ['tsx', 'src/tools/fga-cli/main.ts', ...args], { env });
      return { code: 0, out: stdout + stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, out: e.stdout + e.stderr };
    }
  };
  const readyz = async () => (await (await fetch(`${app.url}/readyz`)).json()).openfga;
  const deployments = async () => (await app.orm.em.fork().getConnection().execute('select count(*)::int as n from fga_model_deployments'))[0].n as number;
  const untilModel = async (modelId: string) => {
    for (let i = 0; i < 50 && (await readyz()).modelId !== modelId; i++) await new Promise((r) => setTimeout(r, 100));
    expect((await readyz()).modelId).to.equal(modelId);
  };

  before(async () => {
    app = await startTestApp({ env: { FGA_MODEL_REFRESH_MS: '200' } });
    s = await buildClubScenario(app);
    dir = mkdtempSync(path.join(tmpdir(), 'fga-deploy-'));
    // The candidate: auditors would see children's full profiles, medical notes included.
    candidate = path.join(dir, 'model.fga');
    const model = readFileSync('fga/model.fga', 'utf8');
    const edited = model.replace('define can_view: guardian or coach from group or admin from club', 'define can_view: guardian or coach from group or admin from club or auditor from club');
    expect(edited).not.to.equal(model);
    writeFileSync(candidate, edited);
    mkdirSync(path.join(dir, 'tests'));
    writeFileSync(path.join(dir, 'tests', 'auditor-full-profile.fga.yaml'), [
      'name: auditors see full profiles',
      'model_file: ../model.fga',
      'tuples:',
      '  - { user: user:aud, relation: auditor, object: club:c1 }',
      '  - { user: club:c1, relation: club, object: member:m1 }',
      'tests:',
      '  - name: auditor sees the full profile',
      '    check:',
      '      - { user: user:aud, object: member:m1, assertions: { can_view: true } }',
      '      - { user: user:other, object: member:m1, assertions: { can_view: false } }',
      '',
    ].join('\n'));
  });
  after(async () => app?.close());

  it('shows the deployed model id and the model file hash on /readyz', async () => {
    const info = await readyz();
    expect(info.modelId).to.equal(app.fga.modelId);
    expect(info.modelSha256).to.equal(createHash('sha256').update(readFileSync('fga/model.fga')).digest('hex'));
    expect(info.source).to.equal('startup');
  });

  it('diff: nothing between the deployed model and fga/model.fga; the edited relation for the candidate', async () => {
    const same = await fga('diff');
    expect(same.code, same.out).to.equal(0);
    expect(same.out).to.include('no differences');
    const changed = await fga('diff', candidate);
    expect(changed.out).to.include('~ member#can_view: guardian or coach from group or admin from club  →  guardian or coach from group or admin from club or auditor from club');
    expect(changed.out).not.to.include('+ type');
  });

  it('impact: replays the store tuples against both models and names who gains access to what', async () => {
    const res = await fga('impact', candidate, '--json');
    expect(res.code, res.out).to.equal(0);
    const report = JSON.parse(res.out.split('\n').find((l) => l.startsWith('{'))!);
    const canView = report.relations.find((r: { relation: string }) => r.relation === 'member#can_view');
    expect(canView.lost.grants).to.equal(0);
    expect(canView.gained.users).to.equal(1);
    expect(canView.gained.objects).to.equal(2);
    expect(canView.gained.examples).to.include(`user:${s.actors.auditor.userId} → member:${s.childId}`);
    // Relations that do not depend on member#can_view are not replayed at all.
    expect(report.relations.map((r: { relation: string }) => r.relation)).not.to.include('member#can_edit');
    const text = await fga('impact', candidate);
    expect(text.out).to.match(/member#can_view \(changed, \d+ objects asked\)\n {2}\+ gain: 1 user to 2 objects \(2 grants\)/);
  });

  it('deploy: refuses a model whose store tests fail, and changes nothing', async () => {
    const before = await deployments();
    const res = await fga('deploy', candidate);
    expect(res.code, res.out).to.equal(1);
    expect(res.out).to.match(/FAIL .*auditors\.fga\.yaml/);
    expect(res.out).to.include('refused: store tests fail');
    expect(await deployments()).to.equal(before);
    expect((await readyz()).modelId).to.equal(app.fga.modelId);
  });

  it('deploy: writes a model whose tests pass, and the running API switches to it without a restart', async () => {
    const startedWith = app.fga.modelId;
    expect((await s.actors.auditor.api.get(`/v1/members/${s.childId}`)).body.medicalNotes).to.equal(null);
    const res = await fga('deploy', candidate, '--tests', path.join(dir, 'tests'), '--by', 'model-admin');
    expect(res.code, res.out).to.equal(0);
    const modelId = /^deployed model (\w+) \(sha256/m.exec(res.out)![1];
    expect(modelId).not.to.equal(startedWith);
    await untilModel(modelId);
    const info = await readyz();
    expect(info).to.include({ source: 'deploy', modelSha256: createHash('sha256').update(readFileSync(candidate)).digest('hex') });
    expect((await s.actors.auditor.api.get(`/v1/members/${s.childId}`)).body.medicalNotes).to.equal('asthma');

    // And back: deploying fga/model.fga (its own tests pass) restores the rule.
    const back = await fga('deploy', '--by', 'model-admin');
    expect(back.code, back.out).to.equal(0);
    await untilModel(/^deployed model (\w+) \(sha256/m.exec(back.out)![1]);
    expect((await s.actors.auditor.api.get(`/v1/members/${s.childId}`)).body.medicalNotes).to.equal(null);
  });
});
