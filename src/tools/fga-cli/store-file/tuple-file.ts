// Reads a tuple file the way OpenFGA's CLI does (internal/tuplefile): the extension decides the
// format — .json/.yaml/.yml (a list of tuples), .jsonl (one tuple per line) or .csv.
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { parseCsvTuples } from './csv-tuples.js';
import { TupleEntry } from './store-file-schema.js';

const TupleList = z.array(TupleEntry);

function describeZodError(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ');
}

function parseTupleList(data: unknown, format: string): TupleEntry[] {
  const parsed = TupleList.safeParse(data ?? []);
  if (!parsed.success) throw new Error(`invalid ${format} tuple file: ${describeZodError(parsed.error)}`);
  if (parsed.data.length === 0) throw new Error(`${format} tuple file is empty`);
  return parsed.data;
}

function parseJsonLines(text: string): TupleEntry[] {
  const tuples: TupleEntry[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === '') return;
    try {
      tuples.push(TupleEntry.parse(JSON.parse(line)));
    } catch (error) {
      throw new Error(`failed to read tuple from jsonl file on line ${index + 1}: ${(error as Error).message}`);
    }
  });
  if (tuples.length === 0) throw new Error('jsonl tuple file is empty');
  return tuples;
}

/** Parses tuple file contents; `fileName` picks the format by its extension. */
export function parseTupleFile(fileName: string, text: string): TupleEntry[] {
  const extension = extname(fileName).toLowerCase();
  switch (extension) {
    case '.json':
    case '.yaml':
    case '.yml':
      // YAML is a superset of JSON, which is also how the CLI reads both.
      return parseTupleList(parseYaml(text), extension.slice(1));
    case '.jsonl':
      return parseJsonLines(text);
    case '.csv':
      return parseCsvTuples(text);
    default:
      throw new Error(`unsupported tuple file format "${extension}"`);
  }
}

export async function readTupleFile(path: string): Promise<TupleEntry[]> {
  try {
    return parseTupleFile(path, await readFile(path, 'utf8'));
  } catch (error) {
    throw new Error(`failed to process tuple file ${path}: ${(error as Error).message}`);
  }
}
