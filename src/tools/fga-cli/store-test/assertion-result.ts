// One assertion of a store test, once run: what was asked, what was expected, what came back.
import { FgaApiError } from '@openfga/sdk';

export type AssertionKind = 'check' | 'list_objects' | 'list_users';

export interface AssertionResult {
  file: string;
  test: string;
  kind: AssertionKind;
  /** Human-readable request, e.g. `user=user:anne relation=viewer object=doc:1`. */
  request: string;
  expected: string;
  got: string;
  passed: boolean;
}

/** The engine's error as `code: message` (the SDK keeps OpenFGA's error body on the error). */
export function describeError(error: unknown): string {
  if (error instanceof FgaApiError) {
    const code = (error as { apiErrorCode?: string }).apiErrorCode;
    const message = error.apiErrorMessage ?? error.message;
    return `error ${error.statusCode ?? ''} ${code ? `${code}: ` : ''}${message}`.replace(/\s+/g, ' ').trim();
  }
  return `error: ${error instanceof Error ? error.message : String(error)}`;
}

/** Sorted copy for order-insensitive comparison and stable printing (the CLI sorts too). */
export function sortedList(values: string[]): string[] {
  return [...values].sort();
}

export function sameMembers(a: string[], b: string[]): boolean {
  if (a.length !== b.length) return false;
  const left = sortedList(a);
  const right = sortedList(b);
  return left.every((value, index) => value === right[index]);
}

export function formatList(values: string[]): string {
  return `[${sortedList(values).join(', ')}]`;
}

/** One line for a failing assertion: file, test, kind, request, expected, got. */
export function formatFailure(result: AssertionResult): string {
  return `FAIL ${result.file} › ${result.test} › ${result.kind} ${result.request} › expected ${result.expected}, got ${result.got}`;
}
