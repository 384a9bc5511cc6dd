/**
 * CSV for spreadsheets. Excel in a Dutch locale reads `;` as the separator and needs a byte order mark to take the
 * file as UTF-8. A cell that starts with = + - @ tab or CR would be run as a formula (CSV injection): it gets a
 * leading apostrophe, which spreadsheets show as text.
 */
export const CSV_SEPARATOR = ';';
const BOM = '\uFEFF';

export function neutraliseCell(value: string): string {
  // Spreadsheets also run a formula after leading spaces.
  return /^[\s]*[=+\-@]|^[\t\r]/.test(value) ? `'${value}` : value;
}

const quote = (value: string) => `"${neutraliseCell(value).replace(/"/g, '""')}"`;

/** Rows of cells to one CSV document: BOM, every cell quoted, CRLF line ends (RFC 4180). */
export function toCsv(rows: ReadonlyArray<ReadonlyArray<string>>): string {
  return BOM + rows.map((r) => r.map(quote).join(CSV_SEPARATOR)).join('\r\n') + '\r\n';
}
