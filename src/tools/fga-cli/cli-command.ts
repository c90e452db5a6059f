// The shape every `npm run fga -- <command>` implements, so the dispatcher stays a plain lookup and
// commands can be run from tests without spawning a process.

/** Where a command writes: stdout for results, stderr for problems. Tests pass collectors. */
export interface CliOutput {
  out(line: string): void;
  err(line: string): void;
}

/** Runs with the arguments after the command name and resolves to the process exit code. */
export type RunCommand = (args: string[], output: CliOutput) => Promise<number>;

export interface CliCommand {
  name: string;
  usage: string;
  /** One line for the usage text. */
  summary: string;
  /** Loads the command's module on demand: `validate` need not load the engine's HTTP server. */
  load(): Promise<RunCommand>;
}

export const processOutput: CliOutput = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};
