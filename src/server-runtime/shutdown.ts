import type { Logger } from 'pino';

interface Step {
  name: string;
  run: () => Promise<unknown>;
}

/**
 * The ordered list of things to stop. Steps run one after another in the order they were added (HTTP
 * first, then workers, then connections); a failing or hanging step is logged and skipped so the rest
 * still close. `run` happens once, however many signals arrive.
 */
export class ShutdownSequence {
  private readonly steps: Step[] = [];
  private running: Promise<boolean> | undefined;

  constructor(
    private readonly logger: Logger,
    private readonly stepTimeoutMs: number,
  ) {}

  get started(): boolean {
    return this.running !== undefined;
  }

  add(name: string, run: () => Promise<unknown>): void {
    this.steps.push({ name, run });
  }

  /** Resolves true when every step finished cleanly. */
  run(reason: string): Promise<boolean> {
    this.running ??= this.runSteps(reason);
    return this.running;
  }

  private async runSteps(reason: string): Promise<boolean> {
    this.logger.info({ reason }, 'shutting down');
    let clean = true;
    for (const step of this.steps) {
      let timer: NodeJS.Timeout | undefined;
      try {
        await Promise.race([
          step.run(),
          new Promise((_, reject) => {
            timer = setTimeout(() => reject(new Error(`${step.name} did not stop within ${this.stepTimeoutMs}ms`)), this.stepTimeoutMs);
          }),
        ]);
        this.logger.debug({ step: step.name }, 'stopped');
      } catch (error) {
        clean = false;
        this.logger.error({ err: error, step: step.name }, `failed to stop ${step.name}`);
      } finally {
        clearTimeout(timer);
      }
    }
    return clean;
  }
}
