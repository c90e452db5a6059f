import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SendGridError } from './mail-send-validation.js';

const MAX_BODY_BYTES = 30 * 1024 * 1024; // SendGrid's own limit for a Mail Send request

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
}

/** SendGrid's error shape: { errors: [{ message, field, help }] }. */
export function sendErrors(res: ServerResponse, status: number, errors: SendGridError[]): void {
  sendJson(res, status, { errors });
}

export const error = (message: string): SendGridError => ({ message, field: null, help: null });

export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(Object.assign(new Error('The JSON payload you have included in your request is too large.'), { status: 413 }));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
