import type { AuthorizationModel } from '../types.js';

export interface ModelLimits {
  /** Default 100 → exceeded_entity_limit. */
  maxTypes?: number;
  /** Default 262144 (JSON bytes) → exceeded_entity_limit. */
  maxSizeBytes?: number;
}

/** Throws FgaError('invalid_authorization_model' | 'exceeded_entity_limit', ...) when the model is invalid. */
export function validateAuthorizationModel(model: AuthorizationModel, limits?: ModelLimits): void {
  void model; void limits;
  throw new Error('not implemented');
}
