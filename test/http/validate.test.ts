import { expect } from 'chai';
import express from 'express';
import { z } from 'zod';
import { errorHandler } from '../../src/http/errors.js';
import { validate } from '../../src/http/validate.js';
import { serve, type Served } from './support/serve.js';

const CreateMember = z
  .object({
    firstName: z.string().min(1).max(50),
    dateOfBirth: z.iso.date(),
    medicalNotes: z.string().max(10).optional(),
    role: z.enum(['head', 'assistant']).optional(),
    contacts: z.array(z.object({ phone: z.string().min(5) })).optional(),
    nickname: z.string().min(2, 'A nickname needs two letters at least').optional(),
  })
  .strict();
const ListQuery = z.object({ limit: z.coerce.number().int().min(1).max(100).default(20), cursor: z.string().optional() });
const MemberParams = z.object({ memberId: z.string().regex(/^[0-9A-Z]{26}$/) });

describe('validate()', () => {
  let served: Served;

  before(async () => {
    const app = express();
    app.use(express.json());
    app.post('/members/:memberId', validate({ body: CreateMember, query: ListQuery, params: MemberParams }), (req, res) => {
      res.json(req.valid);
    });
    app.use(errorHandler);
    served = await serve(app);
  });
  after(() => served.close());

  const post = (path: string, body: unknown) =>
    fetch(`${served.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const ID = '01HVMMBCMGZNT3SED4Z17ECXCA';

  it('stores the parsed values (defaults and coercions applied) in req.valid', async () => {
    const res = await post(`/members/${ID}?limit=5`, { firstName: 'Mia', dateOfBirth: '2015-04-01' });
    expect(res.status).to.equal(200);
    expect(await res.json()).to.deep.equal({
      body: { firstName: 'Mia', dateOfBirth: '2015-04-01' },
      query: { limit: 5 },
      params: { memberId: ID },
    });
    const withDefault = await post(`/members/${ID}`, { firstName: 'Mia', dateOfBirth: '2015-04-01' });
    expect((await withDefault.json()).query).to.deep.equal({ limit: 20 });
  });

  it('answers 400 validation listing { path, message } per problem, in words a person can act on', async () => {
    const res = await post(`/members/${ID}`, {
      firstName: '',
      dateOfBirth: '2015-02-30',
      medicalNotes: 'much too long for ten',
      role: 'captain',
      contacts: [{ phone: 12345 }],
      shoeSize: 32,
    });
    expect(res.status).to.equal(400);
    const body = await res.json();
    expect(body.error.code).to.equal('validation');
    expect(body.error.details).to.deep.equal([
      { path: 'firstName', message: "Field 'firstName' must not be empty" },
      { path: 'dateOfBirth', message: "Field 'dateOfBirth' must be a date (YYYY-MM-DD)" },
      { path: 'medicalNotes', message: "Field 'medicalNotes' must be at most 10 characters long" },
      { path: 'role', message: "Field 'role' must be one of: 'head', 'assistant'" },
      { path: 'contacts[0].phone', message: "Field 'contacts[0].phone' must be a string" },
      { path: '', message: "Unknown field 'shoeSize'" },
    ]);
    expect(body.error.message).to.equal(
      "Field 'firstName' must not be empty; Field 'dateOfBirth' must be a date (YYYY-MM-DD); Field 'medicalNotes' must be at most 10 characters long (and 3 more)",
    );
  });

  it('says which field is missing', async () => {
    const res = await post(`/members/${ID}`, { firstName: 'Mia' });
    const body = await res.json();
    expect(body.error.message).to.equal("Field 'dateOfBirth' is required");
  });

  it('keeps a message the schema states itself', async () => {
    const res = await post(`/members/${ID}`, { firstName: 'Mia', dateOfBirth: '2015-04-01', nickname: 'M' });
    expect((await res.json()).error.details).to.deep.equal([{ path: 'nickname', message: 'A nickname needs two letters at least' }]);
  });

  it('names query and path parameters as such, path first', async () => {
    const res = await post('/members/not-an-id?limit=500', { firstName: 'Mia', dateOfBirth: '2015-04-01' });
    expect(res.status).to.equal(400);
    expect((await res.json()).error.details).to.deep.equal([
      { path: 'memberId', message: "Path parameter 'memberId' has an invalid format" },
      { path: 'limit', message: "Query parameter 'limit' must be at most 100" },
    ]);
  });

  it('asks for a JSON body when there is none', async () => {
    const res = await fetch(`${served.url}/members/${ID}`, { method: 'POST' });
    expect((await res.json()).error.message).to.equal('Request body is required (send JSON with Content-Type: application/json)');
  });
});
