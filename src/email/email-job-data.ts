import { z } from 'zod';

// The contract between the commands that enqueue emails (events, invitations) and the email worker.
// Anything that does not match fails the job permanently: retrying cannot fix a malformed job.

const isoInstant = z.string().refine((v) => !Number.isNaN(Date.parse(v)), { message: 'must be an ISO 8601 date-time' });
const timeZone = z.string().refine(isTimeZone, { message: 'must be an IANA time zone' });

const EventVars = z.object({
  eventId: z.string().min(1),
  title: z.string().min(1),
  type: z.string().min(1),
  startsAt: isoInstant,
  endsAt: isoInstant,
  location: z.string().nullish(),
  notes: z.string().nullish(),
  clubName: z.string(),
  clubTimezone: timeZone,
  groupName: z.string(),
  memberFirstNames: z.array(z.string()),
  changes: z.array(z.string()).optional(),
});
export type EventVars = z.infer<typeof EventVars>;

const JoinInvitationVars = z.object({
  kind: z.enum(['coach', 'guardian']),
  acceptUrl: z.url({ protocol: /^https?$/ }),
  expiresAt: isoInstant,
  inviterName: z.string(),
  clubName: z.string(),
  groupName: z.string().nullish(),
  memberFirstName: z.string().nullish(),
  role: z.string().nullish(),
  relationship: z.string().nullish(),
});
export type JoinInvitationVars = z.infer<typeof JoinInvitationVars>;

export const EVENT_TEMPLATES = ['event-invitation', 'event-changed', 'event-cancelled', 'event-reminder'] as const;
export const TEMPLATES = [...EVENT_TEMPLATES, 'join-invitation'] as const;
export type TemplateName = (typeof TEMPLATES)[number];

const Recipient = z.object({ userId: z.string().min(1).optional(), email: z.email(), name: z.string().optional() });
const common = {
  to: Recipient,
  clubId: z.string().min(1).optional(),
  essential: z.boolean(),
  /** Optional override: send even inside the club's quiet hours. */
  urgent: z.boolean().optional(),
};

const EventEmailJob = z.object({ template: z.enum(EVENT_TEMPLATES), ...common, vars: EventVars });
const JoinInvitationEmailJob = z.object({ template: z.literal('join-invitation'), ...common, vars: JoinInvitationVars });
export const EmailJobData = z.discriminatedUnion('template', [EventEmailJob, JoinInvitationEmailJob]);

export type EventEmailJob = z.infer<typeof EventEmailJob>;
export type JoinInvitationEmailJob = z.infer<typeof JoinInvitationEmailJob>;
export type EmailJob = z.infer<typeof EmailJobData>;

/** Parses job data; the message names every problem (never the values: they hold addresses). */
export function parseEmailJob(data: unknown): { ok: true; job: EmailJob } | { ok: false; problem: string } {
  const template = (data as { template?: unknown } | null)?.template;
  if (typeof template !== 'string' || !(TEMPLATES as readonly string[]).includes(template)) {
    return { ok: false, problem: `unknown email template '${String(template).slice(0, 60)}'` };
  }
  const parsed = EmailJobData.safeParse(data);
  if (parsed.success) return { ok: true, job: parsed.data };
  return { ok: false, problem: parsed.error.issues.map((i) => `${i.path.join('.') || 'data'}: ${i.message}`).join('; ') };
}

export function isEventJob(job: EmailJob): job is EventEmailJob {
  return job.template !== 'join-invitation';
}

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}
