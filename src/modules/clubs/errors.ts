import { AppError } from '../../http/errors.js';

export const clubNotFound = (id: string) => () => new AppError('not_found', `Club ${id} not found`, undefined, 'club_not_found');
export const alreadyClubAdmin = (userId: string) => new AppError('conflict', `User ${userId} is already an admin of this club`, undefined, 'already_club_admin');
