// Reads OpenFGA's YAML conformance format into CaseSpecs. Unknown keys are ignored (as Go's YAML
// decoding upstream does); a missing or mistyped field is reported with its path in the file.
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import type { CaseSpec } from './case-spec.js';

const context = z.record(z.string(), z.unknown()).nullish().transform((c) => c ?? undefined);
const tupleKey = z.object({
  user: z.string(),
  relation: z.string(),
  object: z.string(),
  condition: z
    .object({ name: z.string(), context })
    .nullish()
    .transform((c) => (c ? (c.context ? { name: c.name, context: c.context } : { name: c.name }) : undefined)),
});
const tupleKeys = z.array(tupleKey).nullish().transform((t) => (t ?? []).map(({ condition, ...key }) => (condition ? { ...key, condition } : key)));
const strings = z.array(z.string()).nullish().transform((s) => s ?? []);
const errorCode = z.number().int().nullish().transform((c) => (c ? c : undefined));

const checkAssertion = z.object({
  tuple: z.object({ user: z.string(), relation: z.string(), object: z.string() }),
  contextualTuples: tupleKeys,
  context,
  expectation: z.boolean().nullish().transform((e) => e ?? false),
  errorCode,
});

type TupleKeys = z.infer<typeof tupleKeys>;
type Context = z.infer<typeof context>;
interface ListAssertion<Q> {
  request: Q & { contextualTuples: TupleKeys; context: Context };
  contextualTuples: TupleKeys;
  context: Context;
  expectation: string[];
  errorCode: number | undefined;
}

// Upstream keeps contextual tuples and context beside `request`; accept them inside it too.
function liftRequestExtras<Q>({ request: { contextualTuples, context: inner, ...request }, ...a }: ListAssertion<Q>) {
  return { ...a, request, contextualTuples: [...a.contextualTuples, ...contextualTuples], context: a.context ?? inner };
}

const listObjectsAssertion = z
  .object({
    request: z.object({ user: z.string(), type: z.string(), relation: z.string(), contextualTuples: tupleKeys, context }),
    contextualTuples: tupleKeys,
    context,
    expectation: strings,
    errorCode,
  })
  .transform(liftRequestExtras);

const listUsersAssertion = z
  .object({
    request: z.object({ object: z.string(), relation: z.string(), filters: strings, contextualTuples: tupleKeys, context }),
    contextualTuples: tupleKeys,
    context,
    expectation: strings,
    errorCode,
  })
  .transform(liftRequestExtras);

const list = <T extends z.ZodType>(item: T) => z.array(item).nullish().transform((items) => items ?? []);

const stage = z.object({
  model: z.string(),
  tuples: tupleKeys,
  checkAssertions: list(checkAssertion),
  listObjectsAssertions: list(listObjectsAssertion),
  listUsersAssertions: list(listUsersAssertion),
});

const file = z.object({
  tests: z.array(z.object({ name: z.string(), stages: z.array(stage).min(1) })),
});

export class ConformanceFormatError extends Error {
  constructor(file: string, detail: string) {
    super(`${file}: not an OpenFGA conformance file: ${detail}`);
    this.name = 'ConformanceFormatError';
  }
}

/** Parses one YAML document of OpenFGA conformance tests. */
export function parseConformanceYaml(text: string, fileName: string): CaseSpec[] {
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (err) {
    throw new ConformanceFormatError(fileName, (err as Error).message);
  }
  const parsed = file.safeParse(doc);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConformanceFormatError(fileName, `${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  return parsed.data.tests.map((t) => ({ name: t.name, file: fileName, stages: t.stages }));
}
