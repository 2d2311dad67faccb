/**
 * Every CSV the product writes goes through here (today the CLI's `--rejected` file). A cell
 * that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is a formula to Excel and
 * LibreOffice (CSV injection: `=HYPERLINK(…)` in a name that came from an import file), so it
 * gets a leading `'`, which the spreadsheet shows as text and does not display. Numbers are
 * written as they are (a negative amount stays a number).
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\n\r;]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One CSV line (with its newline) of cells, each neutralised by `csvCell`. */
export function csvRow(cells: readonly (string | number | null | undefined)[]): string {
  return `${cells.map(csvCell).join(",")}\n`;
}
