import { extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';

// Once per process, before any schema uses `.openapi(...)`. Modules import `z` from here when they
// annotate schemas for the generated document; plain `zod` works for everything else.
extendZodWithOpenApi(z);

export { z };
