/** Texts of the downloads: the export list on the import page and the contact list's downloads on the unit view. */
export const exportsSv = {
  title: 'Exportera',
  intro:
    'Hela lager som GeoJSON, CSV eller GeoPackage. GeoJSON och CSV i WGS 84 (lon/lat, CSV även SWEREF 99 TM x/y), eller i SWEREF 99 TM; GeoPackage i SWEREF 99 TM. ' +
    'CSV-filerna öppnas direkt i Excel med svenska inställningar (semikolon, decimalkomma). För GIS-program: OGC API – Features på /ogc med en personlig API-nyckel.',
  geojson: 'GeoJSON',
  csv: 'CSV',
  gpkg: 'GeoPackage',
  sweref: 'SWEREF 99 TM',
  /** A download in SWEREF 99 TM, e.g. "GeoJSON (SWEREF 99 TM)". */
  inSweref: (format: string) => `${format} (SWEREF 99 TM)`,
  all: 'Allt som GeoPackage',
  allHint: 'Enheter, grannskapsaktörer, barns platser och områden, en tabell var, i SWEREF 99 TM.',
  contactsHeading: 'Ladda ner kontakterna',
  contactsCsv: 'Kontakter som CSV',
  contactsVcf: 'Kontakter som vCard (telefon)',
  contactsHint: 'CSV för Excel; vCard att läsa in i telefonens kontakter. Varje nedladdning loggas.',
};

export const exportsEn: typeof exportsSv = {
  title: 'Export',
  intro:
    'Whole layers as GeoJSON, CSV or GeoPackage. GeoJSON and CSV in WGS 84 (lon/lat, CSV with SWEREF 99 TM x/y too), or in SWEREF 99 TM; GeoPackage in SWEREF 99 TM. ' +
    'The CSV files use commas and decimal points (international). For GIS software: OGC API – Features at /ogc with a personal API token.',
  geojson: 'GeoJSON',
  csv: 'CSV',
  gpkg: 'GeoPackage',
  sweref: 'SWEREF 99 TM',
  inSweref: (format: string) => `${format} (SWEREF 99 TM)`,
  all: 'Everything as GeoPackage',
  allHint: "Units, neighbourhood actors, children's places and areas, a table each, in SWEREF 99 TM.",
  contactsHeading: 'Download the contacts',
  contactsCsv: 'Contacts as CSV',
  contactsVcf: 'Contacts as vCard (phone)',
  contactsHint: 'CSV for spreadsheets; vCard to import into a phone\'s contacts. Every download is logged.',
};
