// The engine's validation errors name types and relations in quotes but carry no position; this
// finds the DSL line they point at (a `define` inside a named type, else the type, else any define).

export interface DslSource {
  path: string;
  text: string;
}

export interface DslLocation {
  path: string;
  /** 1-based. */
  line: number;
}

interface TypeBlock { name: string; startLine: number; endLine: number }

function typeBlocks(lines: string[]): TypeBlock[] {
  const blocks: TypeBlock[] = [];
  lines.forEach((line, index) => {
    const match = /^\s*(?:extend\s+)?type\s+([^\s#]+)\s*(?:#.*)?$/.exec(line);
    if (match) {
      const previous = blocks[blocks.length - 1];
      if (previous) previous.endLine = index - 1;
      blocks.push({ name: match[1], startLine: index, endLine: lines.length - 1 });
    } else if (/^\s*condition\s/.test(line)) {
      const previous = blocks[blocks.length - 1];
      if (previous && previous.endLine === lines.length - 1) previous.endLine = index - 1;
    }
  });
  return blocks;
}

/** Quoted names in a message: 'doc', 'group#member' → doc, group, member. */
function quotedNames(message: string): string[] {
  const names: string[] = [];
  for (const match of message.matchAll(/['`"]([^'`"]+)['`"]/g)) names.push(...match[1].split(/[#:]/).filter(Boolean));
  return [...new Set(names)];
}

const escape = (name: string) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function defineLine(lines: string[], relation: string, from: number, to: number): number | undefined {
  const pattern = new RegExp(`^\\s*define\\s+${escape(relation)}\\s*:`);
  for (let index = from; index <= to; index++) if (pattern.test(lines[index])) return index;
  return undefined;
}

/** A define whose rewrite mentions the name: where an undefined relation is used. */
function referenceLine(lines: string[], name: string, from: number, to: number): number | undefined {
  const pattern = new RegExp(`^\\s*define\\s+[^:]+:.*\\b${escape(name)}\\b`);
  for (let index = from; index <= to; index++) if (pattern.test(lines[index])) return index;
  return undefined;
}

export function locateInDsl(message: string, sources: DslSource[]): DslLocation | undefined {
  const names = quotedNames(message);
  if (names.length === 0) return undefined;
  let typeHit: DslLocation | undefined;
  let anyDefineHit: DslLocation | undefined;
  for (const { path, text } of sources) {
    const lines = text.split('\n');
    for (const block of typeBlocks(lines).filter((candidate) => names.includes(candidate.name))) {
      for (const relation of names) {
        const line = defineLine(lines, relation, block.startLine, block.endLine);
        if (line !== undefined) return { path, line: line + 1 };
      }
      for (const name of names.filter((candidate) => candidate !== block.name)) {
        const line = referenceLine(lines, name, block.startLine + 1, block.endLine);
        if (line !== undefined) return { path, line: line + 1 };
      }
      typeHit ??= { path, line: block.startLine + 1 };
    }
    for (const relation of names) {
      const line = defineLine(lines, relation, 0, lines.length - 1);
      if (line !== undefined) anyDefineHit ??= { path, line: line + 1 };
    }
  }
  return typeHit ?? anyDefineHit;
}
