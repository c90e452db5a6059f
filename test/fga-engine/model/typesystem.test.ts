// Precomputed model facts: which user shapes can reach a relation at all (OpenFGA's PathExists).
import { expect } from 'chai';
import { typesystemFor } from '../../../src/fga-engine/model/index.js';
import { modelFromDsl } from '../resolve/support/engine-fixture.js';

const ts = typesystemFor(modelFromDsl(`model
  schema 1.1
type user
type employee
type group
  relations
    define member: [user, group#member]
type folder
  relations
    define parent: [folder]
    define viewer: [employee:*] or viewer from parent
type document
  relations
    define parent: [folder]
    define owner: [group#member]
    define blocked: [employee]
    define viewer: (owner or viewer from parent) but not blocked`));

describe('Typesystem', () => {
  it('looks up types, relations, restrictions and tuplesets', () => {
    expect(ts.hasType('group')).to.equal(true);
    expect(ts.hasType('robot')).to.equal(false);
    expect(ts.getRelation('document', 'owner')?.directTypes).to.deep.equal([{ type: 'group', relation: 'member' }]);
    expect(ts.isTuplesetRelation('document', 'parent')).to.equal(true);
    expect(ts.isTuplesetRelation('document', 'owner')).to.equal(false);
  });

  it('knows which user shapes can reach a relation', () => {
    expect(ts.pathExists('user', '', 'document', 'viewer')).to.equal(true); // via group#member
    expect(ts.pathExists('employee', '', 'document', 'viewer')).to.equal(true); // via employee:* on folder
    expect(ts.pathExists('group', 'member', 'document', 'viewer')).to.equal(true);
    expect(ts.pathExists('folder', 'viewer', 'document', 'viewer')).to.equal(true);
    expect(ts.pathExists('folder', '', 'document', 'viewer')).to.equal(false);
    expect(ts.pathExists('user', '', 'folder', 'viewer')).to.equal(false);
    // The subtracted relation alone never grants.
    expect(ts.pathExists('document', 'blocked', 'document', 'viewer')).to.equal(false);
  });
});
