// Every entity the ORM knows, gathered from the modules that own them.
import { FgaOutboxEntry } from '../authz/outbox-entity.js';
import { Club, ClubAdmin, ClubAuditor } from '../modules/clubs/entities.js';
import { CalendarKey, Event, EventAttendance, EventSeries } from '../modules/events/entities.js';
import { Group, GroupCoach, GroupMember } from '../modules/groups/entities.js';
import { GuardianRemoval, Guardianship } from '../modules/guardians/entities.js';
import { JoinInvitation } from '../modules/invitations/entities.js';
import { YouthMember } from '../modules/members/entities.js';
import { User } from '../modules/users/entities.js';

export const allEntities = [User, Club, ClubAdmin, ClubAuditor, Group, GroupCoach, GroupMember, YouthMember, Guardianship, GuardianRemoval, FgaOutboxEntry,
  EventSeries, Event, EventAttendance, CalendarKey, JoinInvitation];
