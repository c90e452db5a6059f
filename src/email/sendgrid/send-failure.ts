// What a failed Mail Send call means for the message, which decides what a retry may do:
//   invalid   SendGrid refused the request as malformed (400, 413): not sent, and a retry cannot help
//   refused   SendGrid answered with another error (401, 403, 429, 5xx) or could not be reached: not sent
//   unknown   no answer (timeout, connection cut): SendGrid may have accepted it
export type SendFailureKind = 'invalid' | 'refused' | 'unknown';

// Failures before a request could reach SendGrid: nothing can have been accepted.
const UNREACHED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ERR_INVALID_URL', 'ERR_BAD_OPTION']);

export function classifySendFailure(error: unknown): { kind: SendFailureKind; status?: number; summary: string } {
  const err = error as { code?: unknown; message?: unknown; response?: { body?: { errors?: Array<{ message?: string; field?: string | null }> } } };
  if (typeof err?.code === 'number') {
    const status = err.code;
    const reasons = (err.response?.body?.errors ?? []).map((e) => `${e.field ? `${e.field}: ` : ''}${e.message ?? ''}`).join('; ');
    const summary = `SendGrid answered ${status}${reasons ? `: ${reasons}` : ''}`;
    return { kind: status === 400 || status === 413 ? 'invalid' : 'refused', status, summary };
  }
  const code = typeof err?.code === 'string' ? err.code : undefined;
  const summary = `${code ?? 'error'}: ${String(err?.message ?? error)}`;
  return { kind: code && UNREACHED.has(code) ? 'refused' : 'unknown', summary };
}
