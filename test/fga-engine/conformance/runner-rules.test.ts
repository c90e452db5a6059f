// The runner's own judgements: which stage tuples must be rejected, which runs are planned
// (the contextual-tuples rerun), and how errors and list results are compared.
import { expect } from 'chai';
import type { CaseSpec } from '../../../src/fga-engine/conformance/case-spec.js';
import { planRuns } from '../../../src/fga-engine/conformance/plan-runs.js';
import { describeFailure, errorCodeName, matchesErrorCode } from '../../../src/fga-engine/conformance/sdk-failure.js';
import { modelFromDsl } from '../../../src/fga-engine/conformance/stage-setup.js';
import { sameElements } from '../../../src/fga-engine/conformance/stage-run.js';
import { invalidTupleReason } from '../../../src/fga-engine/conformance/tuple-validity.js';

const MODEL = `model
  schema 1.1
type user
type group
  relations
    define member: [user, user:*, group#member]
type folder
  relations
    define viewer: [user with in_range]
type document
  relations
    define parent: [folder]
    define viewer: viewer from parent
condition in_range(x: int) {
  x < 100
}
`;

describe('conformance runner: rules', () => {
  const model = modelFromDsl(MODEL);

  it('accepts tuples the model allows', () => {
    for (const key of [
      { object: 'group:eng', relation: 'member', user: 'user:anne' },
      { object: 'group:eng', relation: 'member', user: 'user:*' },
      { object: 'group:eng', relation: 'member', user: 'group:ops#member' },
      { object: 'document:1', relation: 'parent', user: 'folder:x' },
      { object: 'folder:x', relation: 'viewer', user: 'user:anne', condition: { name: 'in_range' } },
    ]) {
      expect(invalidTupleReason(model, key), JSON.stringify(key)).to.equal(undefined);
    }
  });

  it('rejects tuples the model does not allow, saying why', () => {
    const cases: Array<[Record<string, unknown>, RegExp]> = [
      [{ object: 'team:x', relation: 'member', user: 'user:anne' }, /type 'team' not found/],
      [{ object: 'group:eng', relation: 'owner', user: 'user:anne' }, /relation 'group#owner' not found/],
      [{ object: 'document:1', relation: 'viewer', user: 'user:anne' }, /not an allowed type/],
      [{ object: 'document:1', relation: 'parent', user: 'folder:*' }, /tupleset/],
      [{ object: 'folder:x', relation: 'viewer', user: 'user:anne' }, /condition is missing/],
      [{ object: 'folder:x', relation: 'viewer', user: 'user:anne', condition: { name: 'nope' } }, /undefined/],
      [{ object: 'group:eng', relation: 'member', user: 'group:ops#owner' }, /relation 'group#owner' not found/],
      [{ object: 'group', relation: 'member', user: 'user:anne' }, /invalid object/],
      [{ object: 'group:eng', relation: 'member', user: 'anne' }, /invalid user/],
    ];
    for (const [key, reason] of cases) {
      expect(invalidTupleReason(model, key as never), JSON.stringify(key)).to.match(reason);
    }
  });

  it('plans a contextual-tuples rerun only for single-stage cases with valid, few enough tuples', () => {
    const stage = (tuples: CaseSpec['stages'][number]['tuples']) => ({
      model: MODEL, tuples, checkAssertions: [], listObjectsAssertions: [], listUsersAssertions: [],
    });
    const ok = { object: 'group:eng', relation: 'member', user: 'user:anne' };
    const bad = { object: 'document:1', relation: 'viewer', user: 'user:anne' };
    const cases: CaseSpec[] = [
      { name: 'single', file: 'f', stages: [stage([ok])] },
      { name: 'multi', file: 'f', stages: [stage([ok]), stage([])] },
      { name: 'invalid', file: 'f', stages: [stage([bad])] },
      { name: 'many', file: 'f', stages: [stage(Array.from({ length: 101 }, (_, i) => ({ ...ok, user: `user:${i}` })))] },
    ];
    const { runs, skipped } = planRuns(cases);
    expect(runs.map((r) => `${r.spec.name}/${r.variant}`)).to.deep.equal([
      'single/stored', 'single/contextual', 'multi/stored', 'invalid/stored', 'many/stored',
    ]);
    expect(skipped.map((s) => `${s.spec.name}: ${s.reason}`)).to.deep.equal([
      'invalid: tuples invalid for the model',
      'many: more than 100 contextual tuples',
    ]);
  });

  it('matches an errorCode by HTTP 400 and the code name', () => {
    expect(errorCodeName(2000)).to.equal('validation_error');
    expect(errorCodeName(2027)).to.equal('invalid_tuple');
    expect(errorCodeName(9999)).to.equal('#9999');
    const sdkError = { statusCode: 400, responseData: { code: 'relation_not_found', message: "relation 'user#viewer' not found" } };
    const failure = describeFailure(sdkError);
    expect(failure).to.deep.include({ status: 400, code: 'relation_not_found' });
    expect(matchesErrorCode(failure, 2022)).to.equal(true);
    expect(matchesErrorCode(failure, 2021)).to.equal(false);
    expect(matchesErrorCode({ status: 500, code: 'relation_not_found', message: '' }, 2022)).to.equal(false);
  });

  it('compares list results ignoring order but not duplicates', () => {
    expect(sameElements(['b', 'a'], ['a', 'b'])).to.equal(true);
    expect(sameElements(['a', 'a'], ['a'])).to.equal(false);
    expect(sameElements([], [])).to.equal(true);
  });
});
