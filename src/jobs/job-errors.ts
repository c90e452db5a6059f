/** A job that no retry can fix (malformed data, unknown template): the worker fails it at once. */
export class PermanentJobError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PermanentJobError';
  }
}

/** Thrown by a context's delayUntil: the job was moved to run later and this attempt ends here. */
export class JobMovedError extends Error {
  constructor(readonly until: number, readonly reason: string) {
    super(`moved to ${new Date(until).toISOString()}: ${reason}`);
    this.name = 'JobMovedError';
  }
}
