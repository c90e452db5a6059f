// The read path's prepared statements, and lookups that concurrent requests share.
import { expect } from 'chai';
import pg from 'pg';
import { createSqlReader, type SqlReader } from '../../src/db/sql-reader.js';

const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/test';

describe('SqlReader', () => {
  const table = `sql_reader_test_${process.pid}_${Date.now().toString(36)}`;
  let sql: SqlReader;
  const admin = new pg.Client({ connectionString: DATABASE_URL });

  before(async () => {
    await admin.connect();
    await admin.query(`create table ${table} (id text primary key, name text not null)`);
    await admin.query(`insert into ${table} values ('a', 'Ann'), ('b', 'Ben'), ('c', 'Cy')`);
    sql = createSqlReader({ databaseUrl: DATABASE_URL, poolMax: 2 });
  });
  after(async () => {
    await sql.close();
    await admin.query(`drop table ${table}`);
    await admin.end();
  });

  it('answers a prepared statement, again and again', async () => {
    for (let i = 0; i < 3; i++) expect(await sql.rows(`select name from ${table} where id = $1`, ['b'])).to.deep.equal([{ name: 'Ben' }]);
  });

  it('answers lookups started together with one statement, each caller its own row', async () => {
    const byId = sql.loader<{ id: string; name: string }>(`select id, name from ${table} where id = any($1::text[])`, (row) => row.id);
    const before = sql.statements;
    const rows = await Promise.all(['c', 'a', 'missing', 'a'].map((id) => byId(id)));
    expect(rows).to.deep.equal([{ id: 'c', name: 'Cy' }, { id: 'a', name: 'Ann' }, undefined, { id: 'a', name: 'Ann' }]);
    expect(sql.statements - before).to.equal(1);
    expect(await byId('b')).to.deep.equal({ id: 'b', name: 'Ben' }); // a later turn: a statement of its own
    expect(sql.statements - before).to.equal(2);
  });

  it('fails every lookup of a statement that fails, and goes on with the next', async () => {
    const broken = sql.loader<{ id: string }>(`select id from ${table}_missing where id = any($1::text[])`, (row) => row.id);
    const results = await Promise.allSettled([broken('a'), broken('b')]);
    expect(results.map((r) => r.status)).to.deep.equal(['rejected', 'rejected']);
    const byId = sql.loader<{ id: string }>(`select id from ${table} where id = any($1::text[])`, (row) => row.id);
    expect(await byId('a')).to.deep.equal({ id: 'a' });
  });

  it('answers batched statements started together with one statement, each asker its own rows in order', async () => {
    const namesAfter = sql.batch<{ after: string; lim: number }, { n: number; name: string }>(
      `select q.n, t.name from json_to_recordset($1::json) as q(n int, after text, lim int)
       cross join lateral (select name from ${table} where id > q.after order by id limit q.lim) t`);
    const before = sql.statements;
    const pages = await Promise.all([namesAfter({ after: '', lim: 2 }), namesAfter({ after: 'a', lim: 5 }), namesAfter({ after: 'c', lim: 1 }), namesAfter({ after: '', lim: 2 })]);
    expect(pages.map((rows) => rows.map((r) => r.name))).to.deep.equal([['Ann', 'Ben'], ['Ben', 'Cy'], [], ['Ann', 'Ben']]);
    expect(sql.statements - before).to.equal(1);
    const broken = sql.batch<{ x: number }, { n: number }>(`select q.n from json_to_recordset($1::json) as q(n int, x int) join ${table}_missing on true`);
    expect((await Promise.allSettled([broken({ x: 1 }), broken({ x: 2 })])).map((r) => r.status)).to.deep.equal(['rejected', 'rejected']);
  });

  it('for a statement that writes, sends what later turns asked meanwhile together in the next, and merges no equal askers (group commit for pages that log)', async () => {
    // Each statement holds its connection 150 ms: turns asking meanwhile wait and then go as one.
    // `askers`: how many the statement carried (equal ones merged would be fewer).
    const slowNames = sql.batch<{ id: string }, { n: number; name: string; askers: number }>(
      `select q.n, t.name, json_array_length($1::json) as askers from json_to_recordset($1::json) as q(n int, id text) join ${table} t on t.id = q.id, pg_sleep(0.15)`, { writes: true });
    const before = sql.statements;
    const nextTurn = () => new Promise((resolve) => setImmediate(resolve));
    const first = slowNames({ id: 'a' });
    await nextTurn();
    const second = slowNames({ id: 'b' });
    await nextTurn();
    const third = slowNames({ id: 'c' });
    const again = slowNames({ id: 'c' });
    const answers = await Promise.all([first, second, third, again]);
    expect(answers.map((rows) => rows.map((r) => [r.name, r.askers]))).to.deep.equal([[['Ann', 1]], [['Ben', 3]], [['Cy', 3]], [['Cy', 3]]]);
    expect(sql.statements - before).to.equal(2);
  });
});
