import { ConfigError } from './config-error.js';
import type { Config } from './config-type.js';
import { emailEnvSchema, rememberEmailSettings } from './email-settings.js';
import { envSchema, LOG_LEVELS, type LogLevel } from './schema.js';

export type { Config } from './config-type.js';
export { ConfigError } from './config-error.js';
export { emailSettingsOf, emailProductionProblems, type EmailSettings } from './email-settings.js';
export { LOG_LEVELS, type LogLevel } from './schema.js';

/** Reads and validates every environment variable once; throws ConfigError naming each one at fault. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  const email = emailEnvSchema.safeParse(env);
  if (parsed.success && email.success) {
    rememberEmailSettings(parsed.data, email.data);
    return parsed.data;
  }
  const issues = [...(parsed.success ? [] : parsed.error.issues), ...(email.success ? [] : email.error.issues)];
  throw new ConfigError(
    issues.map((issue) => {
      // Our own messages start with the variable's name; anything zod words itself gets the name prefixed.
      const variable = String(issue.path[0] ?? 'environment');
      return issue.message.startsWith(variable) || issue.code === 'custom' ? issue.message : `${variable}: ${issue.message}`;
    }),
  );
}

/** LOG_LEVEL alone, for the process-wide logger created before the full config is read; never throws. */
export function logLevelFromEnv(env: NodeJS.ProcessEnv = process.env): LogLevel {
  const wanted = env.LOG_LEVEL?.trim();
  if (wanted && (LOG_LEVELS as readonly string[]).includes(wanted)) return wanted as LogLevel;
  return env.NODE_ENV === 'test' ? 'warn' : 'info';
}
