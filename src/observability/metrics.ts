import { collectDefaultMetrics, Histogram, Registry } from 'prom-client';

/** Everything /metrics exposes: process defaults plus our own series. */
export const metricsRegistry = new Registry();
metricsRegistry.setDefaultLabels({ service: 'touchline' });
collectDefaultMetrics({ register: metricsRegistry });

/** Latency of every HTTP request, by method, route pattern (never raw ids) and status code. */
export const httpRequestDuration = new Histogram({
  name: 'http_request_duration_seconds',
  help: 'Duration of HTTP requests in seconds',
  labelNames: ['method', 'route', 'status_code'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [metricsRegistry],
});
