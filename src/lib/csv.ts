/**
 * CSV as spreadsheet programs expect it (RFC 4180): comma-separated, CRLF line ends, fields
 * quoted when they hold a comma, quote, line break or edge spaces, and a UTF-8 byte order mark
 * so Excel reads Chinese correctly.
 */

export type CsvValue = string | number | null | undefined;

/**
 * One field, quoted only when needed; inner quotes are doubled. Text that a spreadsheet would
 * run as a formula (starting with = + - @ or a tab/CR) gets a leading apostrophe (OWASP CSV
 * injection); numbers stay numbers.
 */
export function csvField(value: CsvValue): string {
  const raw = value === null || value === undefined ? '' : String(value);
  const text = typeof value === 'string' && /^[=+\-@\t\r]/.test(raw) ? `'${raw}` : raw;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole document: BOM, then one CRLF-terminated line per row. */
export function toCsv(rows: readonly (readonly CsvValue[])[]): string {
  return '\uFEFF' + rows.map((row) => row.map(csvField).join(',') + '\r\n').join('');
}
