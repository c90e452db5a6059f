// SIGKILL, for real, of the API in the middle of commands that write rows and tuples, and of the workers
// in the middle of email jobs. After a restart the database and OpenFGA agree (reconcile finds nothing
// to repair), every acknowledged write is there, no job is lost and no email went out twice.
import { expect } from 'chai';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import pg from 'pg';
import { toBullJobId } from '../../src/jobs/bull-job-id.js';
import type { ApiClient } from '../support/api-client.js';
import { startCrashCluster, type CrashCluster } from './support/crash-cluster.js';
import { waitFor } from './support/processes.js';

const ok = <T = any>(res: { status: number; body: T }, status = 201): T => {
  expect(res.status, JSON.stringify(res.body)).to.equal(status);
  return res.body;
};
const NO_DRIFT = 'No drift: nothing to repair.';

describe('crash: processes killed mid-command and mid-job (SIGKILL, real processes)', function () {
  this.timeout(180_000);
  let c: CrashCluster;
  let admin: ApiClient;
  let coach: ApiClient;
  let clubId: string;
  let groupId: string;
  const memberIds: string[] = [];
  let redis: Redis;
  let queue: Queue; // the cluster's email queue, to see where its jobs are

  const sees = async (who: ApiClient, memberId: string) => (await who.get(`/v1/members/${memberId}`)).status === 200;
  const roster = async (gid: string) => (ok(await admin.get(`/v1/groups/${gid}/members?limit=200`), 200).items as Array<{ id: string }>).map((m) => m.id);
  const count = async (sql: string, values: unknown[] = []) => Number((await c.db.query(sql, values)).rows[0].n);

  before(async () => {
    c = await startCrashCluster();
    redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { maxRetriesPerRequest: null });
    queue = new Queue('email', { connection: redis, prefix: c.queuePrefix });
    const a = await c.signIn('admin');
    const coachUser = await c.signIn('coach');
    admin = a.api;
    coach = coachUser.api;
    clubId = ok(await admin.post('/v1/clubs', { name: 'Crash FC' })).id;
    groupId = ok(await admin.post(`/v1/clubs/${clubId}/groups`, { name: 'U12' })).id;
    ok(await admin.post(`/v1/groups/${groupId}/coaches`, { userId: coachUser.userId, role: 'head' }));
    for (let i = 0; i < 8; i++) {
      const memberId = ok(await admin.post(`/v1/clubs/${clubId}/members`, { firstName: `Kid${i}`, lastName: 'Crash', dateOfBirth: '2014-05-05' })).id;
      const guardian = await c.signIn(`parent${i}`);
      ok(await admin.post(`/v1/members/${memberId}/guardians`, { userId: guardian.userId, relationship: 'mother' }));
      ok(await admin.post(`/v1/groups/${groupId}/members`, { memberId }));
      memberIds.push(memberId);
    }
    // An upcoming event: taking a member off the group withdraws them from it and drops their guardian's
    // reminder job — so that command revokes tuples in OpenFGA *and then* writes to job_outbox.
    const start = new Date(Math.ceil(Date.now() / 3600_000) * 3600_000 + 72 * 3600_000);
    ok(await admin.post(`/v1/groups/${groupId}/events`, { type: 'practice', title: 'Crash practice', startsAt: start.toISOString(), endsAt: new Date(+start + 3600_000).toISOString() }));
  });
  after(async () => {
    await queue?.close();
    redis?.disconnect();
    await c?.close();
  });

  it('API killed after its commands revoked tuples in OpenFGA but before they committed: the rows stay, the relay writes the tuples back, reconcile finds nothing', async () => {
    const victims = memberIds.slice(0, 4);
    expect(await Promise.all(victims.map((m) => sees(coach, m)))).to.deep.equal([true, true, true, true]);
    // Hold every insert into job_outbox: each command stops right there, its revocations already applied.
    const blocker = new pg.Client({ connectionString: (c.db as unknown as { options: { connectionString: string } }).options.connectionString });
    blocker.on('error', () => undefined); // dropped with the database if the test fails midway
    await blocker.connect();
    await blocker.query('begin; lock table job_outbox in share mode');
    const inFlight = victims.map((m) => admin.delete(`/v1/groups/${groupId}/members/${m}`).then((r) => r.status, () => 'connection lost'));
    // One club's changes are serialised by its audit chain: one command reaches job_outbox (its
    // revocations applied), the other three wait for the chain with their rows already written.
    const waitingOnOutbox = () => count(`select count(*) as n from pg_locks l join pg_class t on t.oid = l.relation where not l.granted and t.relname = 'job_outbox'`);
    const waitingOnChain = () => count(`select count(*) as n from pg_stat_activity where wait_event_type = 'Lock' and query like '%audit-chain:%'`);
    await waitFor('one command at job_outbox and three behind it', async () => (await waitingOnOutbox()) === 1 && (await waitingOnChain()) === 3, 15_000);
    const visible = await Promise.all(victims.map((m) => sees(coach, m)));
    expect(visible.filter((v) => !v), 'revoked in OpenFGA already, not committed').to.have.length(1);
    await c.api.kill();
    await blocker.query('rollback');
    await blocker.end();
    expect(await Promise.all(inFlight), 'no caller was told it worked').to.deep.equal(victims.map(() => 'connection lost'));
    await c.restartApi();

    expect(await roster(groupId)).to.include.members(victims);
    await waitFor('the relay to restore the revoked tuples', async () => (await Promise.all(victims.map((m) => sees(coach, m)))).every(Boolean), 20_000);
    expect(await count('select count(*) as n from fga_revocation_intents')).to.equal(0);
    expect(await c.reconcileDryRun()).to.include(NO_DRIFT);
  });

  it('API killed under a stream of assign/unassign commands: every acknowledged write is there and OpenFGA agrees', async () => {
    const groupB = ok(await admin.post(`/v1/clubs/${clubId}/groups`, { name: 'U13' })).id;
    const coachB = await c.signIn('coachB');
    ok(await admin.post(`/v1/groups/${groupB}/coaches`, { userId: coachB.userId, role: 'head' }));
    // One lane per member, each request after the previous answer: the last acknowledged state is known.
    const lanes = memberIds.map((memberId) => ({ memberId, assigned: false, uncertain: false, acknowledged: 0 }));
    let killed = false;
    const run = Promise.all(lanes.map(async (lane) => {
      while (!killed) {
        const res = await (lane.assigned ? admin.delete(`/v1/groups/${groupB}/members/${lane.memberId}`) : admin.post(`/v1/groups/${groupB}/members`, { memberId: lane.memberId })).catch(() => undefined);
        if (!res) {
          lane.uncertain = true; // in flight when the process died: either outcome is correct
          return;
        }
        expect(res.status, JSON.stringify(res.body)).to.be.oneOf([201, 204]);
        lane.assigned = !lane.assigned;
        lane.acknowledged++;
      }
    }));
    await waitFor('some acknowledged writes', () => lanes.reduce((n, l) => n + l.acknowledged, 0) >= 40, 60_000);
    killed = true;
    await c.api.kill();
    await run;
    await c.restartApi();

    const inGroup = new Set(await roster(groupB));
    for (const lane of lanes.filter((l) => !l.uncertain)) expect(inGroup.has(lane.memberId), `member ${lane.memberId} after ${lane.acknowledged} acknowledged writes`).to.equal(lane.assigned);
    // OpenFGA follows the database, for the certain and the uncertain lanes alike.
    await waitFor('OpenFGA to agree with the roster', async () => (await Promise.all(memberIds.map(async (m) => (await sees(coachB.api, m)) === inGroup.has(m)))).every(Boolean), 20_000);
    expect(await c.reconcileDryRun()).to.include(NO_DRIFT);
  });

  it('workers killed while SendGrid had accepted emails but not yet answered: every email goes out exactly once', async () => {
    const standIn = (path: string, init?: RequestInit) => fetch(`${c.standInUrl}${path}`, init).then((r) => r.json());
    // Earlier emails (the event's invitations to guardians) go out first: the hung sends must be this test's.
    // (Its reminders stay delayed until a day before the event.)
    await waitFor('earlier email jobs to finish', async () => {
      const counts = await queue.getJobCounts('waiting', 'active', 'prioritized');
      return Object.values(counts).every((n) => n === 0) && (await count(`select count(*) as n from job_outbox where status <> 'dispatched'`)) === 0;
    }, 60_000);
    // The first three sends are stored (and their events posted) but never answered: the jobs hang mid-send.
    await standIn('/control/failures', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ mode: 'accept-and-hang', count: 3 }) });
    const invitationIds: string[] = [];
    for (let i = 0; i < 10; i++) invitationIds.push(ok(await admin.post(`/v1/groups/${groupId}/coach-invitations`, { email: `invitee${i}.${Date.now()}@example.test`, role: 'assistant' })).id);
    const jobIds = invitationIds.map((id) => `invitation:${id}:email`);
    const sentFor = async () => {
      const messages = (await standIn('/messages')) as Array<{ customArgs: Record<string, string> }>;
      const counts = new Map<string, number>();
      for (const m of messages) counts.set(m.customArgs.touchline_job_id, (counts.get(m.customArgs.touchline_job_id) ?? 0) + 1);
      return jobIds.map((id) => counts.get(id) ?? 0);
    };
    await waitFor('three sends to hang at SendGrid', async () => (await sentFor()).filter((n) => n > 0).length >= 3, 30_000);
    // Recorded as sending before the call; SendGrid's events for the accepted message may already say sent.
    expect(await count(`select count(*) as n from email_deliveries where status in ('sending', 'sent') and job_id = any($1)`, [jobIds])).to.be.at.least(3);
    const hung = await Promise.all(jobIds.map(async (id) => (await queue.getJob(toBullJobId(id)))?.getState()));
    expect(hung.filter((state) => state === 'active'), 'jobs still waiting for SendGrid when the workers die').to.have.length.of.at.least(3);

    await c.workers.kill();
    await standIn('/control/failures', { method: 'DELETE' });
    await c.restartWorkers();

    await waitFor('every invitation email to be settled', async () =>
      (await count(`select count(*) as n from email_deliveries where status = 'sent' and job_id = any($1)`, [jobIds])) === jobIds.length, 90_000);
    // SendGrid's events mark a hung send as sent long before its job is taken over from the dead worker:
    // only once every job has finished could a second send have happened, so count then.
    await waitFor('every email job to have finished in BullMQ', async () =>
      (await Promise.all(jobIds.map(async (id) => (await queue.getJob(toBullJobId(id)))?.finishedOn !== undefined))).every(Boolean), 60_000);
    expect(await sentFor(), 'emails per job at SendGrid').to.deep.equal(jobIds.map(() => 1));
    expect(await count(`select count(*) as n from job_outbox where status <> 'dispatched'`)).to.equal(0);
  });
});
