// `npm run fga:reconcile`: drift between the database and OpenFGA is found and repaired, both ways.
import { expect } from 'chai';
import { reconcile } from '../../src/authz/reconcile.js';
import { MANAGED_OBJECT_TYPES, desiredTuples } from '../../src/modules/tuple-sources.js';
import { buildClubScenario, type ClubScenario } from '../support/club-scenario.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('reconcile', function () {
  this.timeout(60_000);
  let app: TestApp;
  let s: ClubScenario;
  const source = { desiredTuples, managedObjectTypes: MANAGED_OBJECT_TYPES };

  before(async () => {
    app = await startTestApp();
    s = await buildClubScenario(app);
  });
  after(async () => app?.close());

  it('finds nothing to repair when every command reached OpenFGA', async () => {
    const report = await reconcile(app.orm, app.fga.client, source);
    expect(report.written).to.deep.equal([]);
    expect(report.deleted).to.deep.equal([]);
    expect(report.actual).to.equal(report.desired);
  });

  it('restores a lost grant and removes a grant the database does not hold', async () => {
    const lost = { user: `user:${s.actors.guardian.userId}`, relation: 'guardian', object: `member:${s.childId}` };
    const stray = { user: `user:${s.actors.stranger.userId}`, relation: 'admin', object: `club:${s.clubId}` };
    await app.fga.client.write({ deletes: [lost], writes: [stray] });
    expect((await s.actors.guardian.api.get(`/v1/members/${s.childId}`)).status).to.equal(404);
    expect((await s.actors.stranger.api.get(`/v1/clubs/${s.clubId}`)).status).to.equal(200);

    const dryRun = await reconcile(app.orm, app.fga.client, source, { dryRun: true });
    expect(dryRun.written).to.deep.equal([lost]);
    expect(dryRun.deleted).to.deep.equal([stray]);
    expect((await s.actors.stranger.api.get(`/v1/clubs/${s.clubId}`)).status, 'a dry run changes nothing').to.equal(200);

    const report = await reconcile(app.orm, app.fga.client, source);
    expect(report.written).to.deep.equal([lost]);
    expect(report.deleted).to.deep.equal([stray]);
    expect((await s.actors.guardian.api.get(`/v1/members/${s.childId}`)).status).to.equal(200);
    expect((await s.actors.stranger.api.get(`/v1/clubs/${s.clubId}`)).status).to.equal(404);

    const again = await reconcile(app.orm, app.fga.client, source);
    expect(again.written.length + again.deleted.length).to.equal(0);
  });
});
