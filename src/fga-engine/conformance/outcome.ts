// One judged assertion of a conformance run, and how a failing one is printed.

export interface Outcome {
  datastore: string;
  caseName: string;
  /** 1-based; 0 for the case as a whole. */
  stage: number;
  /** What was asserted, e.g. `check document:1#viewer@user:jon`. */
  assertion: string;
  passed: boolean;
  expected: string;
  got: string;
}

export function formatFailureLine(o: Outcome): string {
  return `FAIL [${o.datastore}] ${o.caseName} stage ${o.stage}: ${o.assertion} — expected ${o.expected}, got ${o.got}`;
}
