// Every failure leaves the API as OpenFGA's error body `{ "code": "...", "message": "..." }` with
// the status its code maps to. Unexpected exceptions become 500 internal_error without details.
import type { ServerResponse } from 'node:http';
import { FgaError } from '../errors.js';

export interface EngineLogger {
  info?(message: string, details?: Record<string, unknown>): void;
  error?(message: string, details?: Record<string, unknown>): void;
}

export function toFgaError(err: unknown, logger?: EngineLogger): FgaError {
  if (err instanceof FgaError) return err;
  logger?.error?.('fga-engine: unexpected error', { error: err instanceof Error ? err.stack ?? err.message : String(err) });
  return new FgaError('internal_error', 'Internal Server Error');
}

export function sendError(res: ServerResponse, err: unknown, logger?: EngineLogger): void {
  const fgaError = toFgaError(err, logger);
  if (res.headersSent) {
    res.destroy();
    return;
  }
  sendJson(res, fgaError.status, fgaError.toJSON());
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) });
  res.end(payload);
}

/** grpc-gateway writes a stream error as a google.rpc.Status chunk carrying the gRPC code. */
export function grpcCodeForStatus(status: number): number {
  switch (status) {
    case 400: return 3; // InvalidArgument
    case 401: return 16; // Unauthenticated
    case 404: return 5; // NotFound
    case 409: return 10; // Aborted
    case 422: return 8; // ResourceExhausted
    default: return 13; // Internal
  }
}
