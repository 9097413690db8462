/**
 * The one CSV writer of the product: every CSV download (layer and contact exports,
 * the information needs, the outreach exports, the data-subject export) is written
 * here, so that the format and the formula-escaping rule cannot drift between them.
 *
 * Two dialects ({@link CSV_DIALECTS}): `excel_sv` is what Excel with Swedish regional
 * settings opens as is, with numbers as numbers: UTF-8 with a byte-order mark (without
 * it Excel reads Windows-1252 and garbles å, ä, ö), `;` between fields (Swedish Excel's
 * list separator, since `,` is its decimal sign) and a decimal comma; `standard` is
 * RFC 4180 with `,`, a decimal point and no BOM, for programs (QGIS, pandas, R). Both
 * have CRLF line ends, a header row, and fields quoted only when they hold the
 * separator, a quote, a line break or leading or trailing spaces (quotes doubled).
 */

/** The CSV dialects every CSV export takes as `dialect`. */
export const CSV_DIALECTS = ['excel_sv', 'standard'] as const;
export type CsvDialect = (typeof CSV_DIALECTS)[number];

/**
 * The dialect a CSV export writes when the request names none: Swedish Excel, the
 * program most users open the files in (the client names the dialect of the page's
 * language on every link anyway).
 */
export const DEFAULT_CSV_DIALECT: CsvDialect = 'excel_sv';

/** OpenAPI text of the `dialect` parameter, the same on every CSV route. */
export const CSV_DIALECT_DESCRIPTION =
  '`excel_sv` (default): UTF-8 with BOM, `;` between fields, decimal comma, CRLF, as Excel with Swedish regional settings opens it (numbers arrive as numbers); ' +
  '`standard`: RFC 4180, `,` between fields, decimal point, CRLF, no BOM.';

/** A field separator: `,` (RFC 4180) or `;` (what Excel expects where the decimal comma is used). */
export type CsvSeparator = ',' | ';';

/** `+46 31 123 45 67`, `+46-31-123 45 67`, `031-123 45 67`, `+46 (0)31 12 34 56`: a leading `+` or digit, then only digits, spaces, hyphens and parentheses, at least 6 digits. */
const PHONE = /^\+?\d[\d ()-]*$/;
/** `-12.5`, `+3`, `1e-3`, `-0,5`: one signed decimal number. */
const NUMBER = /^[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?$/;

/**
 * Neutralises spreadsheet formula injection (OWASP "CSV Injection"): a text that a
 * spreadsheet would run as a formula, one beginning with `=`, `+`, `-`, `@`, a tab
 * or a carriage return, gets a leading `'`, which Excel and LibreOffice read as "this
 * is text" and do not show.
 *
 * Plain phone numbers and plain numbers are left intact, because the contact lists
 * are full of `+46 31 …` and the layers of negative numbers, and a `'` in front
 * would spoil them for the people who call or compute with them; neither can do
 * harm when a spreadsheet evaluates it (no function, no cell reference, no link).
 * Anything else is escaped, arithmetic included: `-2+3` is not a phone number (a
 * hyphen first) nor one number, so it becomes `'-2+3`, as do `=HYPERLINK(…)` and
 * `+SUM(A1)`.
 */
export function escapeFormula(text: string): string {
  if (!/^[=+\-@\t\r]/.test(text)) return text;
  if (NUMBER.test(text)) return text;
  if (PHONE.test(text) && (text.match(/\d/g)?.length ?? 0) >= 6) return text;
  return `'${text}`;
}

/** The text of one value: empty for null, lists joined by commas, objects as JSON; numbers and booleans as they print, with `decimal` as the decimal sign. */
function textOf(v: unknown, decimal: '.' | ','): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return decimal === ',' ? String(v).replace('.', ',') : String(v);
  if (typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return escapeFormula(v.map((x) => (x === null || x === undefined ? '' : typeof x === 'object' ? JSON.stringify(x) : String(x))).join(','));
  return escapeFormula(typeof v === 'object' ? JSON.stringify(v) : String(v));
}

function field(v: unknown, separator: CsvSeparator, decimal: '.' | ','): string {
  const s = textOf(v, decimal);
  return s.includes(separator) || /["\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * A whole CSV file: byte-order mark (unless `bom: false`, for programs that read it as
 * part of the first header), the header row `columns`, one line per row (an array of
 * values in column order, or an object read by the column names), each line ended by
 * CRLF. Numbers are written with `decimal` (default `.`); texts are written as they are.
 */
export function toCsv(
  columns: readonly string[], rows: readonly (readonly unknown[] | Record<string, unknown>)[], separator: CsvSeparator = ',',
  options: { bom?: boolean; decimal?: '.' | ',' } = {},
): string {
  const decimal = options.decimal ?? '.';
  const line = (values: readonly unknown[]) => `${values.map((v) => field(v, separator, decimal)).join(separator)}\r\n`;
  let out = `${options.bom === false ? '' : '\uFEFF'}${line(columns)}`;
  for (const r of rows) out += line(Array.isArray(r) ? r : columns.map((c) => (r as Record<string, unknown>)[c]));
  return out;
}

/** A whole CSV file in `dialect` (see the module comment): separator, decimal sign and BOM follow from it. */
export function toCsvIn(dialect: CsvDialect, columns: readonly string[], rows: readonly (readonly unknown[] | Record<string, unknown>)[]): string {
  return dialect === 'excel_sv' ? toCsv(columns, rows, ';', { bom: true, decimal: ',' }) : toCsv(columns, rows, ',', { bom: false, decimal: '.' });
}
