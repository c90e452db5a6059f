import type { RequestHandler } from 'express';
import type { ZodType } from 'zod';
import { AppError } from './app-error.js';
import { describeIssue, formatPath, type InputLocation } from './issue-messages.js';
import './types.js';

export interface RequestSchemas {
  body?: ZodType;
  query?: ZodType;
  params?: ZodType;
}

export interface ValidationIssue {
  path: string;
  message: string;
}

// Path parameters first: a wrong id says more than a wrong body field.
const LOCATIONS: InputLocation[] = ['params', 'query', 'body'];

/** States up to three problems in the error's message; `details` always lists every one. */
function summarize(issues: ValidationIssue[]): string {
  const shown = issues.slice(0, 3).map((i) => i.message).join('; ');
  return issues.length > 3 ? `${shown} (and ${issues.length - 3} more)` : shown;
}

/**
 * Parses body, query and path parameters with zod. On success the parsed values are in `req.valid`;
 * on failure a 400 `validation` error lists `{ path, message }` per problem. Messages the schema states
 * itself (`z.string().min(1, '…')`) win over the generic ones.
 */
export function validate(schemas: RequestSchemas): RequestHandler {
  return (req, _res, next) => {
    const issues: ValidationIssue[] = [];
    const parsed: Partial<Record<InputLocation, unknown>> = {};
    for (const location of LOCATIONS) {
      const schema = schemas[location];
      if (!schema) continue;
      const result = schema.safeParse(req[location], { error: (issue) => describeIssue(issue, location) });
      if (result.success) parsed[location] = result.data;
      else for (const issue of result.error.issues) issues.push({ path: formatPath(issue.path), message: issue.message });
    }
    if (issues.length > 0) {
      next(new AppError('validation', summarize(issues), issues, 'validation'));
      return;
    }
    req.valid = { ...req.valid, ...parsed } as typeof req.valid;
    next();
  };
}
