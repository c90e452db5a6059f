// Schema names end up in SQL text and in the connection's search_path option, so only plain
// identifiers are accepted: no quoting pitfalls, no injection.
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export function assertSchemaName(schema: string): void {
  if (!SCHEMA_NAME.test(schema)) {
    throw new Error(`Invalid schema name '${schema}': use lower-case letters, digits and '_' (max 63)`);
  }
}

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
