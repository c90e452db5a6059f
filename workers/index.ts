import type { Logger } from 'pino';
import { startOutboxRelay } from '../src/authz/relay.js';
import type { TupleSync } from '../src/authz/tuple-sync.js';

export interface WorkerDeps {
  tupleSync: TupleSync;
  logger: Logger;
}

export interface RunningWorkers {
  names: string[];
  close(): Promise<void>;
}

/** Background work of this process: today the tuple outbox relay; BullMQ queue workers join here. */
export async function startWorkers(deps: WorkerDeps): Promise<RunningWorkers> {
  const relay = startOutboxRelay(deps.tupleSync, deps.logger.child({ worker: 'fga-outbox-relay' }));
  return {
    names: ['fga-outbox-relay'],
    close: async () => {
      await relay.stop();
    },
  };
}
