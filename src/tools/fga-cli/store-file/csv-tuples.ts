// Tuples from a CSV file in OpenFGA CLI's column layout (openfga/cli internal/tuplefile/csv.go):
// user_type,user_id,user_relation,relation,object_type,object_id,condition_name,condition_context,
// in any order; user_relation and the condition columns are optional.
import { readCsvRecords } from './csv-records.js';
import type { TupleEntry } from './store-file-schema.js';

const COLUMNS = ['user_type', 'user_id', 'user_relation', 'relation', 'object_type', 'object_id', 'condition_name', 'condition_context'] as const;
type Column = (typeof COLUMNS)[number];
const REQUIRED: Column[] = ['user_type', 'user_id', 'relation', 'object_type', 'object_id'];

function columnIndexes(header: string[]): Map<Column, number> {
  const indexes = new Map<Column, number>();
  header.forEach((raw, index) => {
    const name = raw.trim();
    if (!(COLUMNS as readonly string[]).includes(name)) {
      throw new Error(`invalid header "${name}", valid headers are ${COLUMNS.join(',')}`);
    }
    indexes.set(name as Column, index);
  });
  for (const column of REQUIRED) {
    if (!indexes.has(column)) throw new Error(`csv header "${column}" is required`);
  }
  if (indexes.has('condition_context') && !indexes.has('condition_name')) {
    throw new Error('missing "condition_name" header which is required when "condition_context" is present');
  }
  return indexes;
}

export function parseCsvTuples(text: string): TupleEntry[] {
  const [header, ...rows] = readCsvRecords(text);
  if (!header) throw new Error('failed to read csv headers: empty file');
  const at = columnIndexes(header.fields);
  const cell = (fields: string[], column: Column) => {
    const index = at.get(column);
    return index === undefined ? '' : fields[index];
  };
  return rows.map(({ fields, line }) => {
    const userRelation = cell(fields, 'user_relation');
    const tuple: TupleEntry = {
      user: `${cell(fields, 'user_type')}:${cell(fields, 'user_id')}${userRelation ? `#${userRelation}` : ''}`,
      relation: cell(fields, 'relation'),
      object: `${cell(fields, 'object_type')}:${cell(fields, 'object_id')}`,
    };
    const conditionName = cell(fields, 'condition_name');
    if (conditionName) {
      const rawContext = cell(fields, 'condition_context');
      let context: Record<string, unknown> = {};
      if (rawContext) {
        try {
          context = JSON.parse(rawContext) as Record<string, unknown>;
        } catch (error) {
          throw new Error(`failed to read condition context on line ${line}: ${(error as Error).message}`);
        }
      }
      tuple.condition = { name: conditionName, context };
    }
    return tuple;
  });
}
