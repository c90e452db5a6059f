import type { RequestListener, Server } from 'node:http';
import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** An Express app: a request listener carrying the prototypes it gives requests and responses. */
type ExpressLike = RequestListener & { request?: object; response?: object };

/**
 * Request and response classes whose prototypes are already the app's (`app.request`, `app.response`).
 * Express sets those prototypes on every request it handles (Object.setPrototypeOf), which hands each
 * request and response object a changed shape and leaves the property lookups of every handler
 * megamorphic; objects born with them make that a no-op (the prototype is already the same).
 */
function classesFor(app: ExpressLike): { IncomingMessage?: typeof IncomingMessage; ServerResponse?: typeof ServerResponse } {
  if (!app.request || !app.response) return {};
  function AppRequest(this: IncomingMessage, ...args: [Socket]) {
    IncomingMessage.apply(this, args);
  }
  AppRequest.prototype = app.request;
  function AppResponse(this: ServerResponse, ...args: [IncomingMessage]) {
    ServerResponse.apply(this, args);
  }
  AppResponse.prototype = app.response;
  return { IncomingMessage: AppRequest as unknown as typeof IncomingMessage, ServerResponse: AppResponse as unknown as typeof ServerResponse };
}

/** Starts listening and resolves once bound (rejects on EADDRINUSE and friends). */
export async function listen(handler: ExpressLike, port: number, host: string): Promise<{ server: Server; port: number }> {
  const server = createServer(classesFor(handler), handler);
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
