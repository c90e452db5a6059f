// Tuple validation (semantics §5): Write → validation_error, contextual tuples → invalid_tuple (and
// validation_error for condition problems on the list APIs), and the silent read-time filter.
import { expect } from 'chai';
import {
  isTupleValidForRead, typesystemFor, validateContextualTuples, validateTupleForWrite,
} from '../../../src/fga-engine/model/index.js';
import { errorOf, modelFromDsl, tk } from '../resolve/support/engine-fixture.js';

const ts = typesystemFor(modelFromDsl(`model
  schema 1.1
type user
type employee
type group
  relations
    define member: [user, group#member]
type folder
  relations
    define viewer: [user]
type document
  relations
    define parent: [folder]
    define viewer: [user, user:*, group#member, employee with in_office] or viewer from parent
    define editor: [user with in_office]
condition in_office(ip: ipaddress) {
  ip.in_cidr("10.0.0.0/8")
}`));

async function writeError(t: ReturnType<typeof tk>): Promise<string> {
  const error = await errorOf(() => validateTupleForWrite(ts, t));
  expect(error.code).to.equal('validation_error');
  return error.message;
}

describe('validateTupleForWrite', () => {
  it('accepts tuples matching a type restriction', () => {
    for (const t of [
      tk('user:anne viewer document:1'), tk('user:* viewer document:1'), tk('group:eng#member viewer document:1'),
      tk('folder:x parent document:1'), tk('employee:bob viewer document:1', { name: 'in_office' }),
      tk('user:anne editor document:1', { name: 'in_office', context: { ip: '10.1.1.1' } }),
    ]) expect(() => validateTupleForWrite(ts, t), t.user).not.to.throw();
  });

  it('rejects malformed users, objects and relations', async () => {
    expect(await writeError(tk('a:b:c viewer document:1'))).to.equal("Invalid tuple 'document:1#viewer@a:b:c'. Reason: the 'user' field is malformed");
    expect(await writeError(tk('anne viewer document:1'))).to.contain("must be an object (e.g. document:1)");
    expect(await writeError(tk('user:anne viewer document'))).to.contain("invalid 'object' field format");
    expect(await writeError(tk('user:anne viewer document:*'))).to.contain('cannot reference a typed wildcard');
  });

  it('rejects unknown types and relations', async () => {
    expect(await writeError(tk('user:anne viewer report:1'))).to.contain("type 'report' not found");
    expect(await writeError(tk('robot:1 viewer document:1'))).to.contain("type 'robot' not found");
    expect(await writeError(tk('user:anne owner document:1'))).to.contain("relation 'document#owner' not found");
    expect(await writeError(tk('group:eng#boss viewer document:1'))).to.contain("relation 'group#boss' not found");
  });

  it('rejects wildcards and usersets on a tupleset relation', async () => {
    expect(await writeError(tk('folder:* parent document:1'))).to.contain("unexpected wildcard relationship with tupleset relation 'document#parent'");
  });

  it('enforces the exact shape of type restrictions', async () => {
    expect(await writeError(tk('user:* editor document:1', { name: 'in_office' }))).to.contain("the typed wildcard 'user:*' is not an allowed type restriction");
    expect(await writeError(tk('group:eng#member editor document:1'))).to.contain("'group#member' is not an allowed type restriction");
    expect(await writeError(tk('group:eng viewer document:1'))).to.contain("type 'group' is not an allowed type restriction");
  });

  it('checks conditions: missing, undefined, not allowed, bad context', async () => {
    expect(await writeError(tk('user:anne editor document:1'))).to.contain('Reason: condition is missing');
    expect(await writeError(tk('employee:bob viewer document:1'))).to.contain('condition is missing');
    expect(await writeError(tk('user:anne editor document:1', { name: 'nope' }))).to.contain('undefined condition');
    expect(await writeError(tk('user:anne viewer document:1', { name: 'in_office' }))).to.contain('invalid condition for type restriction');
    expect(await writeError(tk('user:anne editor document:1', { name: 'in_office', context: { other: 1 } }))).to.contain('found invalid context parameter: other');
    expect(await writeError(tk('user:anne editor document:1', { name: 'in_office', context: { ip: 'nope' } })))
      .to.contain("failed to convert context parameter 'ip': expected a well-formed IP address");
  });

  it('rejects a tuple that relates an object to itself (implicit)', async () => {
    expect(await writeError(tk('group:eng#member member group:eng'))).to.contain('cannot write a tuple that is implicit');
  });
});

describe('validateContextualTuples', () => {
  it('answers invalid_tuple for every problem on Check', async () => {
    expect((await errorOf(() => validateContextualTuples(ts, [tk('user:anne editor document:1')], 'check'))).code).to.equal('invalid_tuple');
    expect((await errorOf(() => validateContextualTuples(ts, [tk('user:* parent document:1')], 'check'))).code).to.equal('invalid_tuple');
  });

  it('answers validation_error for condition problems on the list APIs, invalid_tuple otherwise', async () => {
    expect((await errorOf(() => validateContextualTuples(ts, [tk('user:anne editor document:1')], 'listObjects'))).code).to.equal('validation_error');
    expect((await errorOf(() => validateContextualTuples(ts, [tk('folder:x viewer document:1')], 'listUsers'))).code).to.equal('invalid_tuple');
  });

  it('tolerates duplicates and refuses more than 100', async () => {
    const t = tk('user:anne viewer document:1');
    expect(() => validateContextualTuples(ts, [t, t], 'check')).not.to.throw();
    const many = Array.from({ length: 101 }, (_, i) => tk(`user:u${i} viewer document:1`));
    expect((await errorOf(() => validateContextualTuples(ts, many, 'check'))).code).to.equal('validation_error');
  });
});

describe('isTupleValidForRead', () => {
  it('keeps valid tuples and drops ones the model no longer allows', () => {
    expect(isTupleValidForRead(ts, tk('user:anne viewer document:1'))).to.equal(true);
    expect(isTupleValidForRead(ts, tk('employee:bob viewer document:1', { name: 'in_office' }))).to.equal(true);
    expect(isTupleValidForRead(ts, tk('employee:bob viewer document:1'))).to.equal(false);
    expect(isTupleValidForRead(ts, tk('user:* editor document:1', { name: 'in_office' }))).to.equal(false);
    expect(isTupleValidForRead(ts, tk('user:anne viewer document:1', { name: 'gone' }))).to.equal(false);
    expect(isTupleValidForRead(ts, tk('user:anne removed document:1'))).to.equal(false);
  });
});
