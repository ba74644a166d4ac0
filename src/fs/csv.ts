// CSV as RFC 4180 writes it: CRLF after every record, a field in double quotes when it holds a
// comma, a double quote or a line break, a double quote inside doubled. An empty field is an
// absent value. Values are written exactly as they are: no guard against spreadsheet formulas,
// since the files are for directories that import them, and a guard would change the data (a
// phone number "+32 9 …" would get a leading quote).

export function csvText(
  columns: readonly string[],
  rows: readonly Record<string, string | null>[],
) {
  const line = (values: readonly (string | null)[]) => `${values.map(csvField).join(',')}\r\n`;
  return line(columns) + rows.map((row) => line(columns.map((c) => row[c] ?? null))).join('');
}

function csvField(value: string | null): string {
  if (value === null) return '';
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
