import { expect } from 'chai';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSendGridSender } from '../../../src/email/sendgrid/mail-sender.js';
import { classifySendFailure } from '../../../src/email/sendgrid/send-failure.js';
import { parseWebhookPublicKey, verifyEventSignature } from '../../../src/email/webhook/verify-event-signature.js';
import { startSendGridStandIn, type SendGridStandIn } from '../../../src/stand-ins/sendgrid/sendgrid-stand-in.js';

const from = { email: 'no-reply@touchline.test', name: 'Touchline' };
const valid = { personalizations: [{ to: [{ email: 'anna@example.test' }] }], from, subject: 'Hi', content: [{ type: 'text/plain', value: 'Hello' }] };

describe('SendGrid stand-in (v3 Mail Send over HTTP)', () => {
  let standIn: SendGridStandIn;
  const post = (body: unknown, key = standIn.apiKey) =>
    fetch(`${standIn.baseUrl}v3/mail/send`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });

  beforeEach(async () => {
    standIn = await startSendGridStandIn();
  });
  afterEach(async () => standIn.close());

  it('accepts a message from @sendgrid/mail: 202, empty body, X-Message-Id; keeps it for the inbox', async () => {
    const sender = createSendGridSender({ apiKey: standIn.apiKey, apiBaseUrl: standIn.baseUrl, timeoutMs: 2000, from });
    const { messageId } = await sender.send({ to: { email: 'anna@example.test', name: 'Anna' }, subject: 'Practice', text: 'plain', html: '<p>html</p>', customArgs: { touchline_job_id: 'j1' }, headers: { 'List-Unsubscribe': '<https://x/u>' } });
    expect(messageId).to.match(/^[A-Za-z0-9_-]{22}$/);
    const [message] = standIn.messages();
    expect(message).to.deep.include({ messageId, subject: 'Practice', text: 'plain', html: '<p>html</p>', from, customArgs: { touchline_job_id: 'j1' }, headers: { 'List-Unsubscribe': '<https://x/u>' } });
    expect(message.to).to.deep.equal([{ email: 'anna@example.test', name: 'Anna' }]);

    const raw = await post(valid);
    expect(raw.status).to.equal(202);
    expect(await raw.text()).to.equal('');
    expect(raw.headers.get('x-message-id')).to.be.a('string');
  });

  it('answers 401 with SendGrid-shaped errors for a wrong key', async () => {
    const res = await post(valid, 'SG.wrong');
    expect(res.status).to.equal(401);
    expect(await res.json()).to.deep.equal({ errors: [{ message: 'The provided authorization grant is invalid, expired, or revoked', field: null, help: null }] });
    expect(standIn.messages()).to.have.length(0);
  });

  it('answers 400 naming each missing or wrong field', async () => {
    const fields = async (body: unknown) => {
      const res = await post(body);
      expect(res.status).to.equal(400);
      return ((await res.json()) as { errors: Array<{ field: string | null; message: string; help: string | null }> }).errors.map((e) => e.field);
    };
    expect(await fields({})).to.deep.equal(['personalizations', 'from.email', 'subject', 'content']);
    expect(await fields({ ...valid, personalizations: [{ to: [] }] })).to.deep.equal(['personalizations.0.to']);
    expect(await fields({ ...valid, personalizations: [{ to: [{ email: 'not-an-address' }] }] })).to.deep.equal(['personalizations.0.to.0.email']);
    expect(await fields({ ...valid, content: [{ type: 'text/html', value: '<p>x</p>' }, { type: 'text/plain', value: 'x' }] })).to.deep.equal(['content']);
    expect(await fields({ ...valid, content: [{ type: 'text/plain', value: '' }] })).to.deep.equal(['content.0.value']);
    expect(await fields('{not json')).to.deep.equal([null]);
    // A template stands in for subject and content.
    expect((await post({ personalizations: valid.personalizations, from, template_id: 'd-123' })).status).to.equal(202);
  });

  it('fails on command: 5xx for the next N requests, then accepts again', async () => {
    standIn.fail({ kind: 'error', status: 503 }, 2);
    expect((await post(valid)).status).to.equal(503);
    const second = await post(valid);
    expect(second.status).to.equal(503);
    expect(await second.json()).to.have.property('errors');
    expect((await post(valid)).status).to.equal(202);
    expect(standIn.messages()).to.have.length(1);
  });

  it('hangs until reset, so clients time out; the control endpoints do the same over HTTP', async () => {
    const control = await fetch(`${standIn.baseUrl}control/failures`, { method: 'POST', body: JSON.stringify({ mode: 'hang' }) });
    expect(control.status).to.equal(200);
    const sender = createSendGridSender({ apiKey: standIn.apiKey, apiBaseUrl: standIn.baseUrl, timeoutMs: 200, from });
    const failure = await sender.send({ to: { email: 'anna@example.test' }, subject: 's', text: 't', html: 'h' }).catch((e) => e);
    expect(classifySendFailure(failure).kind).to.equal('unknown');
    await fetch(`${standIn.baseUrl}control/failures`, { method: 'DELETE' });
    expect((await post(valid)).status).to.equal(202);
    expect(standIn.messages()).to.have.length(1);
  });

  it('classifies SendGrid answers: 400 invalid, 401/5xx refused (nothing accepted)', async () => {
    const sender = (key: string) => createSendGridSender({ apiKey: key, apiBaseUrl: standIn.baseUrl, timeoutMs: 2000, from });
    expect(classifySendFailure(await sender('SG.wrong').send({ to: { email: 'a@example.test' }, subject: 's', text: 't', html: 'h' }).catch((e) => e))).to.deep.include({ kind: 'refused', status: 401 });
    expect(classifySendFailure(await sender(standIn.apiKey).send({ to: { email: 'nope' }, subject: 's', text: 't', html: 'h' }).catch((e) => e))).to.deep.include({ kind: 'invalid', status: 400 });
    standIn.fail({ kind: 'error', status: 500 }, 1);
    expect(classifySendFailure(await sender(standIn.apiKey).send({ to: { email: 'a@example.test' }, subject: 's', text: 't', html: 'h' }).catch((e) => e))).to.deep.include({ kind: 'refused', status: 500 });
  });

  it('lists, shows and clears what it received (JSON and the dev inbox page)', async () => {
    await post({ ...valid, subject: 'Match <b>day</b>' });
    const list = await (await fetch(`${standIn.baseUrl}messages`)).json();
    expect(list).to.have.length(1);
    const page = await (await fetch(standIn.baseUrl)).text();
    expect(page).to.contain('Dev inbox').and.to.contain('Match &lt;b&gt;day&lt;/b&gt;');
    expect((await fetch(`${standIn.baseUrl}messages`, { method: 'DELETE' })).status).to.equal(204);
    expect(standIn.messages()).to.deep.equal([]);
  });

  it('posts signed Event Webhook events that verify with its public key (processed, delivered; bounce for +bounce)', async () => {
    const received: Array<{ headers: Record<string, string | string[] | undefined>; body: string }> = [];
    const sink: Server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        received.push({ headers: req.headers, body });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', resolve));
    try {
      standIn.setEventWebhookUrl(`http://127.0.0.1:${(sink.address() as AddressInfo).port}/hook`);
      await post({ ...valid, personalizations: [{ to: [{ email: 'ok@example.test' }, { email: 'gone+bounce@example.test' }] }], custom_args: { touchline_job_id: 'job-7' } });
      for (let i = 0; i < 50 && received.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
      const [post1] = received;
      const key = parseWebhookPublicKey(standIn.webhookPublicKey);
      const signature = String(post1.headers['x-twilio-email-event-webhook-signature']);
      const timestamp = String(post1.headers['x-twilio-email-event-webhook-timestamp']);
      expect(verifyEventSignature(key, Buffer.from(post1.body), signature, timestamp)).to.equal(true);
      expect(verifyEventSignature(key, Buffer.from(post1.body + ' '), signature, timestamp)).to.equal(false);
      const events = JSON.parse(post1.body) as Array<Record<string, string>>;
      expect(events.map((e) => `${e.email}:${e.event}`)).to.deep.equal(['ok@example.test:processed', 'ok@example.test:delivered', 'gone+bounce@example.test:processed', 'gone+bounce@example.test:bounce']);
      expect(events.every((e) => e.touchline_job_id === 'job-7' && e.sg_message_id.startsWith(standIn.messages()[0].messageId))).to.equal(true);
    } finally {
      await new Promise((resolve) => sink.close(resolve));
    }
  });
});
