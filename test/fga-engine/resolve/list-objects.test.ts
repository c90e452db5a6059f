// ListObjects (semantics §2): reverse expansion, re-checked candidates under intersection and
// exclusion, wildcards, usersets as users, result cap, streaming, deadline and validation codes.
import { expect } from 'chai';
import { listObjects } from '../../../src/fga-engine/resolve/index.js';
import type { Datastore } from '../../../src/fga-engine/storage/datastore.js';
import { errorCodeOf, fixture, tk } from './support/engine-fixture.js';

const MODEL = `model
  schema 1.1
type user
type group
  relations
    define member: [user, user:*, group#member]
type folder
  relations
    define parent: [folder]
    define viewer: [user, group#member] or viewer from parent
type document
  relations
    define parent: [folder]
    define blocked: [user]
    define approved: [user]
    define viewer: [user, group#member] or viewer from parent
    define visible: viewer but not blocked
    define published: viewer and approved`;

const tuples = [
  tk('user:anne viewer folder:root'),
  tk('folder:root parent folder:sub'),
  tk('folder:sub parent document:1'),
  tk('folder:root parent document:2'),
  tk('user:anne viewer document:3'),
  tk('group:eng#member viewer folder:eng'),
  tk('folder:eng parent document:4'),
  tk('user:bob member group:eng'),
  tk('user:anne blocked document:2'),
  tk('user:anne approved document:3'),
  tk('user:* member group:everyone'),
  tk('group:everyone#member viewer document:5'),
];

const sorted = (xs: string[]) => [...xs].sort();

describe('listObjects', () => {
  it('finds objects through direct tuples, tuple-to-usersets and usersets', async () => {
    const { ctx } = await fixture(MODEL, tuples);
    expect(sorted(await listObjects(ctx(), { type: 'document', relation: 'viewer', user: 'user:anne' })))
      .to.deep.equal(['document:1', 'document:2', 'document:3', 'document:5']);
    expect(sorted(await listObjects(ctx(), { type: 'document', relation: 'viewer', user: 'user:bob' })))
      .to.deep.equal(['document:4', 'document:5']);
    expect(await listObjects(ctx(), { type: 'folder', relation: 'viewer', user: 'user:carl' })).to.deep.equal([]);
  });

  it('keeps only candidates that pass a full check under exclusion and intersection', async () => {
    const { ctx } = await fixture(MODEL, tuples);
    expect(sorted(await listObjects(ctx(), { type: 'document', relation: 'visible', user: 'user:anne' })))
      .to.deep.equal(['document:1', 'document:3', 'document:5']);
    expect(await listObjects(ctx(), { type: 'document', relation: 'published', user: 'user:anne' })).to.deep.equal(['document:3']);
  });

  it('accepts a wildcard request user and a userset request user', async () => {
    const { ctx } = await fixture(MODEL, tuples);
    expect(await listObjects(ctx(), { type: 'group', relation: 'member', user: 'user:*' })).to.deep.equal(['group:everyone']);
    expect(await listObjects(ctx(), { type: 'document', relation: 'viewer', user: 'group:eng#member' })).to.deep.equal(['document:4']);
    expect(await listObjects(ctx(), { type: 'document', relation: 'viewer', user: 'document:3#viewer' })).to.deep.equal(['document:3']);
  });

  it('uses contextual tuples', async () => {
    const { ctx } = await fixture(MODEL, tuples);
    const contextualTuples = [tk('user:carl viewer folder:sub')];
    expect(sorted(await listObjects(ctx({ contextualTuples }), { type: 'document', relation: 'viewer', user: 'user:carl' })))
      .to.deep.equal(['document:1', 'document:5']);
  });

  it('truncates silently at maxResults and streams each object as found', async () => {
    const { ctx } = await fixture(MODEL, tuples);
    const streamed: string[] = [];
    const objects = await listObjects(ctx(), { type: 'document', relation: 'viewer', user: 'user:anne' }, {
      maxResults: 2, onObject: (o) => streamed.push(o),
    });
    expect(objects).to.have.length(2);
    expect(streamed).to.deep.equal(objects);
  });

  it('returns what it found so far when the deadline passes', async () => {
    const { ctx, datastore } = await fixture(MODEL, tuples);
    const slow: Datastore = Object.create(datastore);
    slow.readStartingWithUser = async (storeId, filter) => {
      if (filter.objectType === 'folder' && filter.relation === 'parent') await new Promise((r) => setTimeout(r, 300));
      return datastore.readStartingWithUser(storeId, filter);
    };
    const started = Date.now();
    const objects = await listObjects(ctx({ datastore: slow }), { type: 'document', relation: 'viewer', user: 'user:anne' }, { deadlineMs: 50 });
    expect(Date.now() - started).to.be.lessThan(250);
    expect(objects).to.include('document:3');
    expect(objects).not.to.include('document:1');
  });

  it('reports unknown target type/relation as 2021/2022 and a bad user as validation_error', async () => {
    const { ctx } = await fixture(MODEL, tuples);
    expect(await errorCodeOf(() => listObjects(ctx(), { type: 'report', relation: 'viewer', user: 'user:anne' }))).to.equal('type_not_found');
    expect(await errorCodeOf(() => listObjects(ctx(), { type: 'document', relation: 'owner', user: 'user:anne' }))).to.equal('relation_not_found');
    expect(await errorCodeOf(() => listObjects(ctx(), { type: 'document', relation: 'viewer', user: 'robot:1' }))).to.equal('validation_error');
  });

  it('fails with validation_error when a traversed condition cannot be evaluated', async () => {
    const { ctx } = await fixture(`model
  schema 1.1
type user
type document
  relations
    define viewer: [user with x_small]
condition x_small(x: int) {
  x < 100
}`, [tk('user:jon viewer document:1', { name: 'x_small' })]);
    expect(await errorCodeOf(() => listObjects(ctx(), { type: 'document', relation: 'viewer', user: 'user:jon' }))).to.equal('validation_error');
    expect(await listObjects(ctx({ context: { x: 1 } }), { type: 'document', relation: 'viewer', user: 'user:jon' })).to.deep.equal(['document:1']);
    expect(await listObjects(ctx({ context: { x: 500 } }), { type: 'document', relation: 'viewer', user: 'user:jon' })).to.deep.equal([]);
  });
});
