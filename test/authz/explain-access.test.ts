// "Why can U see X?" on a model with every rewrite kind, against the real engine over HTTP: the paths
// come from Expand trees, so usersets, wildcards, recursion, intersection and exclusion are explained.
import { expect } from 'chai';
import { transformer } from '@openfga/syntax-transformer';
import type { OpenFgaClient } from '@openfga/sdk';
import { explainAccess, formatPath, type UsersetTreeNode } from '../../src/authz/explain-access.js';
import { startLocalEngine, type LocalEngine } from '../../src/tools/fga-cli/store-test/local-engine.js';

const MODEL = `model
  schema 1.1
type user
type team
  relations
    define member: [user, team#member]
type folder
  relations
    define viewer: [user, user:*, team#member]
    define parent: [folder]
    define can_read: viewer or can_read from parent
type doc
  relations
    define folder: [folder]
    define blocked: [user]
    define owner: [user]
    define approved: [user]
    define can_view: can_read from folder but not blocked
    define can_sign: owner and approved`;

describe('explainAccess (paths from Expand)', function () {
  this.timeout(30_000);
  let engine: LocalEngine;
  let client: OpenFgaClient;

  before(async () => {
    engine = await startLocalEngine();
    const { id: storeId } = await engine.client.createStore({ name: 'explain' });
    const { authorization_model_id: modelId } = await engine.client.writeAuthorizationModel(transformer.transformDSLToJSONObject(MODEL) as never, { storeId });
    client = engine.clientFor(storeId, modelId);
    const t = (user: string, relation: string, object: string) => ({ user, relation, object });
    await client.write({
      writes: [
        t('user:ann', 'member', 'team:core'),
        t('team:core#member', 'member', 'team:all'), // nested team
        t('team:all#member', 'viewer', 'folder:root'),
        t('user:bob', 'viewer', 'folder:sub'),
        t('folder:root', 'parent', 'folder:sub'),
        t('folder:sub', 'parent', 'folder:root'), // a cycle: must not loop
        t('folder:sub', 'folder', 'doc:d1'),
        t('user:bob', 'blocked', 'doc:d1'),
        t('user:*', 'viewer', 'folder:public'),
        t('folder:public', 'folder', 'doc:pub'),
        t('user:cat', 'owner', 'doc:d1'),
        t('user:cat', 'approved', 'doc:d1'),
        t('user:dan', 'owner', 'doc:d1'),
      ],
    });
  });
  after(async () => engine?.close());

  const explain = (object: string, relation: string) => explainAccess(async (o, r) => (await client.expand({ object: o, relation: r })).tree!.root as UsersetTreeNode, object, relation);
  const lines = (paths: Map<string, string[][]>, user: string) => (paths.get(user) ?? []).map(formatPath);

  it('follows nested usersets and parents, and stops at cycles', async () => {
    const paths = await explain('folder:sub', 'can_read');
    expect(lines(paths, 'user:bob')).to.deep.equal(['viewer of folder:sub']);
    expect(lines(paths, 'user:ann')).to.deep.equal(['member of team:core → member of team:all → viewer of folder:root → can_read of folder:root → parent of folder:sub']);
  });

  it('leaves out users an exclusion removes, and keeps the rest', async () => {
    const paths = await explain('doc:d1', 'can_view');
    expect(paths.has('user:bob')).to.equal(false);
    expect(lines(paths, 'user:ann')[0]).to.match(/^member of team:core → .* → folder of doc:d1$/);
  });

  it('names both branches of an intersection, and only users in both', async () => {
    const paths = await explain('doc:d1', 'can_sign');
    expect(lines(paths, 'user:cat')).to.deep.equal(['(owner of doc:d1 and approved of doc:d1)']);
    expect(paths.has('user:dan')).to.equal(false);
  });

  it('explains a public grant through the wildcard', async () => {
    const paths = await explain('doc:pub', 'can_view');
    expect(lines(paths, 'user:*')).to.deep.equal(['viewer of folder:public → can_read of folder:public → folder of doc:pub']);
  });
});
