// Authorization model operations: WriteAuthorizationModel, ReadAuthorizationModel(s).
import { ulid } from 'ulid';
import { fgaErrors } from '../errors.js';
import { validateAuthorizationModel } from '../model/index.js';
import type { AuthorizationModel } from '../types.js';
import { checkPagination, checkStoreId } from './common-fields.js';
import { PATTERNS, checkMinItems, checkPattern, protoViolation } from './proto-validation.js';
import type {
  ReadAuthorizationModelRequest, ReadAuthorizationModelResponse, ReadAuthorizationModelsRequest,
  ReadAuthorizationModelsResponse, WriteAuthorizationModelRequest, WriteAuthorizationModelResponse,
} from './requests.js';
import type { ServiceContext } from './service-context.js';

export async function writeAuthorizationModel(
  ctx: ServiceContext,
  req: WriteAuthorizationModelRequest,
): Promise<WriteAuthorizationModelResponse> {
  checkWriteModelShape(req);
  const model: AuthorizationModel = {
    id: ulid(),
    schema_version: req.schema_version,
    type_definitions: req.type_definitions,
    conditions: req.conditions ?? {},
  };
  validateAuthorizationModel(model, {
    maxTypes: ctx.limits.maxTypesPerAuthorizationModel,
    maxSizeBytes: ctx.limits.maxAuthorizationModelSizeInBytes,
  });
  await ctx.datastore.writeAuthorizationModel(req.store_id, model);
  return { authorization_model_id: model.id };
}

export async function readAuthorizationModel(
  ctx: ServiceContext,
  req: ReadAuthorizationModelRequest,
): Promise<ReadAuthorizationModelResponse> {
  checkStoreId('ReadAuthorizationModelRequest', req.store_id);
  checkPattern('ReadAuthorizationModelRequest', 'Id', req.id ?? '', PATTERNS.ulid);
  const model = await ctx.datastore.readAuthorizationModel(req.store_id, req.id);
  if (!model) throw fgaErrors.modelNotFound(req.id);
  return { authorization_model: modelJson(model) };
}

export async function readAuthorizationModels(
  ctx: ServiceContext,
  req: ReadAuthorizationModelsRequest,
): Promise<ReadAuthorizationModelsResponse> {
  checkStoreId('ReadAuthorizationModelsRequest', req.store_id);
  checkPagination('ReadAuthorizationModelsRequest', req);
  const page = await ctx.datastore.readAuthorizationModels(req.store_id, {
    pageSize: req.page_size ?? ctx.limits.defaultPageSize,
    continuationToken: req.continuation_token,
  });
  return { authorization_models: page.items.map(modelJson), continuation_token: page.continuationToken };
}

/** The proto rules of WriteAuthorizationModelRequest and TypeDefinition; semantics are model/'s job. */
function checkWriteModelShape(req: WriteAuthorizationModelRequest): void {
  checkStoreId('WriteAuthorizationModelRequest', req.store_id);
  if (!Array.isArray(req.type_definitions ?? [])) throw fgaErrors.validation('type_definitions must be a list');
  checkMinItems('WriteAuthorizationModelRequest', 'TypeDefinitions', req.type_definitions, 1);
  for (const typeDefinition of req.type_definitions) {
    if (!typeDefinition || typeof typeDefinition !== 'object') throw fgaErrors.validation('type definition must be an object');
    checkPattern('TypeDefinition', 'Type', typeDefinition.type ?? '', PATTERNS.typeName);
    for (const relation of Object.keys(typeDefinition.relations ?? {})) {
      if (!new RegExp(PATTERNS.relation, 'u').test(relation)) {
        throw protoViolation('TypeDefinition', `Relations[${relation}]`, `value does not match regex pattern ${JSON.stringify(PATTERNS.relation)}`);
      }
    }
  }
}

/** proto-JSON always carries the conditions map, empty or not. */
function modelJson(model: AuthorizationModel): AuthorizationModel {
  return { id: model.id, schema_version: model.schema_version, type_definitions: model.type_definitions, conditions: model.conditions ?? {} };
}
