// Errors of the streamed list-objects call. Over HTTP, OpenFGA's gateway reports them as
// `{"error":{"code":<gRPC code>,"message":...}}`: the code is the gRPC status (3 INVALID_ARGUMENT for
// every 400) rather than OpenFGA's error name, so a 400 with INVALID_ARGUMENT (or the name itself)
// is as close as the streamed call can come to an errorCode.
import type { Readable } from 'node:stream';
import type { CallFailure } from './sdk-failure.js';
import { describeFailure, errorCodeName } from './sdk-failure.js';

const GRPC_INVALID_ARGUMENT = 3;

async function readAll(stream: Readable): Promise<string> {
  const parts: Buffer[] = [];
  for await (const chunk of stream) parts.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(parts).toString('utf8');
}

/** Like describeFailure, but also reads the error line from an unconsumed response stream. */
export async function describeStreamFailure(err: unknown): Promise<CallFailure> {
  const failure = describeFailure(err);
  const body = (err as { responseData?: unknown })?.responseData as Readable | undefined;
  if (failure.code || !body || typeof (body as Readable).on !== 'function') return failure;
  try {
    const text = await readAll(body);
    const line = JSON.parse(text.trim().split('\n').pop() ?? '{}') as { error?: { code?: unknown; message?: unknown }; code?: unknown; message?: unknown };
    const error = line.error ?? line;
    const code = error.code;
    const message = typeof error.message === 'string' ? error.message : failure.message;
    if (typeof code === 'string') return { ...failure, code, message };
    if (typeof code === 'number') {
      const name = code === GRPC_INVALID_ARGUMENT ? 'INVALID_ARGUMENT' : errorCodeName(code);
      return { ...failure, code: name, message };
    }
    return { ...failure, message };
  } catch {
    return failure;
  }
}

export function matchesStreamErrorCode(f: CallFailure, expected: number): boolean {
  return f.status === 400 && (f.code === errorCodeName(expected) || f.code === 'INVALID_ARGUMENT');
}
