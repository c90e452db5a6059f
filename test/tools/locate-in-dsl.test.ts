import { expect } from 'chai';
import { locateInDsl } from '../../src/tools/fga-cli/model-source/locate-in-dsl.js';

const dsl = `model
  schema 1.1
type user
type group
  relations
    define member: [user]
type doc
  relations
    define member: [user]
    define viewer: [user] or owner
`;

describe('fga CLI: locating engine validation errors in the DSL', () => {
  const sources = [{ path: 'model.fga', text: dsl }];

  it('points at the define of a named relation inside the named type', () => {
    expect(locateInDsl("the relation 'member' in type 'doc' is invalid", sources)).to.deep.equal({ path: 'model.fga', line: 9 });
  });

  it('points at the define that uses an undefined relation', () => {
    expect(locateInDsl("'doc#owner' relation is undefined", sources)).to.deep.equal({ path: 'model.fga', line: 10 });
  });

  it('falls back to the type line, and to nothing when no name is quoted', () => {
    expect(locateInDsl("type 'group' is odd", sources)).to.deep.equal({ path: 'model.fga', line: 4 });
    expect(locateInDsl('the model is too large', sources)).to.equal(undefined);
  });
});
