// Email job data as the events and invitations modules enqueue it (the job contract).

type Overrides = { template?: string; essential?: boolean; to?: Record<string, unknown>; clubId?: string; urgent?: boolean; vars?: Record<string, unknown> };

export function eventEmail(overrides: Overrides = {}): Record<string, unknown> {
  const startsAt = new Date(Date.now() + 3 * 24 * 3600_000);
  return {
    template: overrides.template ?? 'event-invitation',
    to: overrides.to ?? { email: 'parent@example.test', name: 'Pat Parent' },
    ...(overrides.clubId ? { clubId: overrides.clubId } : {}),
    essential: overrides.essential ?? true,
    ...(overrides.urgent !== undefined ? { urgent: overrides.urgent } : {}),
    vars: {
      eventId: 'evt-1',
      title: 'Match vs Blue Rovers',
      type: 'match',
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 90 * 60_000).toISOString(),
      location: 'Pitch 2',
      notes: 'Bring shin pads.',
      clubName: 'FC Riverside',
      clubTimezone: 'Europe/Berlin',
      groupName: 'U10',
      memberFirstNames: ['Mia'],
      changes: ['Start: 10:00 → 11:00'],
      ...overrides.vars,
    },
  };
}

export function joinInvitationEmail(overrides: Overrides = {}): Record<string, unknown> {
  return {
    template: 'join-invitation',
    to: overrides.to ?? { email: 'new.coach@example.test' },
    essential: overrides.essential ?? true,
    vars: {
      kind: 'coach',
      acceptUrl: 'https://touchline.example/invitations/tok123',
      expiresAt: new Date(Date.now() + 7 * 24 * 3600_000).toISOString(),
      inviterName: 'Anna Admin',
      clubName: 'FC Riverside',
      groupName: 'U10',
      role: 'assistant',
      ...overrides.vars,
    },
  };
}
