// One error type for "this model source cannot be turned into a model": it carries every problem
// with file and 1-based line/column, converted from @openfga/syntax-transformer's error classes
// (whose lines and columns are zero-based).

export interface ModelSourceIssue {
  file?: string;
  /** 1-based. */
  line?: number;
  /** 1-based. */
  column?: number;
  message: string;
}

export class ModelSourceError extends Error {
  readonly issues: ModelSourceIssue[];
  constructor(issues: ModelSourceIssue[]) {
    super(issues.map(formatIssue).join('; '));
    this.name = 'ModelSourceError';
    this.issues = issues;
  }
}

/** `file:line:column: message`, leaving out what is unknown. */
export function formatIssue(issue: ModelSourceIssue): string {
  const where = [issue.file, issue.line, issue.line !== undefined ? issue.column : undefined]
    .filter((part) => part !== undefined && part !== '')
    .join(':');
  return where ? `${where}: ${issue.message}` : issue.message;
}

interface TransformerSingleError {
  msg?: string;
  message?: string;
  file?: string;
  line?: { start: number };
  column?: { start: number };
}

/**
 * Converts whatever the syntax-transformer threw into issues. Its multi-errors (DSLSyntaxError,
 * ModelValidationError, FGAModFileValidationError, ModuleTransformationError) carry `errors`;
 * anything else becomes one issue without a position.
 */
export function issuesFromTransformerError(error: unknown, file?: string, resolveFile?: (name: string) => string): ModelSourceIssue[] {
  const nested = (error as { errors?: unknown }).errors;
  if (Array.isArray(nested) && nested.length > 0) {
    return nested.map((single: TransformerSingleError) => ({
      file: single.file ? (resolveFile ? resolveFile(single.file) : single.file) : file,
      line: single.line ? single.line.start + 1 : undefined,
      column: single.line && single.column ? single.column.start + 1 : undefined,
      message: single.msg ?? single.message ?? String(single),
    }));
  }
  return [{ file, message: error instanceof Error ? error.message : String(error) }];
}
