/**
 * An Excel workbook (.xlsx), read with exceljs: the first worksheet (or the one
 * `source_layer` names), the first row the header, every further row a row as in CSV
 * (coordinates from mapped columns, the same CRS detection). Numeric cells stay
 * numbers; text such as "6400487,5" is read as CSV reads it (decimal comma).
 */
import ExcelJS from 'exceljs';
import { FORBIDDEN_KEYS, fileError, type SourceFile, type SourceRow } from '../parse.js';
import { chooseLayer } from './layers.js';

/** A cell's value as text or number: formulas by their result, rich text and links by their text, dates as ISO dates. */
function cellValue(v: ExcelJS.CellValue): string | number | undefined {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? undefined : v.toISOString().replace(/T00:00:00\.000Z$/, '');
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('formula' in v || 'sharedFormula' in v) return cellValue((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ('hyperlink' in v) return typeof v.text === 'string' ? v.text : cellValue(v.text as ExcelJS.CellValue);
    if ('error' in v) return undefined;
  }
  return String(v);
}

export async function parseXlsx(bytes: Uint8Array, sourceLayer: string | undefined): Promise<SourceFile> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch (err) {
    throw fileError(`the Excel workbook cannot be read: ${(err as Error).message}`);
  }
  const names = wb.worksheets.map((w) => w.name);
  // A workbook usually has helper sheets: the first is read unless another is named.
  const name = sourceLayer === undefined ? names[0] : chooseLayer(names, sourceLayer, 'worksheets');
  const sheet = wb.worksheets.find((w) => w.name === name);
  if (!sheet) throw fileError('the workbook has no worksheet');
  const headerRow = sheet.getRow(1);
  const header: { col: number; name: string }[] = [];
  headerRow.eachCell({ includeEmpty: false }, (cell, col) => {
    const h = String(cellValue(cell.value) ?? '').trim();
    if (h !== '' && !FORBIDDEN_KEYS.has(h)) header.push({ col, name: h });
  });
  if (!header.length) throw fileError(`the worksheet "${sheet.name}" has no header in its first row`);
  const seen = new Set<string>();
  for (const h of header) {
    if (seen.has(h.name)) throw fileError(`the header names the column "${h.name}" twice`);
    seen.add(h.name);
  }
  const rows: SourceRow[] = [];
  for (let r = 2; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const props: Record<string, unknown> = Object.create(null);
    let any = false;
    for (const h of header) {
      const v = cellValue(row.getCell(h.col).value);
      props[h.name] = v ?? '';
      if (v !== undefined && v !== '') any = true;
    }
    if (any) rows.push({ row: r, props });
  }
  return { format: 'xlsx', fields: header.map((h) => h.name), rows, sourceLayer: sheet.name, layers: names };
}
