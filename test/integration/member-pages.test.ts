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
        `select coalesce(c.objects, array[d.object]) as objects, d.club_id from authz_decisions d left join authz_page_contents c on c.digest = d.page_digest
         where d.user_id = $1 and d.relation = $2 and d.source = 'list' order by d.id desc limit 2`,
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
      `select d.club_id, d.object, c.objects, d.allowed, d.source, d.route, d.request_id is not null as has_request
       from authz_decisions d left join authz_page_contents c on c.digest = d.page_digest
       where d.user_id = $1 and d.source = 'list' order by d.id desc limit 2`,
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

  it('stores the records of a page once, however often it is read, and logs every read', async () => {
    const { who, path, relation } = views()[0];
    const latest = async () => (await db.query(`select coalesce(max(id), 0)::text as id from authz_decisions`)).rows[0].id as string;
    const since = await latest();
    const reads = [];
    for (let i = 0; i < 3; i++) reads.push(((await who.api.get(`${path}?limit=3`)).body as Page).items.map((m) => `member:${m.id}`));
    expect(reads[1]).to.deep.equal(reads[0]);
    expect(reads[2]).to.deep.equal(reads[0]);
    const { rows } = await db.query(
      `select d.page_digest = c.digest as named, c.objects, (select count(*)::int from authz_page_contents x where x.objects = c.objects) as stored
       from authz_decisions d left join authz_page_contents c on c.digest = d.page_digest
       where d.id > $1 and d.user_id = $2 and d.relation = $3 and d.source = 'list' order by d.id`,
      [since, who.userId, relation],
    );
    expect(rows).to.deep.equal(reads.map((objects) => ({ named: true, objects, stored: 1 })));
  });

  it('refuses page contents whose key is not the digest of their records, and changes to stored ones', async () => {
    const refusal = (sql: string) => db.query(sql).then(() => 'accepted', (error: Error) => error.message);
    expect(await refusal(`insert into authz_page_contents (digest, objects) values (sha256('x'), array['member:a', 'member:b'])`)).to.match(/authz_page_contents_digest/);
    expect(await refusal(`update authz_page_contents set objects = objects`)).to.match(/append-only/);
  });

  it('answers an empty page past the last record', async () => {
    const last = (await s.actors.admin.api.get(`/v1/clubs/${s.clubId}/members?limit=200`)).body as Page;
    const cursor = Buffer.from(last.items.at(-1)!.id).toString('base64url');
    const res = await s.actors.admin.api.get(`/v1/clubs/${s.clubId}/members?cursor=${cursor}`);
    expect([res.status, res.body]).to.deep.equal([200, { items: [], nextCursor: null }]);
  });
});
