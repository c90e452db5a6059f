// Several middlewares as one layer behave as they did as layers of their own.
import { expect } from 'chai';
import type { RequestHandler } from 'express';
import { inSequence } from '../../src/http/in-sequence.js';

function run(handlers: RequestHandler[]): Promise<{ ran: string[]; error: unknown }> {
  const ran: string[] = [];
  const req = { ran } as never;
  return new Promise((resolve) => inSequence(handlers)(req, {} as never, (error?: unknown) => resolve({ ran, error })));
}

const mark = (name: string): RequestHandler => (req, _res, next) => {
  (req as unknown as { ran: string[] }).ran.push(name);
  next();
};

describe('inSequence (middlewares as one layer)', () => {
  it('runs each in order, then goes on', async () => {
    expect(await run([mark('a'), mark('b'), mark('c')])).to.deep.equal({ ran: ['a', 'b', 'c'], error: undefined });
  });

  it('stops at an error passed to next, thrown, or rejected, and hands it on', async () => {
    const failure = new Error('no');
    for (const failing of [
      ((_req, _res, next) => next(failure)) as RequestHandler,
      (() => { throw failure; }) as RequestHandler,
      (async () => { throw failure; }) as RequestHandler,
    ]) {
      expect(await run([mark('a'), failing, mark('c')])).to.deep.equal({ ran: ['a'], error: failure });
    }
  });

  it('lets a middleware answer without calling next', async () => {
    let nextCalled = false;
    inSequence([mark('a'), () => undefined, mark('c')])({ ran: [] } as never, {} as never, () => (nextCalled = true));
    await new Promise((r) => setImmediate(r));
    expect(nextCalled).to.equal(false);
  });
});
