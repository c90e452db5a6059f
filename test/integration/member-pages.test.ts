// Pages of members (a club's, a roster, a guardian's children) are made whole by PostgreSQL
// (src/modules/shared/sql-page.ts): paging through one with small pages shows every record once, in id
// order, with the same entries as one large page, a cursor as the API has always made it, and a
// decision-log entry naming exactly the records each page showed.
import { expect } from 'chai';
import pg from 'pg';
import { buildClubScenario, type ClubScenario } from '../support/club-scenario.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import type { ApiClient } from '../support/api-client.js';

type Page = { items: Array<{ id: string }>; nextCursor: string | null };

describe('member pages', function () {
  this.timeout(60_000);
  let app: TestApp;
  let s: ClubScenario;
  let db: pg.Client;
  before(async () => {
    app = await startTestApp();
    s = await buildClubScenario(app);
    // Enough records that small pages need several steps, in the group and in the guardian's care.
    for (let i = 0; i < 4; i++) {
      const memberId = await s.newMember({ groupId: s.groupId });
      expect((await s.actors.admin.api.post(`/v1/members/${memberId}/guardians`, { userId: s.actors.guardian.userId, relationship: 'mother' })).status).to.equal(201);
    }
    db = new pg.Client({ connectionString: app.databaseUrl });
    await db.connect();
  });
  after(async () => {
    await db?.end();
    await app?.close();
  });

  async function pageThrough(api: ApiClient, path: string, limit: number): Promise<{ pages: Page[]; whole: Page }> {
    const whole = (await api.get(`${path}?limit=200`)).body as Page;
    const pages: Page[] = [];
    let cursor: string | null = null;
    do {
      const res: { status: number; body: Page } = await api.get(`${path}?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status, JSON.stringify(res.body)).to.equal(200);
      pages.push(res.body);
      cursor = res.body.nextCursor;
      if (cursor) expect(cursor).to.equal(Buffer.from(res.body.items.at(-1)!.id).toString('base64url'));
    } while (cursor && pages.length < 50);
    return { pages, whole };
  }

  const views = () => [
    { who: s.actors.admin, path: `/v1/clubs/${s.clubId}/members`, relation: 'can_view' },
    { who: s.actors.auditor, path: `/v1/clubs/${s.clubId}/members`, relation: 'can_view_profile' },
    { who: s.actors.headCoach, path: `/v1/groups/${s.groupId}/members`, relation: 'can_view_roster' },
    { who: s.actors.guardian, path: '/v1/me/members', relation: 'guardian' },
  ];

  it('shows every record once, in id order, as one large page does', async () => {
    for (const { who, path } of views()) {
      const { pages, whole } = await pageThrough(who.api, path, 2);
      expect(whole.items.length, path).to.be.at.least(5);
      expect(whole.nextCursor).to.equal(null);
      const ids = whole.items.map((m) => m.id);
      expect(ids).to.deep.equal([...ids].sort());
      expect(pages.flatMap((p) => p.items), `${who.name} ${path}`).to.deep.equal(whole.items);
      expect(pages.slice(0, -1).every((p) => p.items.length === 2)).to.equal(true);
      expect(pages.at(-1)!.nextCursor).to.equal(null);
      // A page that ends exactly at the last record says so: no cursor to an empty page.
      const exact = (await who.api.get(`${path}?limit=${ids.length}`)).body as Page;
      expect([exact.items.length, exact.nextCursor]).to.deep.equal([ids.length, null]);
    }
  });

  it('logs each page as one decision naming the records it showed', async () => {
    for (const { who, path, relation } of views()) {
      const first = (await who.api.get(`${path}?limit=3`)).body as Page;
      const second = (await who.api.get(`${path}?limit=3&cursor=${first.nextCursor}`)).body as Page;
      const { rows } = await db.query(
        `select coalesce(objects, array[object]) as objects, club_id from authz_decisions where user_id = $1 and relation = $2 and source = 'list' order by id desc limit 2`,
        [who.userId, relation],
      );
      expect(rows.reverse(), `${who.name} ${path}`).to.deep.equal([first, second].map((p) => ({ objects: p.items.map((m) => `member:${m.id}`), club_id: s.clubId })));
    }
  });

  it("logs a page of records from several clubs as one decision per club, in page order, and an empty page not at all", async () => {
    // The guardian's child in a second club, added by that club's admin.
    const other = await buildClubScenario(app);
    const abroad = await other.newMember();
    expect((await other.actors.admin.api.post(`/v1/members/${abroad}/guardians`, { userId: s.actors.guardian.userId, relationship: 'father' })).status).to.equal(201);
    const page = (await s.actors.guardian.api.get('/v1/me/members?limit=200')).body as Page;
    const byClub = (clubId: string) => page.items.filter((m) => (m as { clubId?: string }).clubId === clubId).map((m) => `member:${m.id}`);
    expect(byClub(other.clubId)).to.deep.equal([`member:${abroad}`]);
    const { rows } = await db.query(
      `select club_id, object, objects, allowed, source, route, request_id is not null as has_request from authz_decisions
       where user_id = $1 and source = 'list' order by id desc limit 2`,
      [s.actors.guardian.userId],
    );
    const route = 'GET /v1/me/members';
    expect(rows.sort((a, b) => (a.club_id === s.clubId ? -1 : 1) - (b.club_id === s.clubId ? -1 : 1))).to.deep.equal([
      { club_id: s.clubId, object: null, objects: byClub(s.clubId), allowed: true, source: 'list', route, has_request: true },
      { club_id: other.clubId, object: `member:${abroad}`, objects: null, allowed: true, source: 'list', route, has_request: true },
    ]);
    const before = await db.query(`select count(*)::int as n from authz_decisions where user_id = $1`, [s.actors.guardian.userId]);
    const cursor = Buffer.from(page.items.at(-1)!.id).toString('base64url');
    expect((await s.actors.guardian.api.get(`/v1/me/members?cursor=${cursor}`)).body).to.deep.equal({ items: [], nextCursor: null });
    const after = await db.query(`select count(*)::int as n from authz_decisions where user_id = $1`, [s.actors.guardian.userId]);
    expect(after.rows[0].n).to.equal(before.rows[0].n);
  });

  it('indexes a check decision by its record and a page decision by its records, each row in one index only', async () => {
    const { rows } = await db.query(
      `select c.relname, pg_get_expr(i.indpred, i.indrelid) as only, c.reloptions from pg_index i join pg_class c on c.oid = i.indexrelid
       where c.relname in ('authz_decisions_object_idx', 'authz_decisions_objects_idx') order by c.relname`,
    );
    expect(rows).to.deep.equal([
      { relname: 'authz_decisions_object_idx', only: '(object IS NOT NULL)', reloptions: null },
      { relname: 'authz_decisions_objects_idx', only: '(objects IS NOT NULL)', reloptions: ['gin_pending_list_limit=16384'] },
    ]);
  });

  it("merges the page decisions' index entries off the request path, so no read's decision write does it", async () => {
    for (const { who, path } of views()) expect((await who.api.get(`${path}?limit=3`)).status).to.equal(200);
    // The API merges the pending list a few times a second; below its 16 MB limit no insert would.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const { rows } = await db.query(`select gin_clean_pending_list('authz_decisions_objects_idx'::regclass) as pages`);
    expect(rows).to.deep.equal([{ pages: '0' }]);
  });

  it('answers an empty page past the last record', async () => {
    const last = (await s.actors.admin.api.get(`/v1/clubs/${s.clubId}/members?limit=200`)).body as Page;
    const cursor = Buffer.from(last.items.at(-1)!.id).toString('base64url');
    const res = await s.actors.admin.api.get(`/v1/clubs/${s.clubId}/members?cursor=${cursor}`);
    expect([res.status, res.body]).to.deep.equal([200, { items: [], nextCursor: null }]);
  });
});
