// Expand: one level of the userset tree in OpenFGA's JSON shape.
import { expect } from 'chai';
import { expand } from '../../../src/fga-engine/resolve/index.js';
import { errorCodeOf, fixture, tk } from './support/engine-fixture.js';

describe('expand', () => {
  it('returns leaves for direct users, computed usersets and tuple-to-usersets under set nodes', async () => {
    const { ctx } = await fixture(`model
  schema 1.1
type user
type folder
  relations
    define viewer: [user]
type document
  relations
    define parent: [folder]
    define owner: [user]
    define blocked: [user]
    define viewer: ([user] or owner or viewer from parent) but not blocked`, [
      tk('user:anne viewer document:1'), tk('folder:x parent document:1'), tk('user:bob blocked document:1'),
    ]);
    const { tree } = await expand(ctx(), { object: 'document:1', relation: 'viewer' });
    expect(tree).to.deep.equal({
      root: {
        name: 'document:1#viewer',
        difference: {
          base: {
            name: 'document:1#viewer',
            union: {
              nodes: [
                { name: 'document:1#viewer', leaf: { users: { users: ['user:anne'] } } },
                { name: 'document:1#viewer', leaf: { computed: { userset: 'document:1#owner' } } },
                { name: 'document:1#viewer', leaf: { tupleToUserset: { tupleset: 'document:1#parent', computed: [{ userset: 'folder:x#viewer' }] } } },
              ],
            },
          },
          subtract: { name: 'document:1#viewer', leaf: { computed: { userset: 'document:1#blocked' } } },
        },
      },
    });
  });

  it('rejects an unknown relation', async () => {
    const { ctx } = await fixture('model\n  schema 1.1\ntype user\ntype document\n  relations\n    define viewer: [user]');
    expect(await errorCodeOf(() => expand(ctx(), { object: 'document:1', relation: 'owner' }))).to.equal('validation_error');
  });
});
