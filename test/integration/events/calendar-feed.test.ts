// The personal iCalendar feed: a secret key instead of a token, rotatable, the same events as /v1/me/events.
import { expect } from 'chai';
import { buildClubScenario, type ClubScenario } from '../../support/club-scenario.js';
import type { TestApp } from '../../support/test-app.js';
import { startEmailTestApp, type EmailTestApp } from '../../email/support/email-test-app.js';
import { newEvent } from './event-fixtures.js';

describe('calendar feed', function () {
  this.timeout(60_000);
  let t: EmailTestApp;
  let app: TestApp;
  let s: ClubScenario;

  before(async () => {
    // A BullMQ prefix of its own, removed afterwards; no worker: the tests read what commands enqueued.
    t = await startEmailTestApp({}, { startWorkers: false });
    app = t.app;
    s = await buildClubScenario(app);
  });
  after(async () => t?.close());

  const feed = (key?: string) => fetch(`${app.url}/v1/me/calendar.ics${key === undefined ? '' : `?key=${encodeURIComponent(key)}`}`);

  it("serves the guardian's children's events with the right key, nothing with a wrong or rotated one", async () => {
    const practice = await newEvent(s, { title: 'Tuesday practice', location: 'Field 2' });
    const cancelled = await newEvent(s, { title: 'Friendly vs Eastside', type: 'match' });
    expect((await s.actors.admin.api.delete(`/v1/events/${cancelled.id}`)).status).to.equal(204);
    const elsewhere = await newEvent(s, { title: 'U12 practice' }, s.otherGroupId);

    const issued = await s.actors.guardian.api.post('/v1/me/calendar-key');
    expect(issued.status).to.equal(201);
    expect(issued.body.feedPath).to.equal(`/v1/me/calendar.ics?key=${issued.body.key}`);
    const res = await fetch(app.url + issued.body.feedPath);
    expect(res.status).to.equal(200);
    expect(res.headers.get('content-type')).to.equal('text/calendar; charset=utf-8');
    const ics = await res.text();
    expect(ics).to.match(/^BEGIN:VCALENDAR/);
    expect(ics).to.contain(`UID:${practice.id}@touchline`);
    expect(ics).to.contain('SUMMARY:Tuesday practice (U10)');
    expect(ics).to.contain('LOCATION:Field 2');
    expect(ics).to.contain(`DTSTART:${practice.startsAt.replace(/[-:]/g, '').replace('.000', '')}`);
    const cancelledBlock = ics.split('BEGIN:VEVENT').find((b) => b.includes(`UID:${cancelled.id}@touchline`))!;
    expect(cancelledBlock).to.contain('STATUS:CANCELLED');
    expect(ics).not.to.contain(elsewhere.id);

    const wrong = await feed('not-the-key');
    expect(wrong.status).to.equal(404);
    expect((await wrong.json()).error.code).to.equal('calendar_feed_not_found');
    const missing = await feed();
    expect(missing.status).to.equal(400);

    const rotated = await s.actors.guardian.api.post('/v1/me/calendar-key');
    expect(rotated.body.key).not.to.equal(issued.body.key);
    expect((await feed(issued.body.key)).status).to.equal(404);
    expect((await feed(rotated.body.key)).status).to.equal(200);
  });

  it("a stranger's feed is empty, and keys are stored only as hashes", async () => {
    const issued = await s.actors.stranger.api.post('/v1/me/calendar-key');
    const ics = await (await feed(issued.body.key)).text();
    expect(ics).not.to.contain('BEGIN:VEVENT');
    const rows = await app.orm.em.fork().getConnection().execute('select key_hash from calendar_keys where user_id = ?', [s.actors.stranger.userId]);
    expect(rows).to.have.length(1);
    expect(rows[0].key_hash).not.to.equal(issued.body.key);
    expect(rows[0].key_hash).to.match(/^[0-9a-f]{64}$/);
  });
});
