// ListUsers (semantics §3): users, wildcards and usersets of a filter type, set operators with
// OpenFGA's wildcard rules, cycles, errors and validation codes.
import { expect } from 'chai';
import { listUsers, type FgaUser } from '../../../src/fga-engine/resolve/index.js';
import { errorCodeOf, fixture, tk } from './support/engine-fixture.js';

const MODEL = `model
  schema 1.1
type user
type group
  relations
    define member: [user, user:*, group#member]
type document
  relations
    define blocked: [user]
    define allowed: [user]
    define viewer: [user, user:*, group#member]
    define visible: viewer but not blocked
    define restricted: viewer and allowed`;

const names = (users: FgaUser[]) => users.map((u) =>
  (u.object ? `${u.object.type}:${u.object.id}` : u.wildcard ? `${u.wildcard.type}:*` : `${u.userset!.type}:${u.userset!.id}#${u.userset!.relation}`)).sort();

describe('listUsers', () => {
  const tuples = [
    tk('user:anne viewer document:1'),
    tk('group:eng#member viewer document:1'),
    tk('user:bob member group:eng'),
    tk('group:core#member member group:eng'),
    tk('user:carl member group:core'),
    tk('user:* viewer document:2'),
    tk('user:bob blocked document:2'),
    tk('user:anne allowed document:1'),
    tk('user:dave allowed document:2'),
  ];

  it('expands usersets recursively to plain users of the filter type', async () => {
    const { ctx } = await fixture(MODEL, tuples);
    const users = await listUsers(ctx(), { object: 'document:1', relation: 'viewer', userFilters: [{ type: 'user' }] });
    expect(names(users)).to.deep.equal(['user:anne', 'user:bob', 'user:carl']);
    expect(users.find((u) => u.object?.id === 'anne')).to.deep.equal({ object: { type: 'user', id: 'anne' } });
  });

  it('returns every reachable userset for a type#relation filter', async () => {
    const { ctx } = await fixture(MODEL, tuples);
    const users = await listUsers(ctx(), { object: 'document:1', relation: 'viewer', userFilters: [{ type: 'group', relation: 'member' }] });
    expect(names(users)).to.deep.equal(['group:core#member', 'group:eng#member']);
    expect(users[0]).to.have.key('userset');
  });

  it('keeps a base wildcard even when specific users are subtracted', async () => {
    const { ctx } = await fixture(MODEL, tuples);
    expect(names(await listUsers(ctx(), { object: 'document:2', relation: 'visible', userFilters: [{ type: 'user' }] }))).to.deep.equal(['user:*']);
  });

  it('lets a wildcard operand of an intersection match every user of the other operand', async () => {
    const { ctx } = await fixture(MODEL, tuples);
    expect(names(await listUsers(ctx(), { object: 'document:2', relation: 'restricted', userFilters: [{ type: 'user' }] }))).to.deep.equal(['user:dave']);
    expect(names(await listUsers(ctx(), { object: 'document:1', relation: 'restricted', userFilters: [{ type: 'user' }] }))).to.deep.equal(['user:anne']);
  });

  it('ends cycles without error', async () => {
    const { ctx } = await fixture(MODEL, [tk('group:a#member member group:b'), tk('group:b#member member group:a'), tk('user:x member group:a')]);
    expect(names(await listUsers(ctx(), { object: 'group:b', relation: 'member', userFilters: [{ type: 'user' }] }))).to.deep.equal(['user:x']);
  });

  it('fails with validation_error on any condition error, even if other paths succeed', async () => {
    const { ctx } = await fixture(`model
  schema 1.1
type user
type document
  relations
    define viewer: [user, user with x_small]
condition x_small(x: int) {
  x < 100
}`, [tk('user:jon viewer document:1', { name: 'x_small' }), tk('user:ann viewer document:1')]);
    expect(await errorCodeOf(() => listUsers(ctx(), { object: 'document:1', relation: 'viewer', userFilters: [{ type: 'user' }] }))).to.equal('validation_error');
    expect(names(await listUsers(ctx({ context: { x: 1 } }), { object: 'document:1', relation: 'viewer', userFilters: [{ type: 'user' }] })))
      .to.deep.equal(['user:ann', 'user:jon']);
  });

  it('validates the target and the filter', async () => {
    const { ctx } = await fixture(MODEL, tuples);
    expect(await errorCodeOf(() => listUsers(ctx(), { object: 'report:1', relation: 'viewer', userFilters: [{ type: 'user' }] }))).to.equal('type_not_found');
    expect(await errorCodeOf(() => listUsers(ctx(), { object: 'document:1', relation: 'owner', userFilters: [{ type: 'user' }] }))).to.equal('relation_not_found');
    expect(await errorCodeOf(() => listUsers(ctx(), { object: 'document:1', relation: 'viewer', userFilters: [{ type: 'robot' }] }))).to.equal('type_not_found');
    expect(await errorCodeOf(() => listUsers(ctx(), { object: 'document:1', relation: 'viewer', userFilters: [{ type: 'group', relation: 'boss' }] }))).to.equal('relation_not_found');
    expect(await errorCodeOf(() => listUsers(ctx(), { object: 'document:1', relation: 'viewer', userFilters: [] }))).to.equal('validation_error');
  });

  it('caps the number of users', async () => {
    const { ctx } = await fixture(MODEL, tuples);
    expect(await listUsers(ctx(), { object: 'document:1', relation: 'viewer', userFilters: [{ type: 'user' }] }, { maxResults: 2 })).to.have.length(2);
  });
});
