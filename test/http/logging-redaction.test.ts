import { expect } from 'chai';
import { Router } from 'express';
import { createHttpApp } from '../../src/http/app.js';
import { capturingLogger, serve } from './support/serve.js';

// Values that must never appear in a log line, whatever the shape they are logged in.
const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl';
const EMAIL = 'parent.of.mia@example.com';
const DOB = '2016-03-14';
const MEDICAL = 'Severe peanut allergy; EpiPen in bag';
const CONTACT_PHONE = '+49 151 1234567';

function expectNoSecrets(text: string) {
  for (const secret of [TOKEN, EMAIL, DOB, MEDICAL, CONTACT_PHONE, 'hunter2']) expect(text, `log contains ${secret}`).not.to.contain(secret);
}

describe('log redaction', () => {
  it('censors tokens, cookies and personal data at any depth, in any key spelling', () => {
    const { logger, text, lines } = capturingLogger();
    logger.info({ headers: { authorization: `Bearer ${TOKEN}`, cookie: 'sid=hunter2' } }, 'headers');
    logger.info({ member: { firstName: 'Mia', dateOfBirth: DOB, medicalNotes: MEDICAL, emergencyContacts: [{ name: 'Dad', phone: CONTACT_PHONE }] } }, 'member');
    logger.info({ deep: { a: { b: { c: { d: { e: { guardian: { email: EMAIL, date_of_birth: DOB, MedicalNotes: MEDICAL } } } } } } } }, 'deep');
    logger.info({ list: [{ accessToken: TOKEN }, { password: 'hunter2' }] }, 'list');
    logger.child({ caller: { email: EMAIL } }).info({ token: TOKEN }, 'child bindings');
    logger.info(`invited ${EMAIL} to the group`);
    expectNoSecrets(text());
    expect(lines).to.have.length(6);
    const member = JSON.parse(lines[1]).member;
    expect(member.firstName).to.equal('Mia');
    expect(member.medicalNotes).to.equal('[REDACTED]');
    expect(JSON.parse(lines[5]).msg).to.equal('invited [email] to the group');
  });

  it('masks the values a database error quotes', () => {
    const { logger, text } = capturingLogger();
    const error = Object.assign(
      new Error(`insert into "youth_members" ("first_name", "date_of_birth", "medical_notes") values ('Mia', '${DOB}', '${MEDICAL}') - duplicate key value`),
      { detail: `Key (email)=(${EMAIL}) already exists.`, parameters: ['Mia', DOB, MEDICAL] },
    );
    logger.error({ err: error }, 'command failed');
    expectNoSecrets(text());
    expect(text()).to.contain('duplicate key value');
  });

  it('writes request logs with the request id but no credentials or bodies', async () => {
    const { logger, text, lines } = capturingLogger();
    const router = Router();
    router.post('/v1/members', (req, res) => {
      req.log.info({ body: req.body }, 'creating member');
      res.status(201).json({ id: 'M1' });
    });
    router.get('/v1/explode', () => {
      throw new Error(`update "users" set "email" = '${EMAIL}' where "id" = 'U1' - connection lost`);
    });
    const app = createHttpApp({
      config: { corsOrigins: [], bodyLimit: '100kb' },
      routers: [router],
      authenticate: (req, _res, next) => {
        req.caller = { userId: 'U1', sub: 'auth0|x', email: EMAIL, name: 'X' };
        next();
      },
      readinessProbes: {},
      logger,
    });
    const served = await serve(app);
    try {
      const headers = { authorization: `Bearer ${TOKEN}`, cookie: 'sid=hunter2', 'content-type': 'application/json', 'x-request-id': 'req-1' };
      const body = JSON.stringify({ firstName: 'Mia', dateOfBirth: DOB, medicalNotes: MEDICAL, emergencyContacts: [{ phone: CONTACT_PHONE }] });
      expect((await fetch(`${served.url}/v1/members?access_token=${TOKEN}`, { method: 'POST', headers, body })).status).to.equal(201);
      expect((await fetch(`${served.url}/v1/explode`, { headers })).status).to.equal(500);
    } finally {
      await served.close();
    }
    expectNoSecrets(text());
    const parsed = lines.map((line) => JSON.parse(line));
    const completion = parsed.find((l) => l.msg?.startsWith('POST /v1/members 201'));
    expect(completion).to.include({ requestId: 'req-1', userId: 'U1' });
    expect(completion.req.url).to.equal('/v1/members?access_token=%5BREDACTED%5D');
    expect(parsed.find((l) => l.msg === 'creating member')).to.include({ requestId: 'req-1' });
    expect(parsed.some((l) => l.err?.message?.includes('connection lost'))).to.equal(true);
  });
});
