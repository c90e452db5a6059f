// Pure parts of the events module: wall-clock recurrence, club-time parsing and email job ids.
import { expect } from 'chai';
import { reminderEmail, reminderJobId } from '../../../src/modules/events/event-emails.js';
import { parseEventTime, toLocalIso } from '../../../src/modules/events/local-time.js';
import { expandWeekly } from '../../../src/modules/events/recurrence.js';

const weekly = (r: Record<string, unknown>) => ({ frequency: 'weekly' as const, interval: 1, ...r });

describe('events: recurrence and local time', () => {
  it('reads times without offset as club wall-clock time, with offset as exact instants', () => {
    expect(parseEventTime('2027-07-01T18:00', 'Europe/Berlin').toISOString()).to.equal('2027-07-01T16:00:00.000Z');
    expect(parseEventTime('2027-07-01T18:00:00-04:00', 'Europe/Berlin').toISOString()).to.equal('2027-07-01T22:00:00.000Z');
    expect(toLocalIso(new Date('2027-01-01T17:00:00Z'), 'America/New_York')).to.equal('2027-01-01T12:00:00-05:00');
  });

  it('keeps 18:00 at 18:00 local across the end of daylight saving time (US)', () => {
    const first = parseEventTime('2027-10-26T18:00', 'America/New_York');
    const { starts, rrule } = expandWeekly(first, 'America/New_York', weekly({ count: 3 }));
    expect(starts.map((d) => toLocalIso(d, 'America/New_York'))).to.deep.equal(['2027-10-26T18:00:00-04:00', '2027-11-02T18:00:00-04:00', '2027-11-09T18:00:00-05:00']);
    expect(rrule).to.equal('DTSTART;TZID=America/New_York:20271026T180000\nRRULE:FREQ=WEEKLY;INTERVAL=1;BYDAY=TU;COUNT=3');
  });

  it('honours interval, weekdays and an inclusive until date', () => {
    const first = parseEventTime('2027-01-04T17:00', 'Europe/Berlin'); // a Monday
    const { starts } = expandWeekly(first, 'Europe/Berlin', weekly({ interval: 2, byWeekday: ['MO', 'FR'], until: '2027-01-18' }));
    expect(starts.map((d) => toLocalIso(d, 'Europe/Berlin').slice(0, 10))).to.deep.equal(['2027-01-04', '2027-01-08', '2027-01-18']);
  });

  it('refuses rules that run past the horizon or skip the first day', () => {
    const first = parseEventTime('2027-01-04T17:00', 'Europe/Berlin');
    expect(() => expandWeekly(first, 'Europe/Berlin', weekly({ until: '2028-02-01' }))).to.throw(/366 days/);
    expect(() => expandWeekly(first, 'Europe/Berlin', weekly({ byWeekday: ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'], count: 104, until: '2027-12-31' }))).not.to.throw();
    expect(() => expandWeekly(first, 'Europe/Berlin', weekly({ byWeekday: ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'], until: '2027-12-31' }))).to.throw(/at most 104/);
    expect(() => expandWeekly(first, 'Europe/Berlin', weekly({ byWeekday: ['TU'], count: 3 }))).to.throw(/weekday of 'startsAt' \(MO\)/);
  });

  it('schedules a reminder 24 h ahead, none when that moment has passed', () => {
    const event = { id: 'E1', type: 'match', title: 'Cup', startsAt: new Date('2027-03-10T10:00:00Z'), endsAt: new Date('2027-03-10T12:00:00Z'), version: 3 };
    const ctx = { clubId: 'C1', clubName: 'FC', clubTimezone: 'Europe/Berlin', groupName: 'U10' };
    const to = { userId: 'U1', email: 'p@example.test', name: 'P', memberFirstNames: ['Ana'] };
    const job = reminderEmail(event, ctx, to, new Date('2027-03-08T10:00:00Z'))!;
    expect(job.jobId).to.equal('event:E1:reminder:2027-03-10T10:00:00.000Z:v3:U1').and.equal(reminderJobId(event, 'U1'));
    expect(job.delayMs).to.equal(24 * 3600_000);
    expect(job.data).to.deep.include({ template: 'event-reminder', essential: false, clubId: 'C1' });
    expect(reminderEmail(event, ctx, to, new Date('2027-03-09T11:00:00Z'))).to.equal(undefined);
  });
});
