// SendGrid's signed Event Webhook at POST /v1/webhooks/sendgrid, signed by the stand-in's key.
import { expect } from 'chai';
import { generateKeyPairSync, sign } from 'node:crypto';
import express from 'express';
import { errorHandler } from '../../src/http/errors.js';
import { sendgridWebhookRouter } from '../../src/email/webhook/sendgrid-webhook-router.js';
import { createLogger } from '../../src/observability/logger.js';
import { listen } from '../../src/server-runtime/http-server.js';
import { eventEmail } from './support/email-samples.js';
import { startEmailTestApp, waitFor, type EmailTestApp } from './support/email-test-app.js';

describe('SendGrid Event Webhook (signed)', function () {
  this.timeout(20_000);
  let t: EmailTestApp;
  const hook = () => `${t.app.url}/v1/webhooks/sendgrid`;
  const postSigned = (payload: string, headers = t.standIn.signEvents(payload)) => fetch(hook(), { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: payload });
  const flags = async (address: string) => (await t.app.orm.em.fork().execute(`select undeliverable_reason from email_address_flags where address = ?`, [address]))[0];

  before(async () => {
    t = await startEmailTestApp();
  });
  after(async () => t?.close());

  it('accepts a batch with a valid signature (204)', async () => {
    const res = await postSigned(JSON.stringify([{ email: 'someone@example.test', event: 'delivered', timestamp: 1, sg_event_id: 'e1' }]));
    expect(res.status).to.equal(204);
  });

  it('refuses a missing, wrong or replayed-onto-other-bytes signature (401)', async () => {
    const payload = JSON.stringify([{ email: 'victim@example.test', event: 'bounce', type: 'bounce' }]);
    const missing = await fetch(hook(), { method: 'POST', headers: { 'content-type': 'application/json' }, body: payload });
    expect(missing.status).to.equal(401);
    expect((await missing.json()).error.code).to.equal('invalid_webhook_signature');

    const valid = t.standIn.signEvents(payload);
    expect((await postSigned(payload.replace('victim', 'victin'), valid)).status).to.equal(401);
    expect((await postSigned(payload, { ...valid, 'X-Twilio-Email-Event-Webhook-Timestamp': String(Number(valid['X-Twilio-Email-Event-Webhook-Timestamp']) + 1) })).status).to.equal(401);
    expect((await postSigned(payload, { ...valid, 'X-Twilio-Email-Event-Webhook-Signature': 'bm90IGEgc2lnbmF0dXJl' })).status).to.equal(401);

    const otherKey = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey;
    const timestamp = String(Math.floor(Date.now() / 1000));
    const forged = sign('sha256', Buffer.from(timestamp + payload), otherKey).toString('base64');
    expect((await postSigned(payload, { 'X-Twilio-Email-Event-Webhook-Signature': forged, 'X-Twilio-Email-Event-Webhook-Timestamp': timestamp })).status).to.equal(401);
    expect(await flags('victim@example.test')).to.equal(undefined);
  });

  it('answers 400 to a signed body that is not a batch of events', async () => {
    expect((await postSigned('{not json')).status).to.equal(400);
    const notArray = await postSigned(JSON.stringify({ email: 'x@example.test', event: 'bounce' }));
    expect(notArray.status).to.equal(400);
    expect((await notArray.json()).error.code).to.equal('invalid_webhook_events');
  });

  it('a hard bounce marks the address undeliverable; a soft one (blocked) does not', async () => {
    const events = [
      { email: 'Hard.Bounce@Example.test', event: 'bounce', type: 'bounce', reason: '550 5.1.1 no such user' },
      { email: 'soft@example.test', event: 'bounce', type: 'blocked', reason: '421 try later' },
      { email: 'dropped@example.test', event: 'dropped', reason: 'Bounced Address' },
      { email: 'spam@example.test', event: 'dropped', reason: 'Spam Reporting Address' },
    ];
    expect((await postSigned(JSON.stringify(events))).status).to.equal(204);
    expect(await flags('hard.bounce@example.test')).to.deep.equal({ undeliverable_reason: 'bounce' });
    expect(await flags('dropped@example.test')).to.deep.equal({ undeliverable_reason: 'dropped: bounced address' });
    expect(await flags('soft@example.test')).to.equal(undefined);
    expect(await flags('spam@example.test')).to.equal(undefined);
  });

  it('end to end: a message that bounces in the stand-in flags the address, and the next email to it is skipped', async () => {
    const to = 'kid.parent+bounce@example.test';
    await t.enqueue('bounce:1', eventEmail({ to: { email: to } }));
    await waitFor('the bounce event', async () => (await flags(to))?.undeliverable_reason === 'bounce');
    await t.enqueue('bounce:2', eventEmail({ to: { email: to }, template: 'event-cancelled' }));
    await waitFor('the skip', async () => (await t.delivery('bounce:2'))?.status === 'skipped');
    expect(await t.delivery('bounce:2')).to.deep.include({ skip_reason: 'undeliverable-address' });
    expect(t.inboxFor(to)).to.have.length(1);
  });

  it('without a configured public key the webhook answers 503 and changes nothing', async () => {
    const app = express();
    app.use(sendgridWebhookRouter({ uow: t.app.touchline.deps.uow, publicKey: undefined, logger: createLogger('silent') }));
    app.use(errorHandler);
    const { server, port } = await listen(app, 0, '127.0.0.1');
    try {
      const res = await fetch(`http://127.0.0.1:${port}/v1/webhooks/sendgrid`, { method: 'POST', body: '[]' });
      expect(res.status).to.equal(503);
      expect((await res.json()).error.code).to.equal('webhook_not_configured');
    } finally {
      server.close();
    }
  });
});
