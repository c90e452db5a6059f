import { expect } from 'chai';
import { parseEmailJob, TEMPLATES, type EmailJob } from '../../src/email/email-job-data.js';
import { compileTemplate, renderTemplate, TemplateError } from '../../src/email/render/mini-template.js';
import { renderEmail } from '../../src/email/render/render-email.js';
import { eventEmail, joinInvitationEmail } from './support/email-samples.js';

const context = { timeZone: 'Europe/Berlin', preferencesHint: 'Change this in your email preferences.' };

describe('email templates (HTML + text, from files in the repo)', () => {
  it('renders every template with its subject, HTML and text', async () => {
    for (const template of TEMPLATES) {
      const data = template === 'join-invitation' ? joinInvitationEmail() : eventEmail({ template });
      const parsed = parseEmailJob(data);
      expect(parsed.ok, JSON.stringify(parsed)).to.equal(true);
      const email = await renderEmail((parsed as { job: EmailJob }).job, context);
      expect(email.subject, template).to.have.length.greaterThan(5);
      expect(email.html, template).to.contain('<!doctype html>').and.to.contain('FC Riverside');
      expect(email.text, template).to.contain('FC Riverside').and.not.to.contain('{{');
    }
  });

  it("shows times in the recipient's zone, naming it", async () => {
    const job = (parseEmailJob(eventEmail({ vars: { startsAt: '2026-12-12T09:00:00Z', endsAt: '2026-12-12T10:30:00Z' } })) as { job: EmailJob }).job;
    expect((await renderEmail(job, context)).text).to.contain('Saturday 12 December 2026, 10:00–11:30 (CET)');
    expect((await renderEmail(job, { ...context, timeZone: 'Europe/London' })).text).to.contain('Saturday 12 December 2026, 09:00–10:30 (GMT)');
    expect((await renderEmail(job, { ...context, timeZone: 'America/New_York' })).subject).to.contain('Sat 12 Dec, 04:00');
  });

  it('escapes what people typed in the HTML part, not in the text part', async () => {
    const job = (parseEmailJob(eventEmail({ vars: { title: 'Match <script>alert(1)</script> & more' } })) as { job: EmailJob }).job;
    const email = await renderEmail(job, context);
    expect(email.html).to.contain('Match &lt;script&gt;alert(1)&lt;/script&gt; &amp; more').and.not.to.contain('<script>');
    expect(email.text).to.contain('Match <script>alert(1)</script> & more');
  });

  it('adds the unsubscribe link to non-essential notices only', async () => {
    const nonEssential = (parseEmailJob(eventEmail({ template: 'event-reminder', essential: false })) as { job: EmailJob }).job;
    const essential = (parseEmailJob(eventEmail({ template: 'event-cancelled', essential: true })) as { job: EmailJob }).job;
    const withLink = await renderEmail(nonEssential, { ...context, unsubscribeUrl: 'https://touchline.example/v1/email/unsubscribe?token=abc' });
    expect(withLink.text).to.contain('Unsubscribe from notices like this: https://touchline.example/v1/email/unsubscribe?token=abc');
    expect(withLink.html).to.contain('href="https://touchline.example/v1/email/unsubscribe?token=abc"');
    const without = await renderEmail(essential, context);
    expect(without.text).to.contain('This is a service message').and.not.to.contain('Unsubscribe');
  });

  it('lists what changed (the events module names time and location) and names the children', async () => {
    const vars = { changes: ['time', 'location', 'Bring a packed lunch'], location: 'Riverside Park, pitch 3', startsAt: '2026-12-12T09:00:00Z', endsAt: '2026-12-12T10:30:00Z', memberFirstNames: ['Mia', 'Leo', 'Sam'] };
    const job = (parseEmailJob(eventEmail({ template: 'event-changed', vars })) as { job: EmailJob }).job;
    const email = await renderEmail(job, context);
    expect(email.text).to.contain('- New time: Saturday 12 December 2026, 10:00–11:30 (CET)\n- New place: Riverside Park, pitch 3\n- Bring a packed lunch');
    expect(email.text).to.contain('Mia, Leo and Sam');
    expect(email.html).to.contain('<li>New place: Riverside Park, pitch 3</li>');
  });

  it('speaks of one child or several', async () => {
    const render = async (template: string, memberFirstNames: string[]) => (await renderEmail((parseEmailJob(eventEmail({ template, vars: { memberFirstNames } })) as { job: EmailJob }).job, context)).text;
    expect(await render('event-invitation', ['Mia'])).to.contain('U10 has a new match and Mia is invited.');
    expect(await render('event-invitation', ['Mia', 'Leo'])).to.contain('U10 has a new match and Mia and Leo are invited.');
    expect(await render('event-cancelled', ['Mia', 'Leo'])).to.contain('Mia and Leo do not need to come.');
  });

  it('refuses unknown templates and malformed data (the job fails for good)', () => {
    expect(parseEmailJob({ ...eventEmail(), template: 'event-party' })).to.deep.equal({ ok: false, problem: "unknown email template 'event-party'" });
    const missing = parseEmailJob(eventEmail({ vars: { startsAt: 'next tuesday' } }));
    expect(missing.ok).to.equal(false);
    expect((missing as { problem: string }).problem).to.contain('vars.startsAt');
  });

  it('a template naming something its view lacks is an error, not an empty string', () => {
    expect(() => renderTemplate(compileTemplate('Hi {{nmae}}', 't'), { name: 'x' }, 'text', 't')).to.throw(TemplateError, "the view has no 'nmae'");
    expect(() => compileTemplate('{{#a}}x', 't')).to.throw(TemplateError, 'never closed');
  });
});
