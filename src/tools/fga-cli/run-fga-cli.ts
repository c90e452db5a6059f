// Command dispatch for `npm run fga -- <command> [args]`. Each command lives in its own file under
// commands/; adding one (diff, impact, deploy) is one import and one entry in the list below.
import { processOutput, type CliCommand, type CliOutput } from './cli-command.js';
import { testCommand } from './commands/test-command.js';
import { validateCommand } from './commands/validate-command.js';

export const COMMANDS: ReadonlyMap<string, CliCommand> = new Map(
  [testCommand, validateCommand].map((command) => [command.name, command]),
);

function printUsage(output: CliOutput): void {
  output.err('usage: npm run fga -- <command> [args]');
  output.err('');
  for (const command of COMMANDS.values()) output.err(`  ${command.usage.padEnd(34)} ${command.summary}`);
}

/** Resolves to the exit code: 2 for a usage error, otherwise what the command returns. */
export async function runFgaCli(argv: string[], output: CliOutput = processOutput): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    printUsage(output);
    return name ? 0 : 2;
  }
  const command = COMMANDS.get(name);
  if (!command) {
    output.err(`unknown command '${name}'`);
    printUsage(output);
    return 2;
  }
  return command.run(args, output);
}
