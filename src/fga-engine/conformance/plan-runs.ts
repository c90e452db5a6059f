// Which (case, variant) runs a file set yields. Upstream reruns single-stage cases with the stage's
// tuples as contextual tuples; it skips that rerun for multi-stage cases, and we also skip it when
// the tuples are invalid for the model (they would be rejected) or exceed the contextual-tuple cap.
import type { CaseSpec } from './case-spec.js';
import type { Variant } from './run-case.js';
import { MAX_CONTEXTUAL_TUPLES } from './run-case.js';
import { firstInvalidTuple, modelFromDsl } from './stage-setup.js';

export interface PlannedRun {
  spec: CaseSpec;
  variant: Variant;
}

export interface SkippedRun {
  spec: CaseSpec;
  variant: Variant;
  reason: string;
}

function contextualSkipReason(spec: CaseSpec): string | undefined {
  if (spec.stages.length !== 1) return 'multi-stage';
  const [stage] = spec.stages;
  const ownMax = Math.max(
    0,
    ...[...stage.checkAssertions, ...stage.listObjectsAssertions, ...stage.listUsersAssertions].map((a) => a.contextualTuples.length),
  );
  if (stage.tuples.length + ownMax > MAX_CONTEXTUAL_TUPLES) return `more than ${MAX_CONTEXTUAL_TUPLES} contextual tuples`;
  try {
    if (firstInvalidTuple(modelFromDsl(stage.model), stage.tuples)) return 'tuples invalid for the model';
  } catch {
    return undefined; // a model that does not parse fails in the stored run; the rerun reports it too
  }
  return undefined;
}

export function planRuns(cases: CaseSpec[]): { runs: PlannedRun[]; skipped: SkippedRun[] } {
  const runs: PlannedRun[] = [];
  const skipped: SkippedRun[] = [];
  for (const spec of cases) {
    runs.push({ spec, variant: 'stored' });
    const reason = contextualSkipReason(spec);
    if (reason === undefined) runs.push({ spec, variant: 'contextual' });
    else if (reason !== 'multi-stage') skipped.push({ spec, variant: 'contextual', reason });
  }
  return { runs, skipped };
}
