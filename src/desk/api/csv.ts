// CSV for Excel: UTF-8 with a byte-order mark (so Excel reads Chinese correctly), CRLF line ends, every field
// quoted, and a leading = + - @ neutralised with an apostrophe, so a resident's words never run as a formula.
export const CSV_BOM = "\uFEFF";

export function csvField(value: unknown): string {
  let s = value === null || value === undefined ? "" : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return `"${s.replace(/"/g, '""')}"`;
}

export function csvLine(values: readonly unknown[]): string {
  return `${values.map(csvField).join(",")}\r\n`;
}
