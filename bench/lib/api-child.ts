// Starts api-server-process.ts in a child Node process (with the node flags of `npm start`) and talks
// to it over IPC (request/reply).
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startNodeFlags } from './api-processes.js';

export interface ApiChild {
  url: string;
  databaseUrl: string;
  pid: number;
  tokens(subs: string[]): Promise<string[]>;
  loadTuples(): Promise<{ tuples: number; ms: number }>;
  memory(): Promise<{ heapUsed: number; rss: number; gc: boolean }>;
  stop(): Promise<void>;
}

export async function startApiChild(opts: { nodeArgs?: string[] } = {}): Promise<ApiChild> {
  const entry = fileURLToPath(new URL('./api-server-process.ts', import.meta.url));
  const child = fork(entry, [], { execArgv: [...startNodeFlags(), '--import', 'tsx', ...(opts.nodeArgs ?? [])], stdio: ['ignore', 'inherit', 'inherit', 'ipc'], env: { ...process.env, LOG_LEVEL: 'silent' } });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  let nextId = 0;
  let ready: { url: string; databaseUrl: string } | undefined;
  const readyPromise = new Promise<void>((resolve, reject) => {
    child.on('message', (message: { type: string; id?: number; result?: unknown; error?: string; url?: string; databaseUrl?: string }) => {
      if (message.type === 'ready') { ready = { url: message.url!, databaseUrl: message.databaseUrl! }; resolve(); }
      if (message.type === 'reply') {
        const waiter = pending.get(message.id!);
        pending.delete(message.id!);
        if (message.error) waiter?.reject(new Error(message.error)); else waiter?.resolve(message.result);
      }
    });
    child.once('exit', (code, signal) => {
      reject(new Error(`API process exited (code ${code}, signal ${signal})`));
      for (const waiter of pending.values()) waiter.reject(new Error('API process exited'));
    });
  });
  await readyPromise;
  const call = <T>(type: string, extra: object = {}) => new Promise<T>((resolve, reject) => {
    const id = ++nextId;
    pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
    child.send({ id, type, ...extra });
  });
  return {
    ...ready!,
    pid: child.pid!,
    tokens: (subs) => call('tokens', { subs }),
    loadTuples: () => call('loadTuples'),
    memory: () => call('memory'),
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const timeout = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timeout);
    },
  };
}
