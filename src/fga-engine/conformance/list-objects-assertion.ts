// A listObjectsAssertions entry, as upstream's harness runs it: ListObjects and StreamedListObjects
// must both return the expected objects (or both fail with the expected code), and every object
// returned must pass a Check. The streamed call and the re-checks count inside this one assertion;
// the streamed call's error can only be matched as far as HTTP carries it (see stream-failure.ts).
import type { ListObjectsAssertionSpec } from './case-spec.js';
import { recheck } from './check-assertion.js';
import { describeFailure, errorCodeName, formatFailure, matchesErrorCode } from './sdk-failure.js';
import { describeStreamFailure, matchesStreamErrorCode } from './stream-failure.js';
import type { AssertionResult, StageRun } from './stage-run.js';
import { contextualTuplesFor, formatList, sameElements } from './stage-run.js';

type Listing = { objects: string[] } | { error: ReturnType<typeof describeFailure> };

async function listing(call: () => Promise<string[]>, streamed = false): Promise<Listing> {
  try {
    return { objects: await call() };
  } catch (err) {
    return { error: streamed ? await describeStreamFailure(err) : describeFailure(err) };
  }
}

function show(l: Listing): string {
  return 'objects' in l ? formatList(l.objects) : formatFailure(l.error);
}

export async function runListObjectsAssertion(run: StageRun, a: ListObjectsAssertionSpec): Promise<AssertionResult> {
  const assertion = `list-objects ${a.request.type}#${a.request.relation}@${a.request.user}`;
  const body = { ...a.request, contextualTuples: contextualTuplesFor(run, a.contextualTuples), context: a.context };
  const listed = await listing(async () => (await run.client.listObjects(body, run.options)).objects);
  const streamed = await listing(async () => {
    const objects: string[] = [];
    for await (const item of run.client.streamedListObjects(body, run.options)) objects.push(item.object);
    return objects;
  }, true);

  if (a.errorCode) {
    const expected = `error 400 ${errorCodeName(a.errorCode)}`;
    const passed =
      'error' in listed && matchesErrorCode(listed.error, a.errorCode) && 'error' in streamed && matchesStreamErrorCode(streamed.error, a.errorCode);
    return { assertion, expected, passed, got: passed ? expected : `${show(listed)}; streamed: ${show(streamed)}` };
  }

  const expected = formatList(a.expectation);
  const problems: string[] = [];
  if (!('objects' in listed) || !sameElements(listed.objects, a.expectation)) problems.push(show(listed));
  if (!('objects' in streamed) || !sameElements(streamed.objects, a.expectation)) problems.push(`streamed: ${show(streamed)}`);
  if ('objects' in listed) {
    const rechecks = await Promise.all(
      listed.objects.map((object) => recheck(run, { object, relation: a.request.relation, user: a.request.user }, a.contextualTuples, a.context)),
    );
    problems.push(...rechecks.filter((p): p is string => p !== undefined));
  }
  return { assertion, expected, passed: problems.length === 0, got: problems.length ? problems.join('; ') : expected };
}
