// Reads conformance files from disk; case names are made unique across files for reporting.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { CaseSpec } from './case-spec.js';
import { parseConformanceYaml } from './parse-cases.js';

export async function loadCases(files: string[]): Promise<CaseSpec[]> {
  const cases: CaseSpec[] = [];
  for (const file of files) cases.push(...parseConformanceYaml(await readFile(file, 'utf8'), basename(file)));
  const seen = new Map<string, number>();
  // Upstream files repeat a few names (e.g. immediate_cycle_through_computed_userset twice).
  return cases.map((c) => {
    const n = (seen.get(c.name) ?? 0) + 1;
    seen.set(c.name, n);
    return n === 1 ? c : { ...c, name: `${c.name} #${n}` };
  });
}
