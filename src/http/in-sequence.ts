import type { NextFunction, Request, RequestHandler, Response } from 'express';

/**
 * Several middlewares as one: each runs when the one before calls `next()`, an error (passed to `next`,
 * thrown, or a rejected promise) goes straight to Express's error handling, as each would on its own.
 * Express's router charges every layer a walk of its own (path match, params, its `next`); the
 * middlewares every request passes through cost less as one layer.
 */
export function inSequence(handlers: RequestHandler[]): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    let index = 0;
    const step = (error?: unknown): void => {
      if (error) {
        next(error);
        return;
      }
      const handler = handlers[index++];
      if (!handler) {
        next();
        return;
      }
      try {
        const returned: unknown = handler(req, res, step);
        if (returned instanceof Promise) returned.catch((thrown: unknown) => step(thrown ?? new Error('middleware rejected')));
      } catch (thrown) {
        step(thrown ?? new Error('middleware threw'));
      }
    };
    step();
  };
}
