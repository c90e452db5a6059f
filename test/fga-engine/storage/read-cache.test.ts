// The read cache's bookkeeping: a change removes exactly the reads it could alter, the least recently
// used read goes first when full, and a store's reads can be dropped without touching another's.
import { expect } from 'chai';
import { objectKey, ReadCache, userKey } from '../../../src/fga-engine/storage/postgres/read-cache.js';

describe('engine read cache', () => {
  const change = (objectType: string, objectId: string, relation: string, user: string, store = 's1') => ({ store, objectType, objectId, relation, user });

  it('drops the reads on the changed object#relation and those starting with the changed user, nothing else', () => {
    const cache = new ReadCache(100);
    cache.set('exact', { user: 'user:anne' }, [objectKey('s1', 'doc:1', 'viewer')]);
    cache.set('userset', [], [objectKey('s1', 'doc:1', 'viewer')]);
    cache.set('other relation', [], [objectKey('s1', 'doc:1', 'editor')]);
    cache.set('other object', [], [objectKey('s1', 'doc:2', 'viewer')]);
    cache.set('anne reverse', [], [userKey('s1', 'doc', 'viewer', 'user:anne'), userKey('s1', 'doc', 'viewer', 'user:*')]);
    cache.set('bob reverse', [], [userKey('s1', 'doc', 'viewer', 'user:bob')]);
    cache.set('other store', [], [objectKey('s2', 'doc:1', 'viewer')]);

    cache.invalidate(change('doc', '1', 'viewer', 'user:anne'));
    for (const gone of ['exact', 'userset', 'anne reverse']) expect(cache.get(gone), gone).to.equal(undefined);
    for (const kept of ['other relation', 'other object', 'bob reverse', 'other store']) expect(cache.get(kept), kept).to.not.equal(undefined);

    // A wildcard tuple reaches the reverse reads that asked for `user:*`.
    cache.set('anne reverse', [], [userKey('s1', 'doc', 'viewer', 'user:anne'), userKey('s1', 'doc', 'viewer', 'user:*')]);
    cache.invalidate(change('doc', '9', 'viewer', 'user:*'));
    expect(cache.get('anne reverse')).to.equal(undefined);
    expect(cache.get('bob reverse')).to.not.equal(undefined);
  });

  it('keeps "no such tuple" as an answer', () => {
    const cache = new ReadCache(10);
    cache.set('missing', undefined, [objectKey('s1', 'doc:1', 'viewer')]);
    expect(cache.get('missing')).to.deep.equal({ value: undefined, dependsOn: [objectKey('s1', 'doc:1', 'viewer')] });
  });

  it('evicts the least recently used read when full, and forgets its change keys', () => {
    const cache = new ReadCache(2);
    cache.set('a', 1, [objectKey('s1', 'doc:a', 'viewer')]);
    cache.set('b', 2, [objectKey('s1', 'doc:b', 'viewer')]);
    cache.get('a'); // a is now more recent than b
    cache.set('c', 3, [objectKey('s1', 'doc:c', 'viewer')]);
    expect(cache.size).to.equal(2);
    expect(cache.get('b')).to.equal(undefined);
    expect(cache.get('a')?.value).to.equal(1);
    expect(cache.get('c')?.value).to.equal(3);
    cache.invalidate(change('doc', 'b', 'viewer', 'user:x')); // nothing left to drop
    expect(cache.size).to.equal(2);
  });

  it('drops one store and keeps the others', () => {
    const cache = new ReadCache(10);
    cache.set('s1 read', [], [objectKey('s1', 'doc:1', 'viewer')]);
    cache.set('s1 reverse', [], [userKey('s1', 'doc', 'viewer', 'user:anne')]);
    cache.set('s10 read', [], [objectKey('s10', 'doc:1', 'viewer')]);
    cache.clearStore('s1');
    expect(cache.get('s1 read')).to.equal(undefined);
    expect(cache.get('s1 reverse')).to.equal(undefined);
    expect(cache.get('s10 read')).to.not.equal(undefined);
  });

  it('caches nothing when sized 0', () => {
    const cache = new ReadCache(0);
    cache.set('a', 1, []);
    expect(cache.size).to.equal(0);
  });
});
