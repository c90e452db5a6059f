// A read started alongside its authorisation: it starts at once, its answer is handed over only when
// asked for (after the caller was allowed), and a failure nobody asks for is no unhandled rejection.
import { expect } from 'chai';
import { readAhead } from '../../src/modules/shared/read-ahead.js';

describe('readAhead', () => {
  it('starts the read at once and hands over its answer when asked', async () => {
    let started = false;
    const ahead = readAhead(async () => ((started = true), 'rows'));
    expect(started).to.equal(true);
    expect(await ahead.result()).to.equal('rows');
  });

  it('reports a failed read to whoever asks for it, and to nobody else', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const refusedCallersRead = readAhead(() => Promise.reject(new Error('database down')));
      const allowedCallersRead = readAhead(() => Promise.reject(new Error('database down')));
      void refusedCallersRead; // the caller was refused: nobody asks
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(unhandled).to.deep.equal([]);
      await allowedCallersRead.result().then(() => expect.fail('should have failed'), (e: Error) => expect(e.message).to.equal('database down'));
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});
