/**
 * Objects as CSV (RFC 4180): the union of their keys as columns, nested objects flattened with
 * dots, arrays joined with ";", every field quoted when it holds a comma, quote or line break.
 * Cells that a spreadsheet would run as a formula are prefixed with an apostrophe.
 */
export function toCsv(rows: object[]): string {
  const flat = rows.map((r) => flatten(r));
  const columns = [...new Set(flat.flatMap((r) => Object.keys(r)))];
  const lines = [
    columns.map(cell).join(','),
    ...flat.map((r) => columns.map((c) => cell(r[c] ?? '')).join(',')),
  ];
  return `${lines.join('\r\n')}\r\n`;
}

function flatten(value: object, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, v] of Object.entries(value)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (v === null || v === undefined) out[name] = '';
    else if (Array.isArray(v)) out[name] = v.map(String).join(';');
    else if (typeof v === 'object') Object.assign(out, flatten(v, name));
    else out[name] = String(v);
  }
  return out;
}

function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
