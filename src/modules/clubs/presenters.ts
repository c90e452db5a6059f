import type { Club } from './entities.js';
import type { ClubResponse } from './schemas.js';

export const presentClub = (club: Club): ClubResponse => ({
  id: club.id,
  name: club.name,
  timezone: club.timezone,
  createdAt: club.createdAt.toISOString(),
  updatedAt: club.updatedAt.toISOString(),
});
