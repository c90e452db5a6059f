import { AppError } from '../../http/errors.js';

export const memberNotFound = (id: string) => () => new AppError('not_found', `Member ${id} not found`, undefined, 'member_not_found');
