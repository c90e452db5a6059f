// A checkAssertions entry: Check through the SDK, then compare `allowed` or the error code.
import type { CheckAssertionSpec } from './case-spec.js';
import { describeFailure, errorCodeName, formatFailure, matchesErrorCode } from './sdk-failure.js';
import type { AssertionResult, StageRun } from './stage-run.js';
import { contextualTuplesFor } from './stage-run.js';

export async function runCheckAssertion(run: StageRun, a: CheckAssertionSpec): Promise<AssertionResult> {
  const assertion = `check ${a.tuple.object}#${a.tuple.relation}@${a.tuple.user}`;
  const expected = a.errorCode ? `error 400 ${errorCodeName(a.errorCode)}` : `allowed=${a.expectation}`;
  try {
    const { allowed } = await run.client.check(
      { ...a.tuple, contextualTuples: contextualTuplesFor(run, a.contextualTuples), context: a.context },
      run.options,
    );
    return { assertion, expected, got: `allowed=${allowed}`, passed: !a.errorCode && allowed === a.expectation };
  } catch (err) {
    const failure = describeFailure(err);
    return { assertion, expected, got: formatFailure(failure), passed: !!a.errorCode && matchesErrorCode(failure, a.errorCode) };
  }
}

/** The re-check every list result must pass: Check says allowed, without error. */
export async function recheck(
  run: StageRun,
  key: { object: string; relation: string; user: string },
  contextualTuples: CheckAssertionSpec['contextualTuples'],
  context: CheckAssertionSpec['context'],
): Promise<string | undefined> {
  const label = `re-check ${key.object}#${key.relation}@${key.user}`;
  try {
    const { allowed } = await run.client.check({ ...key, contextualTuples: contextualTuplesFor(run, contextualTuples), context }, run.options);
    return allowed ? undefined : `${label} → allowed=false`;
  } catch (err) {
    return `${label} → ${formatFailure(describeFailure(err))}`;
  }
}
