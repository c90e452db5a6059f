/** A command enqueued something the job catalogue does not allow (a bug in the command, not bad input). */
export class JobOutboxRecordError extends Error {
  constructor(problem: string) {
    super(`Cannot enqueue job: ${problem}`);
    this.name = 'JobOutboxRecordError';
  }
}
