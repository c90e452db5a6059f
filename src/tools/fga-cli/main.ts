// Entry point of `npm run fga -- <command> [args]` (tools for the permission model in fga/).
// Dispatch lives in run-fga-cli.ts so tests can call it without spawning a process.
import { processOutput } from './cli-command.js';
import { runFgaCli } from './run-fga-cli.js';

try {
  process.exitCode = await runFgaCli(process.argv.slice(2));
} catch (error) {
  processOutput.err(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
}
