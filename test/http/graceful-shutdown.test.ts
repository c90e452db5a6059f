import { expect } from 'chai';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { drainHttpServer, listen } from '../../src/server-runtime/http-server.js';
import { ShutdownSequence } from '../../src/server-runtime/shutdown.js';
import { quietLogger } from './support/serve.js';

const slowHandler = (delayMs: number) => (_req: IncomingMessage, res: ServerResponse) => {
  setTimeout(() => res.end('done'), delayMs);
};

describe('graceful shutdown', () => {
  it('lets an in-flight request finish, then stops accepting', async () => {
    const { server, port } = await listen(slowHandler(300), 0, '127.0.0.1');
    const inFlight = fetch(`http://127.0.0.1:${port}/`).then((r) => r.text());
    await new Promise((resolve) => setTimeout(resolve, 50));
    const drained = drainHttpServer(server, 5000);
    expect(await inFlight).to.equal('done');
    expect(await drained).to.deep.equal({ forced: false });
    const after = await fetch(`http://127.0.0.1:${port}/`).then(
      () => 'answered',
      () => 'refused',
    );
    expect(after).to.equal('refused');
  });

  it('cuts off requests still running at the timeout', async () => {
    const { server, port } = await listen(slowHandler(10_000), 0, '127.0.0.1');
    const inFlight = fetch(`http://127.0.0.1:${port}/`).then(
      () => 'answered',
      () => 'cut off',
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = Date.now();
    expect(await drainHttpServer(server, 200)).to.deep.equal({ forced: true });
    expect(Date.now() - started).to.be.lessThan(2000);
    expect(await inFlight).to.equal('cut off');
  });

  it('runs every step once, in order, past a failing or hanging one', async () => {
    const ran: string[] = [];
    const sequence = new ShutdownSequence(quietLogger, 100);
    sequence.add('http', async () => void ran.push('http'));
    sequence.add('workers', async () => {
      ran.push('workers');
      throw new Error('worker would not stop');
    });
    sequence.add('engine', () => new Promise(() => ran.push('engine')));
    sequence.add('database', async () => void ran.push('database'));
    const [first, second] = await Promise.all([sequence.run('SIGTERM'), sequence.run('SIGINT')]);
    expect(ran).to.deep.equal(['http', 'workers', 'engine', 'database']);
    expect(first).to.equal(false);
    expect(second).to.equal(false);
    expect(sequence.started).to.equal(true);
  });
});
