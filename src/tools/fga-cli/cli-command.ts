// The shape every `npm run fga -- <command>` implements, so main.ts stays a plain dispatcher and
// commands can be run from tests without spawning a process.

/** Where a command writes: stdout for results, stderr for problems. Tests pass collectors. */
export interface CliOutput {
  out(line: string): void;
  err(line: string): void;
}

export interface CliCommand {
  name: string;
  /** One line for the usage text. */
  summary: string;
  usage: string;
  /** Runs with the arguments after the command name and resolves to the process exit code. */
  run(args: string[], output: CliOutput): Promise<number>;
}

export const processOutput: CliOutput = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};
