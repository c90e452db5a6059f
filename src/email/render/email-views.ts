import type { EmailJob, EventEmailJob, JoinInvitationEmailJob } from '../email-job-data.js';
import { formatEventWhen, formatInstant } from './format-times.js';

/** What every template and the layout may use, besides its own fields. */
export interface RenderContext {
  /** IANA zone the recipient reads times in. */
  timeZone: string;
  /** Present on non-essential notices only. */
  unsubscribeUrl?: string;
  preferencesHint: string;
}

const TYPE_LABELS: Record<string, string> = { practice: 'Practice', match: 'Match', tournament: 'Tournament', other: 'Event' };

/** "Mia", "Mia and Leo", "Mia, Leo and Sam". */
export function joinNames(names: string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

function commonView(job: EmailJob, context: RenderContext) {
  return {
    greetingName: job.to.name?.trim() || 'there',
    clubName: job.vars.clubName,
    essential: job.essential,
    unsubscribeUrl: context.unsubscribeUrl ?? null,
    preferencesHint: context.preferencesHint,
  };
}

// The events module names what changed ('time', 'location'); anything else is shown as written.
function describeChange(change: string, when: string, location: string | null): string {
  if (change === 'time') return `New time: ${when}`;
  if (change === 'location') return `New place: ${location ?? 'to be announced'}`;
  return change;
}

function eventView(job: EventEmailJob, context: RenderContext) {
  const v = job.vars;
  const { when, shortWhen, zoneName } = formatEventWhen(v.startsAt, v.endsAt, context.timeZone);
  return {
    ...commonView(job, context),
    title: v.title,
    typeLabel: TYPE_LABELS[v.type] ?? v.type.charAt(0).toUpperCase() + v.type.slice(1),
    /** The same in the middle of a sentence ("a new match"). */
    typeWord: (TYPE_LABELS[v.type] ?? v.type).toLowerCase(),
    when,
    shortWhen,
    zoneName,
    location: v.location || null,
    notes: v.notes || null,
    groupName: v.groupName,
    children: joinNames(v.memberFirstNames),
    severalChildren: v.memberFirstNames.length > 1,
    changes: (v.changes ?? []).map((change) => describeChange(change, when, v.location || null)),
  };
}

function joinInvitationView(job: JoinInvitationEmailJob, context: RenderContext) {
  const v = job.vars;
  return {
    ...commonView(job, context),
    inviterName: v.inviterName || 'Someone at the club',
    acceptUrl: v.acceptUrl,
    expires: formatInstant(v.expiresAt, context.timeZone),
    coach: v.kind === 'coach' ? { groupName: v.groupName || 'a group', role: v.role || null } : null,
    guardian: v.kind === 'guardian' ? { memberFirstName: v.memberFirstName || 'a young member', relationship: v.relationship || null } : null,
  };
}

/** The values a template sees: formatted for people, never raw ids or ISO strings. */
export function buildView(job: EmailJob, context: RenderContext): Record<string, unknown> {
  return job.template === 'join-invitation' ? joinInvitationView(job, context) : eventView(job, context);
}
