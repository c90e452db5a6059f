// Query responses carry the id of the model they were answered with, which the HTTP layer sends as
// the Openfga-Authorization-Model-Id header (pkg/server/server.go). It rides on the response object
// under a symbol so it never leaks into the JSON body.
const MODEL_ID = Symbol('authorizationModelId');

export const AUTHORIZATION_MODEL_ID_HEADER = 'Openfga-Authorization-Model-Id';

export function withModelId<T extends object>(response: T, modelId: string): T {
  Object.defineProperty(response, MODEL_ID, { value: modelId, enumerable: false });
  return response;
}

export function modelIdOf(response: unknown): string | undefined {
  return response && typeof response === 'object' ? (response as { [MODEL_ID]?: string })[MODEL_ID] : undefined;
}
