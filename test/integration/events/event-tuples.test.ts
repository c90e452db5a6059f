// Every event tuple is implied by a database row: reconcile finds no drift after events are planned and
// members join later, and repairs a lost invitee tuple (the guardian sees the event again).
import { expect } from 'chai';
import { reconcile } from '../../../src/authz/reconcile.js';
import { MANAGED_OBJECT_TYPES, desiredTuples } from '../../../src/modules/tuple-sources.js';
import { buildClubScenario, type ClubScenario } from '../../support/club-scenario.js';
import type { TestApp } from '../../support/test-app.js';
import { startEmailTestApp, type EmailTestApp } from '../../email/support/email-test-app.js';
import { hoursFromNow, newEvent } from './event-fixtures.js';

describe('event tuples and reconcile', function () {
  this.timeout(60_000);
  let t: EmailTestApp;
  let app: TestApp;
  let s: ClubScenario;
  const source = { desiredTuples, managedObjectTypes: MANAGED_OBJECT_TYPES };

  before(async () => {
    // A BullMQ prefix of its own, removed afterwards; no worker: the tests read what commands enqueued.
    t = await startEmailTestApp({}, { startWorkers: false });
    app = t.app;
    s = await buildClubScenario(app);
  });
  after(async () => t?.close());

  it('finds no drift after a series is planned, an occurrence cancelled and a member added', async () => {
    const first = await newEvent(s, { startsAt: hoursFromNow(30), endsAt: hoursFromNow(31), recurrence: { frequency: 'weekly', count: 3 } });
    expect((await s.actors.admin.api.delete(`/v1/events/${first.id}`)).status).to.equal(204);
    await s.newMember({ groupId: s.groupId });
    const report = await reconcile(app.orm, app.fga.client, source, { dryRun: true });
    expect(report.written).to.deep.equal([]);
    expect(report.deleted).to.deep.equal([]);
  });

  it('restores a lost invitee tuple and removes a stray one', async () => {
    const event = await newEvent(s);
    const lost = { user: `member:${s.childId}`, relation: 'invitee', object: `event:${event.id}` };
    const stray = { user: `member:${s.otherChildId}`, relation: 'invitee', object: `event:${event.id}` };
    await app.fga.client.write({ deletes: [lost], writes: [stray] });
    expect((await s.actors.guardian.api.get(`/v1/events/${event.id}`)).status).to.equal(404);
    expect((await s.actors.otherGuardian.api.get(`/v1/events/${event.id}`)).status).to.equal(200);
    const report = await reconcile(app.orm, app.fga.client, source);
    expect(report.written).to.deep.equal([lost]);
    expect(report.deleted).to.deep.equal([stray]);
    expect((await s.actors.guardian.api.get(`/v1/events/${event.id}`)).status).to.equal(200);
    expect((await s.actors.otherGuardian.api.get(`/v1/events/${event.id}`)).status).to.equal(404);
  });
});
