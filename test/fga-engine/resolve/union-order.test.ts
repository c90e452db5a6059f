// A union's operands answered by one read of the object run first; the costly ones (tuple-to-userset,
// userset-typed relations) only when none of those holds — with the answers of one concurrent union.
import { expect } from 'chai';
import { check } from '../../../src/fga-engine/resolve/index.js';
import { ALLOWED, DENIED, failed, unionInPhases, type Outcome } from '../../../src/fga-engine/resolve/outcome.js';
import { fixture, tk } from './support/engine-fixture.js';

const MODEL = `model
  schema 1.1
type user
type member
  relations
    define guardian: [user]
type group
  relations
    define head_coach: [user]
    define assistant_coach: [user]
    define member: [member]
    define coach: head_coach or assistant_coach
    define can_view: coach or guardian from member`;

describe('union evaluation order', () => {
  const members = Array.from({ length: 30 }, (_, i) => `member:m${i}`);
  const tuples = [
    tk('user:carla head_coach group:g'),
    ...members.map((m) => tk(`${m} member group:g`)),
    ...members.map((m, i) => tk(`user:parent${i} guardian ${m}`)),
  ];

  async function countedCheck(user: string) {
    const { ctx, datastore } = await fixture(MODEL, tuples);
    const calls = { userTuple: 0, usersetTuples: 0, startingWithUser: 0 };
    const counted = new Proxy(datastore, {
      get(target, name, receiver) {
        const value = Reflect.get(target, name, receiver);
        if (name === 'readUserTuple') return (...args: unknown[]) => (calls.userTuple++, value.apply(target, args));
        if (name === 'readUsersetTuples') return (...args: unknown[]) => (calls.usersetTuples++, value.apply(target, args));
        if (name === 'readStartingWithUser') return (...args: unknown[]) => (calls.startingWithUser++, value.apply(target, args));
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const allowed = await check(ctx({ datastore: counted }), { user, relation: 'can_view', object: 'group:g' });
    return { allowed, calls };
  }

  it('answers a coach from the coach relations alone, never reading the members or their guardians', async () => {
    const { allowed, calls } = await countedCheck('user:carla');
    expect(allowed).to.equal(true);
    expect(calls).to.deep.equal({ userTuple: 2, usersetTuples: 0, startingWithUser: 0 });
  });

  it('goes on to the costly operands when no cheap one holds', async () => {
    const { allowed, calls } = await countedCheck('user:parent7');
    expect(allowed).to.equal(true);
    expect(calls.usersetTuples).to.equal(1);
    expect((await countedCheck('user:stranger')).allowed).to.equal(false);
  });

  it('combines the two phases as one union would: any true, else any error, else false (with any cycle)', async () => {
    const boom = new Error('boom');
    const h = (o: Outcome) => () => Promise.resolve(o);
    let ranLate = false;
    const late = (o: Outcome) => () => ((ranLate = true), Promise.resolve(o));
    expect(await unionInPhases([h(DENIED), h(ALLOWED)], [late(DENIED)])).to.deep.equal(ALLOWED);
    expect(ranLate).to.equal(false);
    expect(await unionInPhases([h(failed(boom))], [h(ALLOWED)])).to.deep.equal(ALLOWED);
    expect((await unionInPhases([h(failed(boom))], [h(DENIED)])).error).to.equal(boom);
    expect((await unionInPhases([h(DENIED)], [h(failed(boom))])).error).to.equal(boom);
    expect(await unionInPhases([h({ allowed: false, cycle: true })], [h(DENIED)])).to.deep.equal({ allowed: false, cycle: true });
    expect(await unionInPhases([h(DENIED)], [h(DENIED)])).to.deep.equal({ allowed: false, cycle: false });
  });
});
