// Latency percentiles and throughput of one load phase.

export interface LatencySummary {
  /** Milliseconds. */
  p50: number;
  p99: number;
  mean: number;
  max: number;
  /** Completed requests per second over the measured window. */
  rps: number;
  count: number;
  errors: number;
}

/** Nearest-rank percentile of an ascending array (p in 0..100). */
export function percentile(sortedAscending: ArrayLike<number>, p: number): number {
  const n = sortedAscending.length;
  if (n === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * n);
  return sortedAscending[Math.min(n - 1, Math.max(0, rank - 1))];
}

export function summarizeLatencies(latenciesMs: Float64Array, elapsedMs: number, errors: number): LatencySummary {
  const sorted = Float64Array.from(latenciesMs).sort();
  let sum = 0;
  for (const value of sorted) sum += value;
  return {
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    mean: sorted.length ? sum / sorted.length : Number.NaN,
    max: sorted.length ? sorted[sorted.length - 1] : Number.NaN,
    rps: elapsedMs > 0 ? (sorted.length * 1000) / elapsedMs : 0,
    count: sorted.length,
    errors,
  };
}

/** Rounds for printing and JSON: 2 decimals for ms, whole numbers for req/s. */
export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}
