import { AppError } from '../../http/errors.js';

export const alreadyGuardian = (userId: string) => new AppError('conflict', `User ${userId} is already a guardian of this member`, undefined, 'already_guardian');
export const guardianNotFound = (memberId: string, userId: string) => new AppError('not_found', `User ${userId} is not a guardian of member ${memberId}`, undefined, 'guardian_not_found');
