// What a failed @openfga/sdk call tells us: HTTP status and OpenFGA error code. The SDK throws
// FgaApiValidationError (400), FgaApiNotFoundError (404), FgaApiInternalError (5xx) etc., all
// carrying `statusCode` and the response body; a streamed call reports in-stream errors as a plain
// FgaError whose message holds the code.
import { ERROR_CODES } from '../errors.js';

export interface CallFailure {
  status?: number;
  /** OpenFGA error code name as sent on the wire (e.g. "validation_error"). */
  code?: string;
  message: string;
}

const NAME_BY_NUMBER = new Map<number, string>(Object.entries(ERROR_CODES).map(([name, n]) => [n, name]));

/** Maps an OpenFGA numeric error code to its wire name (`#<n>` when unknown to the engine). */
export function errorCodeName(code: number): string {
  return NAME_BY_NUMBER.get(code) ?? `#${code}`;
}

export function describeFailure(err: unknown): CallFailure {
  const e = err as { statusCode?: number; responseData?: { code?: unknown; message?: unknown }; apiErrorCode?: unknown; message?: string };
  const message = typeof e?.responseData?.message === 'string' ? e.responseData.message : String(e?.message ?? err);
  const rawCode = e?.responseData?.code ?? e?.apiErrorCode;
  if (typeof rawCode === 'string' || typeof rawCode === 'number') {
    return { status: e.statusCode, code: typeof rawCode === 'number' ? errorCodeName(rawCode) : rawCode, message };
  }
  const inStream = /stream returned an error \(code: ([\w-]+)\)/.exec(message);
  if (inStream) {
    const code = /^\d+$/.test(inStream[1]) ? errorCodeName(Number(inStream[1])) : inStream[1];
    return { status: 400, code, message };
  }
  return { status: e?.statusCode, message };
}

export function formatFailure(f: CallFailure): string {
  return `error ${f.status ?? '?'} ${f.code ?? ''}: ${f.message}`.replace(/\s+/g, ' ').trim();
}

/** An errorCode expectation holds when the call was rejected with HTTP 400 and that code. */
export function matchesErrorCode(f: CallFailure, expected: number): boolean {
  return f.status === 400 && f.code === errorCodeName(expected);
}
