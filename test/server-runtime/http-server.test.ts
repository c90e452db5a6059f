// listen() gives an Express app requests and responses born with the app's own prototypes, so Express's
// per-request Object.setPrototypeOf is a no-op (http-server.ts says why), and everything else behaves
// as with Node's own classes.
import { expect } from 'chai';
import express from 'express';
import { IncomingMessage, ServerResponse } from 'node:http';
import { listen } from '../../src/server-runtime/http-server.js';

describe('listen', () => {
  it("creates requests and responses with the Express app's prototypes, still Node's classes", async () => {
    const app = express();
    app.use(express.json());
    app.post('/echo/:id', (req, res) => {
      res.status(201).set('X-Seen', String(req.get('x-probe'))).json({ id: req.params.id, body: req.body, query: req.query });
    });
    const { server, port } = await listen(app, 0, '127.0.0.1');
    const born: Array<[object, object, boolean]> = [];
    // Runs before the app's own listener: sees the objects as the server created them.
    server.prependListener('request', (req, res) => born.push([Object.getPrototypeOf(req), Object.getPrototypeOf(res), req instanceof IncomingMessage && res instanceof ServerResponse]));
    try {
      const res = await fetch(`http://127.0.0.1:${port}/echo/7?x=1`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-probe': 'yes' }, body: '{"a":[1,2]}' });
      expect(res.status).to.equal(201);
      expect(res.headers.get('x-seen')).to.equal('yes');
      expect(await res.json()).to.deep.equal({ id: '7', body: { a: [1, 2] }, query: { x: '1' } });
      expect(born).to.deep.equal([[app.request, app.response, true]]);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it("uses Node's own classes for a plain request listener", async () => {
    const { server, port } = await listen((_req, res) => res.end('plain'), 0, '127.0.0.1');
    const born: object[] = [];
    server.prependListener('request', (req) => born.push(Object.getPrototypeOf(req)));
    try {
      expect(await (await fetch(`http://127.0.0.1:${port}/`)).text()).to.equal('plain');
      expect(born).to.deep.equal([IncomingMessage.prototype]);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
