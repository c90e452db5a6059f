import { expect } from 'chai';
import { quietHoursEndAfter, toMinute } from '../../src/email/delivery/quiet-hours.js';

const quiet = (start: string, end: string) => ({ startMinute: toMinute(start), endMinute: toMinute(end) });
const at = (iso: string) => new Date(iso);

describe('club quiet hours', () => {
  it('a window across midnight: late evening waits until the next morning, in the club zone', () => {
    // 22:30 in Berlin (CET, UTC+1) on 1 December.
    expect(quietHoursEndAfter(at('2026-12-01T21:30:00Z'), quiet('21:00', '07:00'), 'Europe/Berlin')?.toISOString()).to.equal('2026-12-02T06:00:00.000Z');
    // 05:00 in Berlin: the same night's end, that morning.
    expect(quietHoursEndAfter(at('2026-12-02T04:00:00Z'), quiet('21:00', '07:00'), 'Europe/Berlin')?.toISOString()).to.equal('2026-12-02T06:00:00.000Z');
  });

  it('outside the window (and exactly at its end) nothing waits', () => {
    expect(quietHoursEndAfter(at('2026-12-01T12:00:00Z'), quiet('21:00', '07:00'), 'Europe/Berlin')).to.equal(undefined);
    expect(quietHoursEndAfter(at('2026-12-02T06:00:00Z'), quiet('21:00', '07:00'), 'Europe/Berlin')).to.equal(undefined);
  });

  it('a window within one day', () => {
    expect(quietHoursEndAfter(at('2026-12-01T13:30:00Z'), quiet('13:00', '15:00'), 'UTC')?.toISOString()).to.equal('2026-12-01T15:00:00.000Z');
    expect(quietHoursEndAfter(at('2026-12-01T15:00:00Z'), quiet('13:00', '15:00'), 'UTC')).to.equal(undefined);
  });

  it('ends at local time across a daylight-saving change (Berlin, 29 March 2026)', () => {
    // 23:00 CET on 28 March; clocks go forward at 02:00, so 07:00 CEST is 05:00 UTC.
    expect(quietHoursEndAfter(at('2026-03-28T22:00:00Z'), quiet('21:00', '07:00'), 'Europe/Berlin')?.toISOString()).to.equal('2026-03-29T05:00:00.000Z');
  });
});
