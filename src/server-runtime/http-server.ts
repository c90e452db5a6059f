import type { RequestListener, Server } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Starts listening and resolves once bound (rejects on EADDRINUSE and friends). */
export async function listen(handler: RequestListener, port: number, host: string): Promise<{ server: Server; port: number }> {
  const server = createServer(handler);
  // Slow or idle clients must not hold a worker's sockets forever, nor keep shutdown waiting.
  server.headersTimeout = 20_000;
  server.requestTimeout = 60_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return { server, port: (server.address() as AddressInfo).port };
}

/**
 * Stops accepting connections, lets in-flight requests finish for up to `timeoutMs`, then cuts what is
 * left. Idle keep-alive sockets are closed at once so they do not hold the drain open.
 */
export async function drainHttpServer(server: Server, timeoutMs: number): Promise<{ forced: boolean }> {
  let forced = false;
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  const timer = setTimeout(() => {
    forced = true;
    server.closeAllConnections();
  }, timeoutMs);
  // Connections that finish a request during the drain become idle: close those too, as they appear.
  const sweeper = setInterval(() => server.closeIdleConnections(), 100);
  try {
    await closed;
  } finally {
    clearTimeout(timer);
    clearInterval(sweeper);
  }
  return { forced };
}
