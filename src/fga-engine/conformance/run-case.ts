// Runs one case in one variant on a fresh store: "stored" writes each stage's tuples (stages share
// the store, so earlier tuples stay); "contextual" (single-stage cases only, as upstream) writes
// none and sends the stage's tuples as contextual tuples with every request instead.
import type { OpenFgaClient } from '@openfga/sdk';
import type { CaseSpec, StageSpec } from './case-spec.js';
import { runCheckAssertion } from './check-assertion.js';
import { runListObjectsAssertion } from './list-objects-assertion.js';
import { runListUsersAssertion } from './list-users-assertion.js';
import type { Outcome } from './outcome.js';
import { modelFromDsl, writeModel, writeStageTuples } from './stage-setup.js';
import type { AssertionResult, StageRun } from './stage-run.js';

export type Variant = 'stored' | 'contextual';

/** OpenFGA caps contextual tuples per request at 100. */
export const MAX_CONTEXTUAL_TUPLES = 100;

export function caseLabel(spec: CaseSpec, variant: Variant): string {
  return variant === 'contextual' ? `${spec.name} (tuples as contextual tuples)` : spec.name;
}

/** OpenFGA's store-name pattern, so any case name makes a valid store name. */
function storeName(name: string): string {
  const cleaned = name.replace(/[^a-zA-Z0-9\s.\-/^_&@]/g, '_').slice(0, 64);
  return cleaned.length >= 3 ? cleaned : cleaned.padEnd(3, '_');
}

function assertionCount(stage: StageSpec): number {
  return stage.checkAssertions.length + stage.listObjectsAssertions.length + stage.listUsersAssertions.length;
}

async function runAssertions(run: StageRun, stage: StageSpec): Promise<AssertionResult[]> {
  const results: AssertionResult[] = [];
  for (const a of stage.checkAssertions) results.push(await runCheckAssertion(run, a));
  for (const a of stage.listObjectsAssertions) results.push(await runListObjectsAssertion(run, a));
  for (const a of stage.listUsersAssertions) results.push(await runListUsersAssertion(run, a));
  return results;
}

export async function runCase(client: OpenFgaClient, spec: CaseSpec, variant: Variant, datastore: string): Promise<Outcome[]> {
  const caseName = caseLabel(spec, variant);
  const outcomes: Outcome[] = [];
  const record = (stage: number, r: AssertionResult) => outcomes.push({ datastore, caseName, stage, ...r });

  let storeId: string;
  try {
    storeId = (await client.createStore({ name: storeName(spec.name) })).id;
  } catch (err) {
    record(0, { assertion: 'create store', expected: 'created', got: String((err as Error).message), passed: false });
    return outcomes;
  }

  for (const [index, stage] of spec.stages.entries()) {
    const stageNo = index + 1;
    let run: StageRun;
    try {
      const model = modelFromDsl(stage.model);
      const authorizationModelId = await writeModel(client, storeId, model);
      run = {
        client,
        options: { storeId, authorizationModelId },
        extraContextualTuples: variant === 'contextual' ? stage.tuples : [],
      };
      if (variant === 'stored' && stage.tuples.length) {
        const written = await writeStageTuples(client, { storeId, authorizationModelId }, model, stage.tuples);
        if (written) record(stageNo, written);
      }
    } catch (err) {
      // Without its model the stage's assertions cannot run: each counts as failed.
      const reason = `not run: model setup failed (${(err as Error).message})`;
      record(stageNo, { assertion: 'write model', expected: 'accepted', got: String((err as Error).message), passed: false });
      for (let i = 0; i < assertionCount(stage); i++) record(stageNo, { assertion: `assertion ${i + 1}`, expected: 'to run', got: reason, passed: false });
      continue;
    }
    for (const result of await runAssertions(run, stage)) record(stageNo, result);
  }
  return outcomes;
}
