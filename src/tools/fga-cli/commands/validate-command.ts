// `npm run fga -- validate [FILE]` (default fga/model.fga; DSL, JSON or fga.mod): syntax errors with
// line numbers from the syntax-transformer, then the engine's own model validation — the same rules
// the server applies on WriteAuthorizationModel — located in the DSL where its message names a type
// or relation. The transformer's validator adds its findings with exact positions. Exit 1 on errors.
import { relative } from 'node:path';
import { validator } from '@openfga/syntax-transformer';
import { ulid } from 'ulid';
import { FgaError } from '../../../fga-engine/errors.js';
import { validateAuthorizationModel } from '../../../fga-engine/model/index.js';
import type { RunCommand } from '../cli-command.js';
import { locateInDsl } from '../model-source/locate-in-dsl.js';
import { formatIssue, issuesFromTransformerError, ModelSourceError, type ModelSourceIssue } from '../model-source/model-source-error.js';
import { readModelSource, type ModelSource } from '../model-source/read-model-source.js';

export const DEFAULT_MODEL_FILE = 'fga/model.fga';

/** The transformer's own semantic checks on a single DSL file (positions exact, rules a little stricter). */
function transformerFindings(source: ModelSource): ModelSourceIssue[] {
  if (source.format !== 'dsl') return [];
  const [{ path, text }] = source.dslSources;
  try {
    validator.validateDSL(text);
    return [];
  } catch (error) {
    return issuesFromTransformerError(error, path);
  }
}

/** The engine's verdict, or undefined when it accepts the model. */
function engineError(source: ModelSource): FgaError | undefined {
  try {
    validateAuthorizationModel({ id: ulid(), ...source.body });
    return undefined;
  } catch (error) {
    if (error instanceof FgaError) return error;
    throw error;
  }
}

export const runValidateCommand: RunCommand = async (args, output) => {
  if (args.length > 1) {
    output.err('usage: npm run fga -- validate [FILE]');
    return 2;
  }
  const path = args[0] ?? DEFAULT_MODEL_FILE;
  const show = (file: string) => relative(process.cwd(), file) || file;
  const print = (severity: string, issue: ModelSourceIssue) =>
    output.out(formatIssue({ ...issue, file: issue.file ? show(issue.file) : undefined, message: `${severity}: ${issue.message}` }));

  let source: ModelSource;
  try {
    source = await readModelSource(path);
  } catch (error) {
    if (!(error instanceof ModelSourceError)) throw error;
    for (const issue of error.issues) print('error', issue);
    output.out(`${show(path)}: ${error.issues.length} error(s)`);
    return 1;
  }

  const rejected = engineError(source);
  const findings = transformerFindings(source);
  if (rejected) {
    const at = locateInDsl(rejected.message, source.dslSources);
    print('error', { file: at?.path ?? path, line: at?.line, message: `${rejected.message} (${rejected.code})` });
  }
  for (const finding of findings) print(rejected ? 'error' : 'warning', finding);
  if (rejected) {
    output.out(`${show(path)}: ${1 + findings.length} error(s)`);
    return 1;
  }
  const types = source.body.type_definitions.length;
  const relations = source.body.type_definitions.reduce((sum, type) => sum + Object.keys(type.relations ?? {}).length, 0);
  const conditions = Object.keys(source.body.conditions ?? {}).length;
  output.out(`${show(path)}: valid (${types} types, ${relations} relations, ${conditions} conditions)`);
  return 0;
};
