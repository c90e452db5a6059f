import { AppError } from '../../http/errors.js';

export const userNotFound = (id: string) => new AppError('not_found', `User ${id} not found`, undefined, 'user_not_found');
