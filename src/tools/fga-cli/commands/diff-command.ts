// `npm run fga -- diff [FILE] [--json]`: what the file (default fga/model.fga) changes against the model
// the app answers with now: types and relations added, removed and changed, and conditions.
import { parseArgs } from 'node:util';
import type { RunCommand } from '../cli-command.js';
import { openDeployedStore } from '../deployed/deployed-store.js';
import { diffModels, formatDiff, isEmptyDiff } from '../model-diff/diff-models.js';
import { loadModelFile } from '../model-source/load-model.js';
import { ModelSourceError, formatIssue } from '../model-source/model-source-error.js';
import { DEFAULT_MODEL_FILE } from './validate-command.js';

export const runDiffCommand: RunCommand = async (args, output) => {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean', default: false } } });
  if (positionals.length > 1) {
    output.err('usage: npm run fga -- diff [FILE] [--json]');
    return 2;
  }
  const path = positionals[0] ?? DEFAULT_MODEL_FILE;
  let candidate;
  try {
    candidate = await loadModelFile(path);
  } catch (error) {
    if (!(error instanceof ModelSourceError)) throw error;
    for (const issue of error.issues) output.err(formatIssue(issue));
    return 1;
  }
  const store = await openDeployedStore();
  try {
    if (!store.model) {
      output.out(`no model is deployed in store ${store.storeId} yet: everything in ${path} is new`);
      return 0;
    }
    const diff = diffModels(store.model, candidate);
    if (values.json) {
      output.out(JSON.stringify({ deployedModelId: store.model.id, file: path, ...diff }));
      return 0;
    }
    const by = store.deployment ? ` (${store.deployment.source} ${store.deployment.deployedAt}${store.deployment.deployedBy ? ` by ${store.deployment.deployedBy}` : ''})` : '';
    output.out(`deployed model ${store.model.id}${by} → ${path}`);
    for (const line of isEmptyDiff(diff) ? ['no differences'] : formatDiff(diff)) output.out(line);
    return 0;
  } finally {
    await store.close();
  }
};
