// Older upstream case files write models in the pre-`model` DSL; the runner upgrades them so the
// current syntax transformer can convert them, as upstream's harness fell back to its old parser.
import { expect } from 'chai';
import { upgradeLegacyDsl } from '../../../src/fga-engine/conformance/legacy-dsl.js';
import { modelFromDsl } from '../../../src/fga-engine/conformance/stage-setup.js';

const LEGACY = `type user

type folder
  relations
    define viewer: [user] as self
type document
  relations
    define parent: [folder] as self
    define writer: [user, user:*] as self
    define editor: [user] as self but not writer
    define viewer as writer and (editor or owner)
    define owner: [user] as self or writer
    define can_read as viewer from parent
`;

describe('conformance runner: legacy model DSL', () => {
  it('rewrites `as self` and `as` rewrites into the current syntax with a model header', () => {
    const upgraded = upgradeLegacyDsl(LEGACY);
    expect(upgraded.startsWith('model\n  schema 1.1\n')).to.equal(true);
    expect(upgraded).to.contain('define writer: [user, user:*]\n');
    expect(upgraded).to.contain('define editor: [user] but not writer');
    expect(upgraded).to.contain('define viewer: writer and (editor or owner)');
    expect(upgraded).to.contain('define owner: [user] or writer');
    expect(upgraded).to.contain('define can_read: viewer from parent');
  });

  it('leaves a current model untouched', () => {
    const current = 'model\n  schema 1.1\ntype user\ntype doc\n  relations\n    define viewer: [user]\n';
    expect(upgradeLegacyDsl(current)).to.equal(current);
  });

  it('converts a legacy model to the same JSON as its current-syntax twin', () => {
    const twin = `model
  schema 1.1
type user
type folder
  relations
    define viewer: [user]
type document
  relations
    define parent: [folder]
    define writer: [user, user:*]
    define editor: [user] but not writer
    define viewer: writer and (editor or owner)
    define owner: [user] or writer
    define can_read: viewer from parent
`;
    expect(modelFromDsl(LEGACY)).to.deep.equal(modelFromDsl(twin));
  });

  it('still reports a model that is broken in both syntaxes', () => {
    expect(() => modelFromDsl('type user\n  relations\n    define x as as as\n')).to.throw();
  });
});
