// `npm run fga -- impact [FILE] [--from MODEL] [--tuples FILE] [--json]`: replays the current tuples
// (the deployed store's, or a tuple file) against the deployed model (or --from) and FILE, and reports
// per relation how many users gain or lose access to how many objects, with examples.
import { parseArgs } from 'node:util';
import type { RunCommand } from '../cli-command.js';
import { openDeployedStore, readAllTuples, type DeployedStore } from '../deployed/deployed-store.js';
import { computeImpact, formatImpact } from '../impact/compute-impact.js';
import { loadModelFile } from '../model-source/load-model.js';
import type { ModelBody } from '../model-source/model-body.js';
import { ModelSourceError, formatIssue } from '../model-source/model-source-error.js';
import type { TupleEntry } from '../store-file/store-file-schema.js';
import { readTupleFile } from '../store-file/tuple-file.js';
import { DEFAULT_MODEL_FILE } from './validate-command.js';

export const runImpactCommand: RunCommand = async (args, output) => {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { from: { type: 'string' }, tuples: { type: 'string' }, json: { type: 'boolean', default: false } },
  });
  if (positionals.length > 1) {
    output.err('usage: npm run fga -- impact [FILE] [--from MODEL_FILE] [--tuples TUPLE_FILE] [--json]');
    return 2;
  }
  const path = positionals[0] ?? DEFAULT_MODEL_FILE;
  let after: ModelBody;
  let before: ModelBody | undefined;
  let tuples: TupleEntry[] | undefined;
  try {
    after = await loadModelFile(path);
    if (values.from) before = await loadModelFile(values.from);
    if (values.tuples) tuples = await readTupleFile(values.tuples);
  } catch (error) {
    if (error instanceof ModelSourceError) for (const issue of error.issues) output.err(formatIssue(issue));
    else output.err(error instanceof Error ? error.message : String(error));
    return 1;
  }
  let store: DeployedStore | undefined;
  try {
    if (!before || !tuples) {
      store = await openDeployedStore();
      before ??= store.model;
      if (!before) {
        output.err(`no model is deployed in store ${store.storeId}: pass --from MODEL_FILE`);
        return 1;
      }
      tuples ??= await readAllTuples(store.client);
    }
    const report = await computeImpact(before, after, tuples, (line) => output.err(line));
    if (values.json) output.out(JSON.stringify(report));
    else for (const line of formatImpact(report)) output.out(line);
    return 0;
  } finally {
    await store?.close();
  }
};
