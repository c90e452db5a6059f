import { AppError } from '../../http/errors.js';

export const invitationNotFound = (id?: string) => () =>
  new AppError('not_found', id ? `Invitation ${id} not found` : 'No invitation for this link; ask for a new one', undefined, 'invitation_not_found');
export const invitationExpired = () => new AppError('conflict', 'This invitation has expired; ask for a new one', undefined, 'invitation_expired');
export const invitationRevoked = () => new AppError('conflict', 'This invitation was withdrawn; ask for a new one', undefined, 'invitation_revoked');
export const invitationUsed = () => new AppError('conflict', 'This invitation has already been used', undefined, 'invitation_already_used');
export const invitationNoLongerValid = () =>
  new AppError('conflict', 'The person who invited you can no longer grant this; ask for a new invitation', undefined, 'invitation_no_longer_valid');
export const emailNotVerified = () =>
  new AppError('forbidden', 'Verify your email address with your sign-in provider, then accept the invitation again', undefined, 'email_not_verified');
export const emailMismatch = () =>
  new AppError('forbidden', 'This invitation was sent to another email address; sign in with that address to accept it', undefined, 'invitation_email_mismatch');
export const alreadyInvited = () => new AppError('conflict', 'This address already has a pending invitation here; revoke it to send a new one', undefined, 'already_invited');
