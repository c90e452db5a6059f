// Baseline for the API benchmark: a bare Express 5 "hello" endpoint in a process of its own — what
// Node and Express cost on this machine before any authentication, authorisation or SQL.
import express from 'express';

const app = express();
app.get('/hello', (_req, res) => { res.json({ hello: 'world' }); });
const server = app.listen(0, '127.0.0.1', () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  process.send!({ type: 'ready', url: `http://127.0.0.1:${port}` });
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
