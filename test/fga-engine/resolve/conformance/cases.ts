// Loads OpenFGA conformance YAML files (assets/tests/*.yaml format: tests → stages → assertions).
import { readFileSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { TupleKey } from '../../../../src/fga-engine/types.js';

export interface CheckAssertion {
  tuple: { user: string; relation: string; object: string };
  contextualTuples?: TupleKey[];
  context?: Record<string, unknown>;
  expectation?: boolean;
  errorCode?: number;
  temporarilySkipReason?: string;
}

export interface ListObjectsAssertion {
  request: { user: string; type: string; relation: string; contextualTuples?: TupleKey[]; context?: Record<string, unknown> };
  contextualTuples?: TupleKey[];
  context?: Record<string, unknown>;
  expectation?: string[] | null;
  errorCode?: number;
  temporarilySkipReason?: string;
}

export interface ListUsersAssertion {
  request: { object: string; relation: string; filters: string[]; contextualTuples?: TupleKey[]; context?: Record<string, unknown> };
  contextualTuples?: TupleKey[];
  context?: Record<string, unknown>;
  expectation?: string[] | null;
  errorCode?: number;
  temporarilySkipReason?: string;
}

export interface Stage {
  name?: string;
  model: string;
  tuples?: TupleKey[] | null;
  checkAssertions?: CheckAssertion[] | null;
  listObjectsAssertions?: ListObjectsAssertion[] | null;
  listUsersAssertions?: ListUsersAssertion[] | null;
}

export interface ConformanceCase {
  name: string;
  stages: Stage[];
}

export function loadCases(file: string): ConformanceCase[] {
  const doc = parse(readFileSync(file, 'utf8')) as { tests?: ConformanceCase[] };
  return doc.tests ?? [];
}

export const SHARED_DIR = '/work/shared/openfga-conformance';

export function conformanceFiles(): string[] {
  // FGA_CONFORMANCE_EXTRA_DIRS=a,b adds local folders of case files (never committed).
  const extra = (process.env.FGA_CONFORMANCE_EXTRA_DIRS ?? '').split(',').filter(Boolean);
  const dirs = [SHARED_DIR, '/work/upstream-fga-tests', ...extra];
  const files: string[] = [];
  for (const dir of dirs) {
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir)) if (f.endsWith('.yaml')) files.push(join(dir, f));
  }
  return files;
}
