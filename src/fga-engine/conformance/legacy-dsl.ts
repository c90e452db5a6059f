// Older OpenFGA test files write schema-1.1 models in the pre-`model` DSL (`define viewer: [user]
// as self or writer`, `define can_read as viewer from parent`, no `model`/`schema` header), which
// upstream's harness read with its old parser when the current transformer refused a model. This
// rewrites that syntax into today's DSL so @openfga/syntax-transformer can convert it.

const LEGACY_DEFINE = /^(\s*define\s+[^\s:]+)\s*(?::\s*(\[[^\]]*\]))?\s+as\s+(.+?)\s*$/;

/** True when the text has no `model` header line (comments and blank lines aside). */
function lacksModelHeader(dsl: string): boolean {
  const first = dsl.split('\n').map((l) => l.replace(/#.*$/, '').trim()).find((l) => l.length > 0);
  return first !== 'model';
}

/** Today's DSL for a legacy model; text already in today's syntax comes back unchanged. */
export function upgradeLegacyDsl(dsl: string): string {
  const lines = dsl.split('\n').map((line) => {
    const match = LEGACY_DEFINE.exec(line);
    if (!match) return line;
    const [, define, directTypes, rewrite] = match;
    // `self` is where the directly related types sat; today they are written in its place.
    return `${define}: ${directTypes ? rewrite.replace(/\bself\b/, directTypes) : rewrite}`;
  });
  const body = lines.join('\n');
  return lacksModelHeader(body) ? `model\n  schema 1.1\n${body}` : body;
}
