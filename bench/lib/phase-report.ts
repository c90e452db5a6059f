// Turns measured load phases into the two outputs every benchmark here ends with: a table for
// people and one JSON line for machines, `{ op: { c1: { p50, p99, rps, ratio }, … }, … }`, where
// ratio is the op's throughput over the baseline op's at the same concurrency.
import { roundTo } from './latency-stats.js';
import type { LoadResult } from './load-runner.js';
import { formatTable } from './report-table.js';

export interface MeasuredPhase extends LoadResult {
  /** Answers that were fast but wrong (checked by the benchmark). */
  wrong: number;
}

export interface PhaseReportInput {
  operations: Array<{ key: string; label: string }>;
  concurrencies: readonly number[];
  results: Map<string, Map<number, MeasuredPhase>>;
  /** Key of the operation every ratio divides by (e.g. healthz). */
  baselineKey: string;
}

function ratioOf(input: PhaseReportInput, result: MeasuredPhase, concurrency: number): number {
  const baseline = input.results.get(input.baselineKey)?.get(concurrency)?.rps;
  return baseline ? roundTo(result.rps / baseline, 3) : Number.NaN;
}

export function phaseTable(input: PhaseReportInput): string {
  const rows = input.operations.flatMap(({ key, label }) => input.concurrencies.map((concurrency) => {
    const r = input.results.get(key)!.get(concurrency)!;
    return [label, concurrency, r.p50, r.p99, r.mean, r.max, Math.round(r.rps), ratioOf(input, r, concurrency), r.count, r.errors, r.wrong];
  }));
  return formatTable(['operation', 'conc', 'p50 ms', 'p99 ms', 'mean ms', 'max ms', 'req/s', 'x baseline', 'requests', 'errors', 'wrong'], rows);
}

/** Keys in `order` first (those measured), then any others. NaN (no successful request) becomes null. */
export function phaseJson(input: PhaseReportInput, order: string[] = []): Record<string, Record<string, { p50: number; p99: number; rps: number; ratio: number }>> {
  const keys = [...order.filter((key) => input.results.has(key)), ...input.operations.map((o) => o.key).filter((key) => !order.includes(key))];
  return Object.fromEntries(keys.map((key) => [key, Object.fromEntries(input.concurrencies.map((concurrency) => {
    const r = input.results.get(key)!.get(concurrency)!;
    return [`c${concurrency}`, { p50: roundTo(r.p50, 2), p99: roundTo(r.p99, 2), rps: Math.round(r.rps), ratio: ratioOf(input, r, concurrency) }];
  }))]));
}
