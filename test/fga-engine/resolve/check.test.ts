// Check semantics (semantics §1): each rewrite, cycles, the depth limit, wildcards, usersets as users,
// contextual tuples and how condition errors propagate through operators.
import { expect } from 'chai';
import { check } from '../../../src/fga-engine/resolve/index.js';
import { errorCodeOf, fixture, tk } from './support/engine-fixture.js';

const MODEL = `model
  schema 1.1
type user
type employee
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
    define owner: [user]
    define editor: [user, group#member] or owner
    define blocked: [user]
    define approved: [user]
    define viewer: (editor or viewer from parent) but not blocked
    define publisher: editor and approved`;

describe('check', () => {
  const tuples = [
    tk('user:anne owner document:1'),
    tk('group:eng#member editor document:1'),
    tk('user:bob member group:eng'),
    tk('group:all#member member group:eng'),
    tk('user:carl member group:all'),
    tk('folder:root parent folder:sub'),
    tk('user:dora viewer folder:root'),
    tk('folder:sub parent document:1'),
    tk('user:bob blocked document:1'),
    tk('user:anne approved document:1'),
    tk('user:* member group:public'),
  ];

  it('resolves direct, computed, userset, nested userset and tuple-to-userset paths', async () => {
    const { ctx } = await fixture(MODEL, tuples);
    const can = (user: string, relation: string, object: string) => check(ctx(), { user, relation, object });
    expect(await can('user:anne', 'owner', 'document:1')).to.equal(true);
    expect(await can('user:anne', 'editor', 'document:1')).to.equal(true); // computed
    expect(await can('user:bob', 'editor', 'document:1')).to.equal(true); // userset
    expect(await can('user:carl', 'editor', 'document:1')).to.equal(true); // nested userset
    expect(await can('user:dora', 'viewer', 'document:1')).to.equal(true); // TTU through two folders
    expect(await can('user:erin', 'viewer', 'document:1')).to.equal(false);
  });

  it('applies intersection and exclusion', async () => {
    const { ctx } = await fixture(MODEL, tuples);
    expect(await check(ctx(), tk('user:anne publisher document:1'))).to.equal(true);
    expect(await check(ctx(), tk('user:carl publisher document:1'))).to.equal(false);
    expect(await check(ctx(), tk('user:carl viewer document:1'))).to.equal(true);
    expect(await check(ctx(), tk('user:bob viewer document:1'))).to.equal(false); // blocked
  });

  it('treats a request user `T:*` literally and lets wildcard tuples grant every user of the type', async () => {
    const { ctx } = await fixture(MODEL, tuples);
    expect(await check(ctx(), tk('user:zed member group:public'))).to.equal(true);
    expect(await check(ctx(), tk('user:* member group:public'))).to.equal(true);
    expect(await check(ctx(), tk('user:* member group:eng'))).to.equal(false);
    expect(await check(ctx(), tk('employee:zed member group:public'))).to.equal(false);
  });

  it('accepts usersets as users', async () => {
    const { ctx } = await fixture(MODEL, tuples);
    expect(await check(ctx(), tk('group:eng#member editor document:1'))).to.equal(true);
    expect(await check(ctx(), tk('group:all#member editor document:1'))).to.equal(true);
    expect(await check(ctx(), tk('document:1#editor editor document:1'))).to.equal(true); // defines itself
    expect(await check(ctx(), tk('group:other#member editor document:1'))).to.equal(false);
  });

  it('answers false on cycles, also inside a subtract', async () => {
    const { ctx } = await fixture(`model
  schema 1.1
type user
type document
  relations
    define restricted: [user, document#viewer]
    define viewer: [user, document#viewer] but not restricted`, [
      tk('document:2#viewer viewer document:1'),
      tk('document:1#viewer viewer document:2'),
      tk('user:jon viewer document:3'),
      tk('document:3#viewer restricted document:3'),
    ]);
    expect(await check(ctx(), tk('user:jon viewer document:1'))).to.equal(false);
    expect(await check(ctx(), tk('user:jon viewer document:3'))).to.equal(false);
  });

  it('fails with authorization_model_resolution_too_complex past 25 tuple hops', async () => {
    let dsl = 'model\n  schema 1.1\ntype user\ntype resource\n  relations\n    define a1: [user]\n';
    for (let i = 2; i <= 27; i++) dsl += `    define a${i}: [resource#a${i - 1}]\n`;
    const chain = [tk('user:maria a1 resource:1')];
    for (let i = 2; i <= 27; i++) chain.push(tk(`resource:1#a${i - 1} a${i} resource:1`));
    const { ctx } = await fixture(dsl, chain);
    expect(await errorCodeOf(() => check(ctx(), tk('user:maria a27 resource:1')))).to.equal('authorization_model_resolution_too_complex');
    expect(await check(ctx(), tk('user:maria a20 resource:1'))).to.equal(true);
  });

  it('unions contextual tuples into reads, the contextual copy winning', async () => {
    const { ctx } = await fixture(MODEL, tuples);
    const contextualTuples = [tk('user:erin viewer folder:root')];
    expect(await check(ctx({ contextualTuples }), tk('user:erin viewer document:1'))).to.equal(true);
    expect(await check(ctx(), tk('user:erin viewer document:1'))).to.equal(false);
  });

  it('validates the request (validation_error) and contextual tuples (invalid_tuple)', async () => {
    const { ctx } = await fixture(MODEL, tuples);
    expect(await errorCodeOf(() => check(ctx(), tk('user:anne nope document:1')))).to.equal('validation_error');
    expect(await errorCodeOf(() => check(ctx(), tk('robot:1 viewer document:1')))).to.equal('validation_error');
    const contextualTuples = [tk('employee:x owner document:1')];
    expect(await errorCodeOf(() => check(ctx({ contextualTuples }), tk('user:anne viewer document:1')))).to.equal('invalid_tuple');
  });
});

