// Turns outcomes into the runner's report: one line per failing assertion, a note on skipped
// reruns, per-datastore counts, and the final `N passed, M failed` line.
import type { Outcome } from './outcome.js';
import { formatFailureLine } from './outcome.js';
import type { ConformanceResult } from './run-conformance.js';

export interface Summary {
  lines: string[];
  passed: number;
  failed: number;
}

function counts(outcomes: Outcome[]): { passed: number; failed: number } {
  const passed = outcomes.filter((o) => o.passed).length;
  return { passed, failed: outcomes.length - passed };
}

export function summarize(result: ConformanceResult, datastores: string[]): Summary {
  const lines = result.outcomes.filter((o) => !o.passed).map(formatFailureLine);
  for (const s of result.skipped) {
    lines.push(`SKIP [${s.datastore}] ${s.spec.name} rerun with tuples as contextual tuples: ${s.reason}`);
  }
  for (const datastore of datastores) {
    const c = counts(result.outcomes.filter((o) => o.datastore === datastore));
    lines.push(`${datastore}: ${c.passed} passed, ${c.failed} failed`);
  }
  const total = counts(result.outcomes);
  lines.push(`${total.passed} passed, ${total.failed} failed`);
  return { lines, ...total };
}
