import { z } from 'zod';
import { intVar, stringVar, urlVar } from './env-vars.js';

/** Email delivery and background-queue settings (SendGrid, links in emails, BullMQ). */
export interface EmailSettings {
  sendgrid: {
    /** Unset → the local SendGrid stand-in is started (development and tests only). */
    apiKey?: string;
    /** Where the Mail Send API lives; unset → SendGrid's own (https://api.sendgrid.com/). */
    apiBaseUrl?: string;
    /** Base64 SPKI (or PEM) public key of the signed Event Webhook; unset → the webhook answers 503. */
    webhookPublicKey?: string;
    timeoutMs: number;
  };
  from: { email: string; name: string };
  /** Where links in emails point (unsubscribe); unset → http://localhost:PORT. */
  publicBaseUrl?: string;
  /** HMAC secret of unsubscribe links; required in production. */
  linkSecret?: string;
  queues: {
    /** BullMQ key prefix: separates deployments (and test runs) sharing one Redis. */
    prefix: string;
    /** Basic-auth password of /admin/queues; unset → the page exists only in development, for loopback callers. */
    dashboardPassword?: string;
  };
  delivery: {
    maxAttempts: number;
    /** First retry delay; each further retry doubles it (BullMQ exponential backoff). */
    backoffMs: number;
    /** How long a send whose outcome is unknown waits for SendGrid's events before it is sent again. */
    unknownOutcomeGraceMs: number;
    concurrency: number;
    /** How long a worker's lock on a job lasts (renewed while it runs): a killed worker's job is taken over after about this long. */
    jobLockMs: number;
  };
}

const addressProblem = (value: string) => (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value) ? undefined : 'must be an email address like no-reply@example.org');

export const emailEnvSchema = z
  .object({
    SENDGRID_API_KEY: stringVar('SENDGRID_API_KEY'),
    SENDGRID_API_BASE_URL: urlVar('SENDGRID_API_BASE_URL', ['http:', 'https:']),
    SENDGRID_WEBHOOK_PUBLIC_KEY: stringVar('SENDGRID_WEBHOOK_PUBLIC_KEY'),
    SENDGRID_TIMEOUT_MS: intVar('SENDGRID_TIMEOUT_MS', 100, 120_000),
    EMAIL_FROM: stringVar('EMAIL_FROM', addressProblem),
    EMAIL_FROM_NAME: stringVar('EMAIL_FROM_NAME'),
    PUBLIC_BASE_URL: urlVar('PUBLIC_BASE_URL', ['http:', 'https:']),
    EMAIL_LINK_SECRET: stringVar('EMAIL_LINK_SECRET', (v) => (v.length >= 32 ? undefined : 'must be at least 32 characters')),
    QUEUE_PREFIX: stringVar('QUEUE_PREFIX', (v) => (/^[A-Za-z0-9_-]{1,64}$/.test(v) ? undefined : 'must be 1-64 letters, digits, _ or -')),
    QUEUE_DASHBOARD_PASSWORD: stringVar('QUEUE_DASHBOARD_PASSWORD', (v) => (v.length >= 16 ? undefined : 'must be at least 16 characters')),
    EMAIL_MAX_ATTEMPTS: intVar('EMAIL_MAX_ATTEMPTS', 1, 50),
    EMAIL_BACKOFF_MS: intVar('EMAIL_BACKOFF_MS', 10, 3_600_000),
    EMAIL_UNKNOWN_OUTCOME_GRACE_MS: intVar('EMAIL_UNKNOWN_OUTCOME_GRACE_MS', 0, 86_400_000),
    EMAIL_WORKER_CONCURRENCY: intVar('EMAIL_WORKER_CONCURRENCY', 1, 100),
    EMAIL_JOB_LOCK_MS: intVar('EMAIL_JOB_LOCK_MS', 500, 600_000),
  })
  .transform(
    (env): EmailSettings => ({
      sendgrid: {
        apiKey: env.SENDGRID_API_KEY,
        apiBaseUrl: env.SENDGRID_API_BASE_URL,
        webhookPublicKey: env.SENDGRID_WEBHOOK_PUBLIC_KEY,
        timeoutMs: env.SENDGRID_TIMEOUT_MS ?? 10_000,
      },
      from: { email: env.EMAIL_FROM ?? 'no-reply@touchline.local', name: env.EMAIL_FROM_NAME ?? 'Touchline' },
      publicBaseUrl: env.PUBLIC_BASE_URL?.replace(/\/$/, ''),
      linkSecret: env.EMAIL_LINK_SECRET,
      queues: { prefix: env.QUEUE_PREFIX ?? 'touchline', dashboardPassword: env.QUEUE_DASHBOARD_PASSWORD },
      delivery: {
        maxAttempts: env.EMAIL_MAX_ATTEMPTS ?? 8,
        backoffMs: env.EMAIL_BACKOFF_MS ?? 30_000,
        // SendGrid posts its first event (processed) within seconds; ten minutes is a generous wait.
        unknownOutcomeGraceMs: env.EMAIL_UNKNOWN_OUTCOME_GRACE_MS ?? 600_000,
        concurrency: env.EMAIL_WORKER_CONCURRENCY ?? 4,
        jobLockMs: env.EMAIL_JOB_LOCK_MS ?? 30_000, // BullMQ's default
      },
    }),
  );

// The settings ride beside the Config object rather than inside it: Config's shape is pinned by its own
// tests (deep equality), and email is an optional subsystem. loadConfig parses both from the same
// environment and files the email half here, keyed by the Config it belongs to.
const settingsByConfig = new WeakMap<object, EmailSettings>();

export function rememberEmailSettings(config: object, settings: EmailSettings): void {
  settingsByConfig.set(config, settings);
}

/** The email settings read from the same environment as `config` (defaults for a hand-made Config). */
export function emailSettingsOf(config: object): EmailSettings {
  return settingsByConfig.get(config) ?? emailEnvSchema.parse({});
}

/** Settings that are fine for development but not for production; checked when the process composes. */
export function emailProductionProblems(settings: EmailSettings): string[] {
  const problems: string[] = [];
  if (!settings.sendgrid.apiKey) problems.push('SENDGRID_API_KEY is required when NODE_ENV=production (the SendGrid stand-in is for development and tests only)');
  if (!settings.linkSecret) problems.push('EMAIL_LINK_SECRET is required when NODE_ENV=production (it signs unsubscribe links)');
  if (!settings.publicBaseUrl) problems.push('PUBLIC_BASE_URL is required when NODE_ENV=production (links in emails point there)');
  return problems;
}