describe('check with conditions', () => {
  const DSL = `model
  schema 1.1
type user
type folder
  relations
    define viewer: [user]
type document
  relations
    define parent: [folder with s_is_hello, folder with x_is_10]
    define viewer: [user with x_is_10] or viewer from parent
condition s_is_hello(s: string) {
  s == "hello"
}
condition x_is_10(x: int) {
  x == 10
}`;
  const tuples = [
    tk('folder:a parent document:1', { name: 's_is_hello' }),
    tk('folder:b parent document:1', { name: 'x_is_10' }),
    tk('user:jon viewer folder:a'),
    tk('user:jon viewer folder:b'),
    tk('user:ann viewer document:2', { name: 'x_is_10' }),
  ];

  it('propagates an exact tuple condition error', async () => {
    const { ctx } = await fixture(DSL, tuples);
    expect(await errorCodeOf(() => check(ctx(), tk('user:ann viewer document:2')))).to.equal('validation_error');
    expect(await check(ctx({ context: { x: 10 } }), tk('user:ann viewer document:2'))).to.equal(true);
    expect(await check(ctx({ context: { x: 11 } }), tk('user:ann viewer document:2'))).to.equal(false);
  });

  it('hides a many-tuple read error when another tuple of the read passes', async () => {
    const { ctx } = await fixture(DSL, tuples);
    expect(await check(ctx({ context: { s: 'hello' } }), tk('user:jon viewer document:1'))).to.equal(true);
    expect(await check(ctx({ context: { x: 10 } }), tk('user:jon viewer document:1'))).to.equal(true);
    expect(await errorCodeOf(() => check(ctx({ context: { s: 'foo' } }), tk('user:jon viewer document:1')))).to.equal('validation_error');
  });

  it('lets a true branch of a union hide an error', async () => {
    const { ctx } = await fixture(DSL, tuples);
    const contextualTuples = [tk('user:jon viewer document:1', { name: 'x_is_10', context: { x: 10 } })];
    expect(await check(ctx({ contextualTuples }), tk('user:jon viewer document:1'))).to.equal(true);
  });
});
