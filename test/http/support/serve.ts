import type { RequestListener } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DestinationStream } from 'pino';
import { createLogger, type Logger } from '../../../src/observability/logger.js';

export interface Served {
  url: string;
  close(): Promise<void>;
}

/** Serves an app on a loopback port the OS picks; close() ends every connection. */
export async function serve(handler: RequestListener): Promise<Served> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** A logger whose lines are kept in memory, for asserting on what would have been written. */
export function capturingLogger(level = 'info'): { logger: Logger; lines: string[]; text(): string } {
  const lines: string[] = [];
  const destination: DestinationStream = { write: (line: string) => void lines.push(line) };
  return { logger: createLogger(level, destination), lines, text: () => lines.join('') };
}

/** The silent logger for apps under test whose logs are not the point. */
export const quietLogger = createLogger('silent');
