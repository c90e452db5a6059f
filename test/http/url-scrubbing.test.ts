import { expect } from 'chai';
import { scrubUrl } from '../../src/observability/redaction.js';

describe('request URLs in logs', () => {
  it('mask calendar-feed keys, signed-link signatures and tokens in the query', () => {
    expect(scrubUrl('/v1/me/calendar.ics?key=feedsecret')).not.to.include('feedsecret');
    expect(scrubUrl('/v1/email/unsubscribe?u=1&sig=abc')).not.to.include('abc');
    expect(scrubUrl('/x?access_token=t0k')).not.to.include('t0k');
  });

  it('mask the invitation token in accept links', () => {
    expect(scrubUrl('/v1/invitations/inv-secret-token/accept')).to.equal('/v1/invitations/[REDACTED]/accept');
  });

  it('leave ordinary paths and filters readable', () => {
    expect(scrubUrl('/v1/groups/01ABC/events?from=2026-01-01&to=2026-02-01')).to.equal('/v1/groups/01ABC/events?from=2026-01-01&to=2026-02-01');
    expect(scrubUrl('/v1/invitations/01ABC')).to.equal('/v1/invitations/01ABC');
  });
});
