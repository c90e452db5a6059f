import type { CliOutput } from '../../src/tools/fga-cli/cli-command.js';

/** A CliOutput that keeps what a command printed, for assertions. */
export function collectOutput(): CliOutput & { lines: string[]; errors: string[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  return { lines, errors, out: (line) => lines.push(line), err: (line) => errors.push(line) };
}
