// One benchmark cell: autocannon at a given concurrency for a fixed time, after an uncounted warm-up.
// Latencies come from autocannon's per-response event (sub-millisecond floats; its own histogram
// keeps whole milliseconds only and skips non-2xx answers), so p50/p99 use latency-stats.ts.
import autocannon, { type AutocannonRequest } from 'autocannon';
import { summarizeLatencies, type LatencySummary } from './latency-stats.js';

export interface Call {
  method: 'GET' | 'POST' | 'DELETE';
  path: string;
  token?: string;
  body?: unknown;
  /** Told the status when this request's answer arrives (never, for a request still open when a run ends). */
  answered?(status: number): void;
}

export interface CellResult extends LatencySummary {
  non2xx: number;
  /** First non-2xx status seen, for the report. */
  firstBadStatus?: number;
}

/** An autocannon request that asks `next()` for every request a connection sends, just before it goes, and tells the call its answer. */
export function callRequest(next: () => Call): AutocannonRequest {
  return {
    setupRequest: (req, context) => {
      const call = next();
      context.call = call; // one request at a time per connection: its answer is the next response
      const headers: Record<string, string> = { accept: 'application/json' };
      if (call.token) headers.authorization = `Bearer ${call.token}`;
      if (call.body !== undefined) headers['content-type'] = 'application/json';
      return { ...req, method: call.method, path: call.path, headers, body: call.body === undefined ? undefined : JSON.stringify(call.body) };
    },
    onResponse: (status, _body, context) => (context.call as Call | undefined)?.answered?.(status),
  };
}

function runOnce(url: string, connections: number, seconds: number, next: () => Call, record?: (ms: number, status: number) => void): Promise<{ elapsedMs: number; errors: number }> {
  const request = callRequest(next);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const instance = (autocannon as unknown as (o: object, cb: (err: Error | null, r: { errors: number; timeouts: number }) => void) => NodeJS.EventEmitter)(
      { url, connections, duration: seconds, requests: [request], timeout: 10 },
      (err, result) => (err ? reject(err) : resolve({ elapsedMs: performance.now() - started, errors: result.errors + result.timeouts })),
    );
    if (record) instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => record(ms, status));
  });
}

/** Drives the server for `seconds` without measuring (a scenario's warm-up). */
export async function warmUp(opts: { url: string; connections: number; seconds: number; next: () => Call }): Promise<void> {
  await runOnce(opts.url, opts.connections, opts.seconds, opts.next);
}

export async function runCell(opts: { url: string; connections: number; seconds: number; warmupSeconds: number; next: () => Call; afterWarmup?: () => Promise<void> }): Promise<CellResult> {
  if (opts.warmupSeconds > 0) await runOnce(opts.url, opts.connections, opts.warmupSeconds, opts.next);
  await opts.afterWarmup?.();
  let latencies = new Float64Array(1 << 15);
  let count = 0;
  let non2xx = 0;
  let firstBadStatus: number | undefined;
  const { elapsedMs, errors } = await runOnce(opts.url, opts.connections, opts.seconds, opts.next, (ms, status) => {
    if (status < 200 || status >= 300) { non2xx += 1; firstBadStatus ??= status; return; }
    if (count === latencies.length) { const grown = new Float64Array(count * 2); grown.set(latencies); latencies = grown; }
    latencies[count++] = ms;
  });
  return { ...summarizeLatencies(latencies.subarray(0, count), elapsedMs, errors), non2xx, firstBadStatus };
}
