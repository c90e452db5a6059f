// A small logic-less template language (a subset of Mustache) for the email templates in ../templates:
//   {{name}} {{a.b}} {{.}}   a value: HTML-escaped in HTML templates, as is in text templates
//   {{{name}}}               a value never escaped (the layout's already-rendered body)
//   {{#name}}…{{/name}}      once if truthy, once per item if a list
//   {{^name}}…{{/name}}      once if falsy or an empty list
// A name the view does not define is an error, so a typo in a template fails its test, not a parent's inbox.

type Node =
  | { kind: 'text'; text: string }
  | { kind: 'value'; name: string; raw: boolean }
  | { kind: 'section'; name: string; inverted: boolean; children: Node[] };

export type TemplateMode = 'html' | 'text';

export class TemplateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TemplateError';
  }
}

const TAG = /\{\{(\{)?\s*([#^/]?)\s*([\w.-]+|\.)\s*\}?\}\}/g;

export function compileTemplate(source: string, label: string): Node[] {
  // A section tag alone on its line takes the line with it, so text emails get no stray blank lines.
  const normalized = source.replace(/^[ \t]*(\{\{[#^/][^}]*\}\})[ \t]*\r?\n/gm, '$1');
  const root: Node[] = [];
  const stack: { name: string; children: Node[] }[] = [{ name: '', children: root }];
  let last = 0;
  for (const match of normalized.matchAll(TAG)) {
    const [tag, triple, sigil, name] = match;
    const children = stack[stack.length - 1].children;
    if (match.index > last) children.push({ kind: 'text', text: normalized.slice(last, match.index) });
    last = match.index + tag.length;
    if (sigil === '#' || sigil === '^') {
      const section: Node = { kind: 'section', name, inverted: sigil === '^', children: [] };
      children.push(section);
      stack.push({ name, children: section.children });
    } else if (sigil === '/') {
      const open = stack.pop();
      if (!open || open.name !== name || stack.length === 0) throw new TemplateError(`${label}: {{/${name}}} closes ${open?.name ? `{{#${open.name}}}` : 'nothing'}`);
    } else {
      children.push({ kind: 'value', name, raw: triple === '{' });
    }
  }
  if (stack.length > 1) throw new TemplateError(`${label}: {{#${stack[stack.length - 1].name}}} is never closed`);
  if (last < normalized.length) root.push({ kind: 'text', text: normalized.slice(last) });
  return root;
}

export function renderTemplate(nodes: Node[], view: object, mode: TemplateMode, label: string): string {
  return renderNodes(nodes, [view], mode, label);
}

function renderNodes(nodes: Node[], contexts: unknown[], mode: TemplateMode, label: string): string {
  let out = '';
  for (const node of nodes) {
    if (node.kind === 'text') out += node.text;
    else if (node.kind === 'value') {
      const value = lookup(node.name, contexts, label);
      const text = value === null || value === undefined ? '' : String(value);
      out += mode === 'html' && !node.raw ? escapeHtml(text) : text;
    } else {
      const value = lookup(node.name, contexts, label);
      const items = Array.isArray(value) ? value : value ? [value] : [];
      if (node.inverted) {
        if (!items.length) out += renderNodes(node.children, contexts, mode, label);
      } else {
        for (const item of items) out += renderNodes(node.children, [...contexts, item], mode, label);
      }
    }
  }
  return out;
}

function lookup(name: string, contexts: unknown[], label: string): unknown {
  if (name === '.') return contexts[contexts.length - 1];
  const [head, ...rest] = name.split('.');
  for (let i = contexts.length - 1; i >= 0; i--) {
    const context = contexts[i];
    if (context !== null && typeof context === 'object' && Object.hasOwn(context, head)) {
      let value: unknown = (context as Record<string, unknown>)[head];
      for (const part of rest) value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[part] : undefined;
      return value;
    }
  }
  throw new TemplateError(`${label}: the view has no '${name}'`);
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
