// Runs a server in a child Node process (TypeScript through tsx) and waits for it to report its
// URL over IPC. A benchmark's load generator and the server under test then use separate event
// loops — on a 2-core machine that is closer to production than sharing one.
import { fork, type ChildProcess } from 'node:child_process';

export interface ChildServer {
  url: string;
  pid: number;
  /** SIGTERM, then wait for exit (so a --cpu-prof child can write its profile). */
  stop(): Promise<void>;
}

/** What the child sends once listening: `process.send({ type: 'ready', url })`. */
export interface ReadyMessage { type: 'ready'; url: string }

export async function startChildServer(entry: string, opts: { env?: NodeJS.ProcessEnv; nodeArgs?: string[]; readyTimeoutMs?: number } = {}): Promise<ChildServer> {
  const child: ChildProcess = fork(entry, [], {
    execArgv: ['--import', 'tsx', ...(opts.nodeArgs ?? [])],
    env: { ...process.env, ...opts.env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${entry} did not report ready within ${opts.readyTimeoutMs ?? 30_000} ms`)), opts.readyTimeoutMs ?? 30_000);
    child.on('message', (message: ReadyMessage) => {
      if (message?.type === 'ready') { clearTimeout(timer); resolve(message.url); }
    });
    child.once('exit', (code, signal) => { clearTimeout(timer); reject(new Error(`${entry} exited before ready (code ${code}, signal ${signal})`)); });
  }).catch((error: unknown) => { child.kill('SIGKILL'); throw error; });
  return {
    url,
    pid: child.pid!,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const timeout = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timeout);
    },
  };
}
