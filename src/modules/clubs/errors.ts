import { AppError } from '../../http/errors.js';

export const clubNotFound = (id: string) => () => new AppError('not_found', `Club ${id} not found`, undefined, 'club_not_found');
export const alreadyClubAdmin = (userId: string) => new AppError('conflict', `User ${userId} is already an admin of this club`, undefined, 'already_club_admin');
export const alreadyClubAuditor = (userId: string) => new AppError('conflict', `User ${userId} is already an auditor of this club`, undefined, 'already_club_auditor');
export const clubAuditorNotFound = (userId: string) => new AppError('not_found', `User ${userId} is not an auditor of this club`, undefined, 'club_auditor_not_found');
