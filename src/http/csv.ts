// CSV exports (RFC 4180): comma-separated, CRLF line ends, fields quoted when they must be.

export type CsvCell = string | number | boolean | null | undefined;

/**
 * One CSV document from rows of named cells, in `columns` order. A cell starting with = + - @ (or a
 * tab/CR) is prefixed with ' so a spreadsheet opening an export never runs it as a formula.
 */
export function toCsv(columns: string[], rows: Array<Record<string, CsvCell>>): string {
  const lines = [columns.map(csvField), ...rows.map((row) => columns.map((c) => csvField(row[c])))];
  return lines.map((cells) => cells.join(',')).join('\r\n') + '\r\n';
}

function csvField(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
