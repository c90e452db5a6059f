// StreamedListObjects over HTTP the way grpc-gateway streams a server-streaming RPC: one JSON
// object per line, `{"result":{"object":"..."}}`, and an error as `{"error":{code,message,details}}`
// (with the error's HTTP status when nothing has been sent yet).
import type { Request, Response } from 'express';
import { AUTHORIZATION_MODEL_ID_HEADER, streamedListObjects, type ServiceContext } from '../service/index.js';
import type { ListObjectsRequest } from '../service/index.js';
import { grpcCodeForStatus, toFgaError, type EngineLogger } from './error-response.js';
import { readJsonObject } from './json-body.js';

export function createStreamedListObjectsHandler(
  ctx: ServiceContext,
  authenticate: ((req: Request) => void) | undefined,
  logger: EngineLogger | undefined,
) {
  return async (req: Request, res: Response): Promise<void> => {
    try {
      authenticate?.(req);
      const body = await readJsonObject(req);
      const request = { ...body, store_id: req.params.store_id } as unknown as ListObjectsRequest;
      // Headers wait for the first object, so an error raised while resolving (an unknown type,
      // say) still gets its own status when nothing has been streamed yet.
      let modelId = '';
      const startStream = () => {
        if (!res.headersSent) res.writeHead(200, { 'content-type': 'application/json', [AUTHORIZATION_MODEL_ID_HEADER]: modelId });
      };
      await streamedListObjects(ctx, request, {
        onModel(id) {
          modelId = id;
        },
        onObject(object) {
          startStream();
          if (!res.destroyed) res.write(`${JSON.stringify({ result: { object } })}\n`);
        },
      });
      startStream();
      res.end();
    } catch (err) {
      const fgaError = toFgaError(err, logger);
      const chunk = `${JSON.stringify({ error: { code: grpcCodeForStatus(fgaError.status), message: fgaError.message, details: [] } })}\n`;
      if (!res.headersSent) res.writeHead(fgaError.status, { 'content-type': 'application/json' });
      res.end(chunk);
    }
  };
}
