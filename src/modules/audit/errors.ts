import { AppError } from '../../http/errors.js';

/** Not auditable by the caller, or not there: the same answer, so an audit endpoint confirms nothing. */
export const auditObjectNotFound = (object: string) => () => new AppError('not_found', `${object} not found`, undefined, 'not_found');
export const noAuditAccess = () => new AppError('not_found', 'Nothing to audit here', undefined, 'not_found');
export const invalidAuditCursor = () => new AppError('validation', "Query 'cursor' is not a cursor this API returned", [{ path: 'cursor', message: 'invalid cursor' }], 'invalid_cursor');
export const invalidWindow = () => new AppError('validation', "Query 'since' must be before 'until'", [{ path: 'since', message: 'must be before until' }], 'validation');
