// Check outcomes and OpenFGA's set-operator rules for combining them (internal/graph/check.go).
// Handlers never reject: an error is a value, so operators can let a decisive operand hide it.

export interface Outcome {
  allowed: boolean;
  /** A cycle was met on the way to a false answer. */
  cycle?: boolean;
  error?: Error;
}

export type Handler = () => Promise<Outcome>;

export const ALLOWED: Outcome = { allowed: true };
export const DENIED: Outcome = { allowed: false };

export function failed(error: unknown): Outcome {
  return { allowed: false, error: error instanceof Error ? error : new Error(String(error)) };
}

/** Runs a handler, turning a thrown error into an error outcome. */
export async function run(handler: Handler): Promise<Outcome> {
  try {
    return await handler();
  } catch (e) {
    return failed(e);
  }
}

/**
 * Any true → true (as soon as it arrives); else any error → error; else false.
 * Operands run concurrently.
 */
export function union(handlers: Handler[]): Promise<Outcome> {
  if (handlers.length === 0) return Promise.resolve(DENIED);
  if (handlers.length === 1) return run(handlers[0]);
  return new Promise((resolve) => {
    let pending = handlers.length;
    let error: Error | undefined;
    let cycle = false;
    let done = false;
    for (const handler of handlers) {
      void run(handler).then((o) => {
        if (done) return;
        if (o.error) error = o.error;
        else if (o.allowed) {
          done = true;
          resolve(ALLOWED);
          return;
        } else if (o.cycle) cycle = true;
        if (--pending === 0) {
          done = true;
          resolve(error ? failed(error) : { allowed: false, cycle });
        }
      });
    }
  });
}

/**
 * The union of `first` and `then` with the same outcome as one `union` of both, but `then` only runs
 * when no operand of `first` holds.
 */
export async function unionInPhases(first: Handler[], then: Handler[]): Promise<Outcome> {
  const early = await union(first);
  if (early.allowed) return ALLOWED;
  const late = await union(then);
  if (late.allowed) return ALLOWED;
  const error = early.error ?? late.error;
  return error ? failed(error) : { allowed: false, cycle: Boolean(early.cycle || late.cycle) };
}

/** Any false or cycle → false (as soon as it arrives); else any error → error; else true. */
export function intersection(handlers: Handler[]): Promise<Outcome> {
  return new Promise((resolve) => {
    let pending = handlers.length;
    let error: Error | undefined;
    let done = false;
    for (const handler of handlers) {
      void run(handler).then((o) => {
        if (done) return;
        if (o.error) {
          error ??= o.error;
        } else if (!o.allowed || o.cycle) {
          done = true;
          resolve({ allowed: false, cycle: o.cycle });
          return;
        }
        if (--pending === 0) {
          done = true;
          resolve(error ? failed(error) : ALLOWED);
        }
      });
    }
  });
}

/** Base false/cycle or subtract true/cycle → false; else any error (base first) → error; else true. */
export function exclusion(base: Handler, subtract: Handler): Promise<Outcome> {
  return new Promise((resolve) => {
    let baseOutcome: Outcome | undefined;
    let subtractOutcome: Outcome | undefined;
    let done = false;
    const settle = () => {
      if (done || !baseOutcome || !subtractOutcome) return;
      done = true;
      if (baseOutcome.error) resolve(failed(baseOutcome.error));
      else if (subtractOutcome.error) resolve(failed(subtractOutcome.error));
      else resolve(ALLOWED);
    };
    void run(base).then((o) => {
      if (done) return;
      if (!o.error && (!o.allowed || o.cycle)) {
        done = true;
        resolve({ allowed: false, cycle: o.cycle });
        return;
      }
      baseOutcome = o;
      settle();
    });
    void run(subtract).then((o) => {
      if (done) return;
      if (!o.error && (o.allowed || o.cycle)) {
        done = true;
        resolve({ allowed: false, cycle: o.cycle });
        return;
      }
      subtractOutcome = o;
      settle();
    });
  });
}
