// A small RFC 4180 CSV reader (quoted fields, "" escapes, newlines inside quotes, CRLF), behaving
// like Go's encoding/csv that OpenFGA's CLI uses: blank lines are skipped, every record must have
// as many fields as the first one. No npm CSV package is installed, and this is all tuple files need.

export class CsvFormatError extends Error {
  constructor(message: string, readonly line: number) {
    super(`line ${line}: ${message}`);
    this.name = 'CsvFormatError';
  }
}

export interface CsvRecord {
  /** 1-based line the record starts on. */
  line: number;
  fields: string[];
}

export function readCsvRecords(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  const input = text.startsWith('\uFEFF') ? text.slice(1) : text;
  let line = 1;
  let i = 0;
  while (i < input.length) {
    // Skip blank lines between records.
    if (input[i] === '\n' || (input[i] === '\r' && input[i + 1] === '\n')) {
      i += input[i] === '\r' ? 2 : 1;
      line += 1;
      continue;
    }
    const startLine = line;
    const fields: string[] = [];
    let field = '';
    let inQuotes = false;
    let atFieldStart = true;
    for (;;) {
      if (i >= input.length) {
        if (inQuotes) throw new CsvFormatError('unterminated quoted field', startLine);
        fields.push(field);
        break;
      }
      const ch = input[i];
      if (inQuotes) {
        if (ch === '"' && input[i + 1] === '"') { field += '"'; i += 2; continue; }
        if (ch === '"') { inQuotes = false; i += 1; continue; }
        if (ch === '\n') line += 1;
        field += ch;
        i += 1;
        continue;
      }
      if (ch === '"' && atFieldStart) { inQuotes = true; atFieldStart = false; i += 1; continue; }
      if (ch === ',') { fields.push(field); field = ''; atFieldStart = true; i += 1; continue; }
      if (ch === '\n' || (ch === '\r' && input[i + 1] === '\n')) {
        fields.push(field);
        i += ch === '\r' ? 2 : 1;
        line += 1;
        break;
      }
      if (ch === '"') throw new CsvFormatError('bare " in non-quoted field', line);
      field += ch;
      atFieldStart = false;
      i += 1;
    }
    records.push({ line: startLine, fields });
  }
  const width = records[0]?.fields.length;
  for (const record of records) {
    if (record.fields.length !== width) {
      throw new CsvFormatError(`wrong number of fields (${record.fields.length}, header has ${width})`, record.line);
    }
  }
  return records;
}
