// Command dispatch for `npm run fga -- <command> [args]`. Each command lives in its own file under
// commands/; adding one is one entry in the list below.
import { processOutput, type CliCommand, type CliOutput } from './cli-command.js';

export const COMMANDS: readonly CliCommand[] = [
  {
    name: 'test',
    usage: 'test [FILE|DIR...]',
    summary: 'run store tests in OpenFGA CLI format (default fga/tests/*.fga.yaml)',
    load: async () => (await import('./commands/test-command.js')).runTestCommand,
  },
  {
    name: 'validate',
    usage: 'validate [FILE]',
    summary: 'report syntax and semantic errors of a model (default fga/model.fga)',
    load: async () => (await import('./commands/validate-command.js')).runValidateCommand,
  },
  {
    name: 'diff',
    usage: 'diff [FILE] [--json]',
    summary: 'types and relations the file adds, removes or changes against the deployed model',
    load: async () => (await import('./commands/diff-command.js')).runDiffCommand,
  },
  {
    name: 'impact',
    usage: 'impact [FILE] [--from MODEL] [--tuples FILE] [--json]',
    summary: 'replay the current tuples against both models: who gains or loses access to what',
    load: async () => (await import('./commands/impact-command.js')).runImpactCommand,
  },
  {
    name: 'deploy',
    usage: 'deploy [FILE] [--tests PATH...] [--by NAME] [--dry-run]',
    summary: 'validate, run the store tests, then write the model; running processes switch to it',
    load: async () => (await import('./commands/deploy-command.js')).runDeployCommand,
  },
];

function printUsage(output: CliOutput): void {
  output.err('usage: npm run fga -- <command> [args]');
  output.err('');
  for (const command of COMMANDS) output.err(`  ${command.usage.padEnd(56)} ${command.summary}`);
}

/** Resolves to the exit code: 2 for a usage error, otherwise what the command returns. */
export async function runFgaCli(argv: string[], output: CliOutput = processOutput): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    printUsage(output);
    return name ? 0 : 2;
  }
  const command = COMMANDS.find((candidate) => candidate.name === name);
  if (!command) {
    output.err(`unknown command '${name}'`);
    printUsage(output);
    return 2;
  }
  const run = await command.load();
  return run(args, output);
}
