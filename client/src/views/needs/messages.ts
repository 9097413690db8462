/**
 * Texts of the information officer's work on the needs list: the status choices,
 * selecting rows for marking, the order and the export. Registered as `m.needsWork`.
 */
import { formatNumber } from '../../lib/format.js';
import { plural } from '../../lib/plural.js';

const nSv = (x: number) => formatNumber('sv-SE', x);
const nEn = (x: number) => formatNumber('en-GB', x);

export const needsWorkSv = {
  statusLegend: 'Status',
  /** A status choice with the number of needs it holds over the whole list. */
  statusChoice: (label: string, count: number) => `${label} (${nSv(count)})`,
  selectAll: 'Välj alla synliga behov',
  selected: (count: number, shown: number) => (count === 0 ? 'Inga behov valda' : `${nSv(count)} av ${nSv(shown)} synliga valda`),
  clearSelection: 'Avmarkera alla',
  markHeading: 'Markera som informerade',
  orderDefault: 'Ordning: mest angeläget först (försenade, ej informerade, snart dags, informerade), sedan prioritet och avstånd.',
  orderBy: (column: string, descending: boolean) => `Ordning: ${column}, ${descending ? 'fallande' : 'stigande'}.`,
  resetOrder: 'Mest angeläget först',
  exportHeading: 'Exportera listan',
  exportHint: (count: number) => `Filen innehåller ${count === 1 ? 'det' : 'de'} ${plural('sv-SE', count, 'behov', 'behov')} som filtren ger, i listans ordning, alla sidor.`,
  exportExcel: 'CSV för Excel',
  exportStandard: 'CSV för andra program',
  exportExcelHint: 'Semikolon, decimalkomma, öppnas direkt i Excel med svenska inställningar.',
  exportStandardHint: 'Kommatecken och decimalpunkt (RFC 4180), för GIS och andra program.',
  rowCard: 'Behov',
};

export const needsWorkEn: typeof needsWorkSv = {
  statusLegend: 'Status',
  statusChoice: (label: string, count: number) => `${label} (${nEn(count)})`,
  selectAll: 'Select every need shown',
  selected: (count: number, shown: number) => (count === 0 ? 'No needs selected' : `${nEn(count)} of ${nEn(shown)} shown selected`),
  clearSelection: 'Clear selection',
  markHeading: 'Mark as informed',
  orderDefault: 'Order: most urgent first (overdue, not informed, due soon, informed), then priority and distance.',
  orderBy: (column: string, descending: boolean) => `Order: ${column}, ${descending ? 'descending' : 'ascending'}.`,
  resetOrder: 'Most urgent first',
  exportHeading: 'Export the list',
  exportHint: (count: number) => `The file holds the ${plural('en-GB', count, 'need', 'needs')} the filters give, in the list's order, every page.`,
  exportExcel: 'CSV for Excel',
  exportStandard: 'CSV for other programs',
  exportExcelHint: 'Semicolons and decimal commas, opens as is in Excel with Swedish settings.',
  exportStandardHint: 'Commas and decimal points (RFC 4180), for GIS and other programs.',
  rowCard: 'Need',
};
