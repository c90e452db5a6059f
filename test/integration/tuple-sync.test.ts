// Faults between the database and OpenFGA: never more access than the database grants, nothing lost.
import { expect } from 'chai';
import { ulid } from 'ulid';
import { createFgaClient } from '../../src/authz/fga-client.js';
import { TupleSync } from '../../src/authz/tuple-sync.js';
import { UnitOfWork } from '../../src/db/unit-of-work.js';
import { Club } from '../../src/modules/clubs/entities.js';
import { clubAdminTuple } from '../../src/modules/clubs/tuples.js';
import { desiredTuples } from '../../src/modules/tuple-sources.js';
import { ApiClient } from '../support/api-client.js';
import { createLogger } from '../../src/observability/logger.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('tuple outbox under OpenFGA faults', function () {
  this.timeout(60_000);
  let app: TestApp;
  let healthy: TupleSync;
  let broken: TupleSync;
  const logger = createLogger('silent');

  before(async () => {
    app = await startTestApp();
    const { orm, fga } = app;
    healthy = fga.tupleSync;
    // Same store and model, but nothing listens on port 9: every OpenFGA call fails.
    const dead = createFgaClient({ apiUrl: 'http://127.0.0.1:9', storeId: fga.storeId, modelId: fga.modelId });
    broken = new TupleSync(orm, dead, logger);
  });
  after(async () => {
    await broken?.close();
    await app?.close();
  });

  const tuple = () => ({ user: `user:${ulid()}`, relation: 'admin', object: `club:${ulid()}` });
  const holds = async (t: { user: string; relation: string; object: string }) => (await app.fga.client.check(t)).allowed === true;
  const outboxStatus = async (object: string) =>
    (await app.orm.em.fork().getConnection().execute<Array<{ status: string }>>(`select status from fga_outbox where object = ? order by id`, [object])).map((r) => r.status);

  it('a grant that cannot reach OpenFGA commits, stays pending, and the relay applies it later', async () => {
    const t = tuple();
    await new UnitOfWork(app.orm, broken).run({ command: 'test-grant' }, async (_em, tuples) => void tuples.write(t));
    expect(await holds(t)).to.equal(false);
    expect(await outboxStatus(t.object)).to.deep.equal(['pending']);
    await healthy.applyPending();
    expect(await holds(t)).to.equal(true);
    expect(await outboxStatus(t.object)).to.deep.equal(['applied']);
  });

  it('a revocation that cannot reach OpenFGA changes nothing and answers 503', async () => {
    const t = tuple();
    const clubId = t.object.slice('club:'.length);
    await new UnitOfWork(app.orm, healthy).run({ command: 'test-grant' }, async (em, tuples) => {
      em.create(Club, { id: clubId, name: 'Fault FC', timezone: 'UTC' });
      tuples.write(t);
    });
    const attempt = new UnitOfWork(app.orm, broken).run({ command: 'test-revoke' }, async (em, tuples) => {
      em.remove(await em.findOneOrFail(Club, { id: clubId }));
      tuples.delete(t);
    });
    const error = await attempt.then(() => undefined, (e: unknown) => e as { kind?: string });
    expect(error?.kind).to.equal('unavailable');
    expect(await app.orm.em.fork().count(Club, { id: clubId })).to.equal(1);
    expect(await holds(t)).to.equal(true);
    expect(await outboxStatus(t.object)).to.deep.equal(['applied']);
  });

  it("holds its advisory locks in the command's own transaction until commit", async () => {
    const t = tuple();
    let locksHeld = 0;
    await app.orm.em.fork().transactional(async (em) => {
      await healthy.recordInTransaction(em, [{ ...t, operation: 'write' }], { command: 'test-lock' });
      const [row] = await em.execute<Array<{ n: string }>>(`select count(*) as n from pg_locks where locktype = 'advisory' and pid = pg_backend_pid() and granted`);
      locksHeld = Number(row.n);
    });
    expect(locksHeld, 'reconcile lock (shared) + one tuple-key lock').to.equal(2);
  });

  it('a late retry of an old grant never overrides a later revocation', async () => {
    const t = tuple();
    await new UnitOfWork(app.orm, broken).run({ command: 'test-grant' }, async (_em, tuples) => void tuples.write(t));
    await new UnitOfWork(app.orm, healthy).run({ command: 'test-revoke' }, async (_em, tuples) => void tuples.delete(t));
    await healthy.applyPending();
    expect(await holds(t)).to.equal(false);
    expect(await outboxStatus(t.object)).to.deep.equal(['superseded', 'applied']);
  });

  it('the latest entry wins when entry ids gain a digit (ids are compared as numbers, not text)', async () => {
    const t = tuple();
    const conn = app.orm.em.fork().getConnection();
    const [{ max }] = await conn.execute<Array<{ max: string | null }>>('select max(id)::text as max from fga_outbox');
    const nextPowerOfTen = 10n ** BigInt(String(BigInt(max ?? '0') + 4n).length);
    await conn.execute(`select setval(pg_get_serial_sequence('fga_outbox', 'id'), ?)`, [String(nextPowerOfTen - 3n)]);
    await new UnitOfWork(app.orm, broken).run({ command: 'test-grant' }, async (_em, tuples) => void tuples.write(t)); // …98, pending
    await new UnitOfWork(app.orm, healthy).run({ command: 'test-revoke' }, async (_em, tuples) => void tuples.delete(t)); // …99
    await new UnitOfWork(app.orm, broken).run({ command: 'test-grant' }, async (_em, tuples) => void tuples.write(t)); // 10…00, pending
    await healthy.applyPending();
    expect(await holds(t)).to.equal(true);
    expect(await outboxStatus(t.object)).to.deep.equal(['superseded', 'applied', 'applied']);
  });

  it('more concurrent revocations than the connection pool holds all complete (announcing takes no second pooled connection)', async function () {
    this.timeout(30_000); // the old design waited here for ever: every pooled connection held by a command waiting for another
    const tuples = Array.from({ length: 25 }, tuple);
    await Promise.all(tuples.map((t) => new UnitOfWork(app.orm, healthy).run({ command: 'test-grant' }, async (_em, tx) => void tx.write(t))));
    await Promise.all(tuples.map((t) => new UnitOfWork(app.orm, healthy).run({ command: 'test-revoke' }, async (_em, tx) => void tx.delete(t))));
    for (const t of tuples) expect(await holds(t)).to.equal(false);
  });

  describe('a revocation applied to OpenFGA whose command never commits (process killed, commit failed)', () => {
    const intents = async () => Number((await app.orm.em.fork().getConnection().execute<Array<{ n: string }>>('select count(*) as n from fga_revocation_intents'))[0].n);

    async function clubWithAdmin() {
      const sub = `revoker-${ulid()}`;
      const api = new ApiClient(app.url, await app.token(sub));
      const me = await api.get<{ id: string }>('/v1/me');
      const club = await api.post<{ id: string }>('/v1/clubs', { name: 'Intent FC' });
      expect(club.status).to.equal(201);
      return clubAdminTuple(club.body.id, me.body.id);
    }

    it('is left alone while the transaction runs, and written back by the relay once it has rolled back', async () => {
      const t = await clubWithAdmin();
      expect(await holds(t)).to.equal(true);
      const failed = app.orm.em.fork().transactional(async (em) => {
        await healthy.recordInTransaction(em, [{ ...t, operation: 'delete' }], { command: 'test-revoke-then-crash' });
        expect(await holds(t), 'revoked before commit').to.equal(false);
        // Another process's relay runs meanwhile: the transaction is still in progress, so it waits.
        expect((await healthy.restoreAbortedRevocations(desiredTuples)).settled).to.equal(0);
        throw new Error('the commit never happens');
      });
      await failed.catch(() => undefined);
      expect(await holds(t), 'the database still says admin; OpenFGA does not').to.equal(false);
      const { restored } = await healthy.restoreAbortedRevocations(desiredTuples);
      expect(restored.map((r) => `${r.object}#${r.relation}@${r.user}`)).to.include(`${t.object}#${t.relation}@${t.user}`);
      expect(await holds(t)).to.equal(true);
      expect(await intents()).to.equal(0);
    });

    it('a committed revocation leaves no intent behind and is never undone', async () => {
      const t = await clubWithAdmin();
      await new UnitOfWork(app.orm, healthy).run({ command: 'test-revoke' }, async (em, tuples) => {
        await em.execute('delete from club_admins where club_id = ?', [t.object.slice('club:'.length)]);
        tuples.delete(t);
      });
      expect(await intents()).to.equal(0);
      await healthy.restoreAbortedRevocations(desiredTuples);
      expect(await holds(t)).to.equal(false);
    });
  });
});
