// `npm run fga -- test [FILE|DIR...]`: runs store test files in the format of OpenFGA's CLI
// (`fga model test`) against the embedded engine. Exit 1 when any assertion fails.
import type { RunCommand } from '../cli-command.js';
import { DEFAULT_TEST_DIR, findStoreFiles } from '../store-test/find-store-files.js';
import { runStoreFiles } from '../store-test/run-store-files.js';

export const runTestCommand: RunCommand = async (args, output) => {
  const files = await findStoreFiles(args);
  if (files.length === 0) {
    output.err(`no store test files (*.fga.yaml) found in ${args.join(' ') || DEFAULT_TEST_DIR}`);
    return 1;
  }
  const { passed, failed } = await runStoreFiles(files, (line) => output.out(line));
  output.out(`${passed} passed, ${failed} failed`);
  return failed > 0 ? 1 : 0;
};
