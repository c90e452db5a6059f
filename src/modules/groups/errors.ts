import { AppError } from '../../http/errors.js';

export const groupNotFound = (id: string) => () => new AppError('not_found', `Group ${id} not found`, undefined, 'group_not_found');
export const coachNotFound = (groupId: string, userId: string) => new AppError('not_found', `User ${userId} is not a coach of group ${groupId}`, undefined, 'coach_not_found');
export const alreadyCoach = (userId: string) => new AppError('conflict', `User ${userId} already coaches this group`, undefined, 'already_coach');
export const memberNotInClub = (memberId: string) => new AppError('not_found', `Member ${memberId} not found in this group's club`, undefined, 'member_not_found');
export const alreadyAssigned = (memberId: string) => new AppError('conflict', `Member ${memberId} is already in this group`, undefined, 'already_assigned');
export const notAssigned = (memberId: string) => new AppError('not_found', `Member ${memberId} is not in this group`, undefined, 'assignment_not_found');
