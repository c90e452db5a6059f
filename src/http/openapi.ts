import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import { readFileSync } from 'node:fs';
import { z } from './zod.js';

export { z } from './zod.js';

/** Every module registers its paths and schemas here (at import); the document is generated from it. */
export const openApiRegistry = new OpenAPIRegistry();

openApiRegistry.registerComponent('securitySchemes', 'bearerAuth', {
  type: 'http',
  scheme: 'bearer',
  bearerFormat: 'JWT',
  description: 'An Auth0 access token (in development: `npm run -s token -- --sub SUB --email EMAIL`).',
});

const HealthBody = z.object({ status: z.literal('ok') }).openapi('Health');
const ReadinessBody = z
  .object({ status: z.enum(['ready', 'not_ready']), checks: z.record(z.string(), z.enum(['ok', 'failed', 'timeout'])) })
  .catchall(z.unknown())
  .openapi('Readiness');

openApiRegistry.registerPath({
  method: 'get',
  path: '/healthz',
  tags: ['operations'],
  summary: 'The process is up',
  responses: { 200: { description: 'Up', content: { 'application/json': { schema: HealthBody } } } },
});
openApiRegistry.registerPath({
  method: 'get',
  path: '/readyz',
  tags: ['operations'],
  summary: 'PostgreSQL, Redis and OpenFGA answer',
  responses: {
    200: { description: 'Ready', content: { 'application/json': { schema: ReadinessBody } } },
    503: { description: 'A dependency does not answer', content: { 'application/json': { schema: ReadinessBody } } },
  },
});

function packageVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

/** The OpenAPI 3.1 document of everything registered so far. */
export function buildOpenApiDocument() {
  return new OpenApiGeneratorV31(openApiRegistry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Touchline API',
      version: packageVersion(),
      description: 'Clubs, groups, coaches, youth members and guardians. Every permission follows a relationship (OpenFGA).',
    },
    tags: [{ name: 'operations', description: 'Health, readiness and metrics' }],
  });
}
