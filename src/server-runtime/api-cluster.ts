// API_PROCESSES > 1: one Node process per core serving the API on the same PORT (node:cluster hands
// each new connection to the next process). The first process does what must happen once — migrations,
// the OpenFGA store and model, the background workers when the role includes them — then starts the
// API processes and keeps them running: one that dies is replaced, but one that fails while starting
// stops the whole cluster (a broken config would otherwise restart forever).
import cluster, { type Worker } from 'node:cluster';
import type { Logger } from 'pino';

/** What an API process tells the first process once it listens. */
export interface ApiProcessReady {
  type: 'touchline:api-ready';
  port: number;
  devIssuer?: { baseUrl: string; issuer: string };
}

export interface ApiCluster {
  /** Resolves with the first ready message once every API process listens; rejects if one fails to start. */
  ready: Promise<ApiProcessReady>;
  /** SIGTERM to every API process (each drains its requests), SIGKILL after `timeoutMs`. */
  stop(timeoutMs: number): Promise<void>;
}

const RESTART_DELAY_MS = 1000;

export function startApiCluster(processes: number, logger: Logger): ApiCluster {
  let stopping = false;
  const readyWorkers = new Set<number>();
  let firstReady: ApiProcessReady | undefined;
  let settle!: { resolve(ready: ApiProcessReady): void; reject(error: Error): void };
  const ready = new Promise<ApiProcessReady>((resolve, reject) => (settle = { resolve, reject }));
  ready.catch(() => undefined);

  const fork = (): Worker => {
    const worker = cluster.fork();
    worker.on('message', (message: ApiProcessReady) => {
      if (message?.type !== 'touchline:api-ready') return;
      readyWorkers.add(worker.id);
      firstReady ??= message;
      if (readyWorkers.size === processes) settle.resolve(firstReady);
    });
    worker.on('exit', (code, signal) => {
      const wasReady = readyWorkers.delete(worker.id);
      if (stopping) return;
      if (!wasReady) {
        settle.reject(new Error(`an API process failed while starting (exit code ${code}, signal ${signal})`));
        return;
      }
      logger.error({ pid: worker.process.pid, code, signal }, 'an API process died; starting another');
      setTimeout(() => {
        if (!stopping) fork();
      }, RESTART_DELAY_MS).unref();
    });
    return worker;
  };
  for (let i = 0; i < processes; i++) fork();

  return {
    ready,
    stop: async (timeoutMs) => {
      stopping = true;
      const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => Boolean(w && !w.isDead()));
      await Promise.all(
        workers.map(
          (worker) =>
            new Promise<void>((resolve) => {
              const kill = setTimeout(() => worker.process.kill('SIGKILL'), timeoutMs);
              worker.once('exit', () => {
                clearTimeout(kill);
                resolve();
              });
              worker.process.kill('SIGTERM');
            }),
        ),
      );
    },
  };
}

/** In an API process of a cluster: tell the first process this one listens. */
export function reportApiReady(message: Omit<ApiProcessReady, 'type'>): void {
  process.send?.({ type: 'touchline:api-ready', ...message } satisfies ApiProcessReady);
}
