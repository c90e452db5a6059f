import { pino, type DestinationStream, type Logger } from 'pino';
import { logLevelFromEnv } from '../config/index.js';
import { scrubLogLine } from './redaction.js';
import { serializeError, serializeRequest, serializeResponse } from './serializers.js';

export type { Logger } from 'pino';

/**
 * A JSON logger that never writes tokens, cookies, emails, dates of birth, medical notes or emergency
 * contacts: serializers keep requests and errors lean, and every finished line passes `scrubLogLine`,
 * which reaches any depth, child bindings included (pino's own `redact` paths cannot express "any depth").
 */
export function createLogger(level: string = 'info', destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'touchline' },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      serializers: { err: serializeError, error: serializeError, req: serializeRequest, res: serializeResponse },
      hooks: { streamWrite: scrubLogLine },
    },
    destination,
  );
}

/** The process-wide logger; main.ts sets its level from the validated config. */
export const logger: Logger = createLogger(logLevelFromEnv());
