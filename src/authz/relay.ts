import type { Logger } from 'pino';
import type { DesiredTuples } from './revocation-intents.js';
import type { TupleSync } from './tuple-sync.js';

/**
 * Retries outbox entries that a request could not apply (OpenFGA down, process killed after commit),
 * and writes back revocations whose command never committed (killed between revoking and committing).
 * Safe to run in several processes: each apply locks its rows and tuple keys.
 */
export function startOutboxRelay(tupleSync: TupleSync, desiredTuples: DesiredTuples, logger: Logger, intervalMs = 2000): { stop(): Promise<void> } {
  let running: Promise<void> | undefined;
  let stopped = false;
  const tick = async () => {
    try {
      await tupleSync.restoreAbortedRevocations(desiredTuples);
      let settled: number;
      do settled = await tupleSync.applyPending({ limit: 200 });
      while (settled > 0 && !stopped);
    } catch (error) {
      logger.warn({ err: error }, 'Outbox relay could not apply pending tuple changes; will retry');
    }
  };
  const timer = setInterval(() => {
    if (!running) running = tick().finally(() => (running = undefined));
  }, intervalMs);
  timer.unref();
  return {
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
