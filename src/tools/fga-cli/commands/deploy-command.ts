// `npm run fga -- deploy [FILE] [--tests PATH...] [--by NAME] [--dry-run]`: validates the model
// (default fga/model.fga), runs the store tests against it (default fga/tests; files testing
// fga/model.fga test FILE instead), and only if every assertion passes writes it to the app's store
// and records the deployment. Running API and worker processes switch to it without a restart.
import { userInfo } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { recordDeployment } from '../../../authz/model-deployments.js';
import type { RunCommand } from '../cli-command.js';
import { openDeployedStore } from '../deployed/deployed-store.js';
import { diffModels, formatDiff, isEmptyDiff } from '../model-diff/diff-models.js';
import { loadModelFile } from '../model-source/load-model.js';
import { modelFileSha256 } from '../model-source/model-file-hash.js';
import { findStoreFiles } from '../store-test/find-store-files.js';
import { runStoreFiles } from '../store-test/run-store-files.js';
import { DEFAULT_MODEL_FILE, runValidateCommand } from './validate-command.js';

export const runDeployCommand: RunCommand = async (args, output) => {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { tests: { type: 'string', multiple: true }, by: { type: 'string' }, 'dry-run': { type: 'boolean', default: false } },
  });
  if (positionals.length > 1) {
    output.err('usage: npm run fga -- deploy [FILE] [--tests PATH...] [--by NAME] [--dry-run]');
    return 2;
  }
  const path = positionals[0] ?? DEFAULT_MODEL_FILE;
  if ((await runValidateCommand([path], output)) !== 0) {
    output.out(`refused: ${path} is not a valid model`);
    return 1;
  }
  const model = await loadModelFile(path);
  const testFiles = await findStoreFiles(values.tests ?? []);
  const tests = await runStoreFiles(testFiles, (line) => output.out(line), { replaceModel: { file: resolve(DEFAULT_MODEL_FILE), model } });
  output.out(`store tests: ${tests.passed} passed, ${tests.failed} failed`);
  if (tests.failed > 0 || tests.passed === 0) {
    output.out(`refused: ${tests.failed > 0 ? 'store tests fail' : 'no store test ran'} against ${path}; nothing was deployed`);
    return 1;
  }

  const store = await openDeployedStore();
  try {
    const diff = store.model ? diffModels(store.model, model) : undefined;
    output.out(store.model ? `changes against deployed model ${store.model.id}:` : 'no model was deployed before');
    for (const line of diff ? (isEmptyDiff(diff) ? ['  none'] : formatDiff(diff).map((l) => `  ${l}`)) : []) output.out(line);
    if (values['dry-run']) {
      output.out('dry run: nothing was deployed');
      return 0;
    }
    const { authorization_model_id: modelId } = await store.client.writeAuthorizationModel(model as never);
    const deployment = await recordDeployment(store.orm, {
      storeId: store.storeId,
      modelId,
      modelSha256: await modelFileSha256(path),
      source: 'deploy',
      deployedBy: values.by ?? userInfo().username,
    });
    output.out(`deployed model ${modelId} (sha256 ${deployment.modelSha256}) to store ${store.storeId}; running processes switch to it within FGA_MODEL_REFRESH_MS`);
    return 0;
  } finally {
    await store.close();
  }
};
