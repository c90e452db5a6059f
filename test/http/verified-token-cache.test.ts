import { expect } from 'chai';
import { bearerTokenOf, VerifiedTokenCache } from '../../src/http/verified-token-cache.js';

describe('verified-token cache', () => {
  let now = 1_800_000_000_000;
  const clock = () => now;

  it('recalls a verified token until it expires, and not a moment after', () => {
    const cache = new VerifiedTokenCache(clock);
    cache.set('t1', { sub: 'a', exp: now / 1000 + 60 }, { alg: 'RS256' });
    expect(cache.get('t1')?.payload.sub).to.equal('a');
    now += 59_999;
    expect(cache.get('t1')).to.not.equal(undefined);
    now += 1;
    expect(cache.get('t1')).to.equal(undefined);
  });

  it('keeps nothing longer than five minutes, nor a token without exp or already expired', () => {
    const cache = new VerifiedTokenCache(clock);
    cache.set('long', { sub: 'a', exp: now / 1000 + 3600 }, {});
    cache.set('no-exp', { sub: 'b' }, {});
    cache.set('expired', { sub: 'c', exp: now / 1000 - 1 }, {});
    expect(cache.get('no-exp')).to.equal(undefined);
    expect(cache.get('expired')).to.equal(undefined);
    now += 5 * 60_000;
    expect(cache.get('long')).to.equal(undefined);
  });

  it('only takes tokens from a well-formed Bearer header', () => {
    expect(bearerTokenOf('Bearer abc.def.ghi')).to.equal('abc.def.ghi');
    expect(bearerTokenOf('bearer abc.def.ghi')).to.equal('abc.def.ghi');
    expect(bearerTokenOf('Basic abc')).to.equal(undefined);
    expect(bearerTokenOf('Bearer abc def')).to.equal(undefined);
    expect(bearerTokenOf(undefined)).to.equal(undefined);
  });
});
