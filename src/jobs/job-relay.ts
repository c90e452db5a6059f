import type { Logger } from 'pino';
import type { PgJobOutbox } from './job-outbox.js';

/**
 * Hands BullMQ the jobs a command could not dispatch itself (Redis down, process killed after commit).
 * Safe in several processes at once: each dispatch locks the jobs it applies.
 */
export function startJobRelay(outbox: PgJobOutbox, logger: Logger, intervalMs = 2000): { stop(): Promise<void>; runOnce(): Promise<void> } {
  let running: Promise<void> | undefined;
  let stopped = false;
  let failing = false;
  const tick = async () => {
    try {
      let settled: number;
      do settled = await outbox.dispatchPending({ limit: 200 });
      while (settled > 0 && !stopped);
      if (failing) logger.info('job relay dispatches again');
      failing = false;
    } catch (error) {
      // One line when an outage starts, not one every interval while it lasts.
      if (!failing) logger.warn({ err: error }, 'job relay could not dispatch pending jobs; will retry');
      failing = true;
    }
  };
  const runOnce = () => (running ??= tick().finally(() => (running = undefined)));
  const timer = setInterval(() => void runOnce(), intervalMs);
  timer.unref();
  return {
    runOnce,
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
