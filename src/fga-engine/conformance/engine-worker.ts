// Worker-thread entry: runs one engine target (server + datastore) off the runner's thread, so the
// SDK client and the engine use separate cores. Protocol: posts { url } once listening (or
// { error }); on the message 'close' it shuts down and posts 'closed'.
import { parentPort, workerData } from 'node:worker_threads';
import type { DatastoreKind } from './engine-target.js';
import { startEngineTarget } from './engine-target.js';

const { kind, databaseUrl } = workerData as { kind: DatastoreKind; databaseUrl: string };

try {
  const target = await startEngineTarget(kind, databaseUrl);
  parentPort!.on('message', async (message) => {
    if (message !== 'close') return;
    await target.close().catch(() => undefined);
    parentPort!.postMessage('closed');
  });
  parentPort!.postMessage({ url: target.url });
} catch (err) {
  parentPort!.postMessage({ error: err instanceof Error ? err.stack ?? err.message : String(err) });
}
