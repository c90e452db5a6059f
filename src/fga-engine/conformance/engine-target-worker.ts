// Starts an engine target in a worker thread (see engine-worker.ts) and speaks to it over HTTP like
// any other OpenFGA server. Run from TypeScript sources (tsx, no build step), the worker needs the
// tsx loader too: it registers per thread, not through execArgv, so it is passed explicitly.
import { Worker } from 'node:worker_threads';
import type { DatastoreKind, EngineTarget } from './engine-target.js';

const WORKER_URL = new URL('./engine-worker.ts', import.meta.url);

export function startEngineTargetInWorker(kind: DatastoreKind, databaseUrl: string): Promise<EngineTarget> {
  const worker = WORKER_URL.pathname.endsWith('.ts')
    ? new Worker(
        `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then(({ register }) => { register(); return import(${JSON.stringify(WORKER_URL.href)}); });`,
        { eval: true, workerData: { kind, databaseUrl } },
      )
    : new Worker(WORKER_URL, { workerData: { kind, databaseUrl } });
  return new Promise<EngineTarget>((resolve, reject) => {
    worker.once('error', reject);
    worker.once('message', (message: { url?: string; error?: string }) => {
      if (!message.url) {
        void worker.terminate();
        reject(new Error(`engine worker failed to start: ${message.error}`));
        return;
      }
      resolve({
        datastore: kind,
        url: message.url,
        close: () =>
          new Promise<void>((done) => {
            worker.once('message', () => void worker.terminate().then(() => done()));
            worker.postMessage('close');
          }),
      });
    });
  });
}
