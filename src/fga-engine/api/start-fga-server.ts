// Runs the engine's HTTP API on a port (0 = the OS picks one) and hands back its URL and a close().
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createFgaApp, type FgaAppOptions } from './create-fga-app.js';

export interface StartFgaServerOptions extends FgaAppOptions {
  /** Default 8080, like OpenFGA's HTTP listener. */
  port?: number;
  /** Default 127.0.0.1 (loopback). */
  host?: string;
}

export interface RunningFgaServer {
  url: string;
  port: number;
  server: Server;
  /** Stops listening and drops idle keep-alive connections; the datastore stays open (caller owns it). */
  close(): Promise<void>;
}

export async function startFgaServer(opts: StartFgaServerOptions): Promise<RunningFgaServer> {
  const host = opts.host ?? '127.0.0.1';
  const server = createServer(createFgaApp(opts));
  // Clients (the SDK's keep-alive agent) keep idle sockets with no timeout of their own: with Node's 5 s
  // default, a request sent just as the server dropped its idle socket failed with "socket hang up"
  // (seen in a conformance run). OpenFGA's own server does not close idle connections this early either.
  server.keepAliveTimeout = 120_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 8080, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${urlHost(host)}:${port}`;
  opts.logger?.info?.(`fga-engine listening on ${url}`, { datastore: opts.datastore.kind });
  let closing: Promise<void> | undefined;
  return {
    url,
    port,
    server,
    close() {
      closing ??= new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeIdleConnections();
      });
      return closing;
    },
  };
}

/** A wildcard bind address is reached through loopback; IPv6 literals need brackets in a URL. */
function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return host.includes(':') ? `[${host}]` : host;
}
