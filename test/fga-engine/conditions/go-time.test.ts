// Go-compatible parsing of duration and RFC 3339 strings used by condition parameters.
import { expect } from 'chai';
import { parseGoDuration, parseRfc3339 } from '../../../src/fga-engine/conditions/go-time.js';

describe('parseGoDuration', () => {
  it('accepts what time.ParseDuration accepts', () => {
    expect(parseGoDuration('0')).to.equal(0n);
    expect(parseGoDuration('1h30m')).to.equal(5_400_000_000_000n);
    expect(parseGoDuration('-1.5s')).to.equal(-1_500_000_000n);
    expect(parseGoDuration('300ms')).to.equal(300_000_000n);
    expect(parseGoDuration('2µs')).to.equal(2_000n);
  });

  it('rejects what Go rejects', () => {
    for (const bad of ['', '1', '1d', 'h', '.s', '1h 30m', '--1s']) expect(parseGoDuration(bad), bad).to.equal(undefined);
  });
});

describe('parseRfc3339', () => {
  it('accepts RFC 3339 timestamps with zone', () => {
    expect(parseRfc3339('2023-10-11T10:00:00Z')?.toISOString()).to.equal('2023-10-11T10:00:00.000Z');
    expect(parseRfc3339('2023-10-11T12:00:00.5+02:00')?.toISOString()).to.equal('2023-10-11T10:00:00.500Z');
  });

  it('rejects dates without zone, out-of-range fields and other formats', () => {
    for (const bad of ['2023-10-11', '2023-10-11T10:00:00', '2023-02-30T00:00:00Z', '2023-10-11T24:00:00Z', 'now']) {
      expect(parseRfc3339(bad), bad).to.equal(undefined);
    }
  });
});
