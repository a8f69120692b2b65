/**
 * CSV as spreadsheet programs expect it (RFC 4180): comma-separated, CRLF line ends, fields
 * quoted when they hold a comma, quote, line break or edge spaces, and a UTF-8 byte order mark
 * so Excel reads Chinese correctly.
 */

export type CsvValue = string | number | null | undefined;

/** One field, quoted only when needed; inner quotes are doubled. */
export function csvField(value: CsvValue): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole document: BOM, then one CRLF-terminated line per row. */
export function toCsv(rows: readonly (readonly CsvValue[])[]): string {
  return '\uFEFF' + rows.map((row) => row.map(csvField).join(',') + '\r\n').join('');
}
