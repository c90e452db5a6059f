import { expect } from 'chai';
import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import { buildOpenApiDocument, openApiRegistry } from '../../src/http/openapi.js';
import { z } from '../../src/http/zod.js';

describe('OpenAPI', () => {
  it('builds an OpenAPI 3.1 document titled Touchline API with a bearer scheme', () => {
    const doc = buildOpenApiDocument();
    expect(doc.openapi).to.equal('3.1.0');
    expect(doc.info.title).to.equal('Touchline API');
    expect(doc.components?.securitySchemes?.bearerAuth).to.include({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
    expect(openApiRegistry).to.be.instanceOf(OpenAPIRegistry);
  });

  it('exports a z whose schemas take .openapi() metadata', () => {
    // A registry of its own: the shared one belongs to the modules.
    const registry = new OpenAPIRegistry();
    const Member = z.object({ id: z.string().openapi({ example: '01HVMMBCMGZNT3SED4Z17ECXCA' }), dateOfBirth: z.iso.date() }).openapi('TestMember');
    registry.register('TestMember', Member);
    const doc = new OpenApiGeneratorV31(registry.definitions).generateDocument({ openapi: '3.1.0', info: { title: 't', version: '1' } });
    expect(doc.components?.schemas?.TestMember).to.deep.include({ type: 'object' });
    expect(JSON.stringify(doc)).to.contain('01HVMMBCMGZNT3SED4Z17ECXCA');
  });
});
