import type { Group } from './entities.js';
import type { GroupResponse } from './schemas.js';

export const presentGroup = (group: Group): GroupResponse => ({
  id: group.id,
  clubId: group.clubId,
  name: group.name,
  season: group.season ?? null,
  ageGroup: group.ageGroup ?? null,
  createdAt: group.createdAt.toISOString(),
});
