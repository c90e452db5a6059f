// Reads a request body as JSON without a body-parser middleware (one less layer on the hot path).
// A body that is not a JSON object is OpenFGA's 400 validation_error, like grpc-gateway's decoder.
import type { IncomingMessage } from 'node:http';
import { FgaError, fgaErrors } from '../errors.js';

/**
 * OpenFGA caps the decoded protobuf message at 616,448 bytes (512 * 1_204); the same content as
 * JSON is larger, so the cap on the raw body is looser. Models and writes have their own limits.
 */
export const MAX_BODY_BYTES = 4 * 1024 * 1024;

export async function readJsonObject(req: IncomingMessage): Promise<Record<string, unknown>> {
  return parseJsonObject(await readText(req));
}

/** The error for a body of `size` bytes when it is over MAX_BODY_BYTES. */
export function bodyTooLarge(size: number): FgaError | undefined {
  // 400 rather than OpenFGA's 500 for resource_exhausted: the SDK retries 5xx, resending the body.
  return size > MAX_BODY_BYTES ? new FgaError('resource_exhausted', `grpc: received message larger than max (${size} vs. ${MAX_BODY_BYTES})`, 400) : undefined;
}

export function parseJsonObject(text: string): Record<string, unknown> {
  if (text.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw fgaErrors.validation('malformed JSON');
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw fgaErrors.validation('invalid request body: expected a JSON object');
  }
  return value as Record<string, unknown>;
}

function readText(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      const tooLarge = bodyTooLarge(size);
      if (tooLarge) {
        reject(tooLarge);
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
