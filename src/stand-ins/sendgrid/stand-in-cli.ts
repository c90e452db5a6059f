// `npm run stand-in:sendgrid [-- --port 3025]`: the SendGrid stand-in on its own, for an api and a
// workers process run separately. Prints the variables that point Touchline at it.
import { parseArgs } from 'node:util';
import { defaultDevIssuerStateDir } from '../auth0/dev-issuer-settings.js';
import { startSendGridStandIn } from './sendgrid-stand-in.js';

const { values } = parseArgs({ options: { port: { type: 'string', default: '3025' }, 'api-key': { type: 'string' }, 'webhook-url': { type: 'string' } } });
const standIn = await startSendGridStandIn({
  port: Number(values.port),
  apiKey: values['api-key'] ?? 'SG.stand-in.local-development-key',
  stateDir: defaultDevIssuerStateDir(),
  eventWebhookUrl: values['webhook-url'],
});
process.stdout.write(
  [
    `SendGrid stand-in listening; dev inbox: ${standIn.baseUrl}`,
    'Point Touchline at it with:',
    `  SENDGRID_API_KEY=${standIn.apiKey}`,
    `  SENDGRID_API_BASE_URL=${standIn.baseUrl}`,
    `  SENDGRID_WEBHOOK_PUBLIC_KEY=${standIn.webhookPublicKey}`,
    `Signed events go to: ${values['webhook-url'] ?? '(none: pass --webhook-url http://127.0.0.1:3000/v1/webhooks/sendgrid)'}`,
    '',
  ].join('\n'),
);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void standIn.close().then(() => process.exit(0)));
