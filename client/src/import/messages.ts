/** Swedish and English texts of the import page. `importEn` has exactly the keys of `importSv`. */
import type { Format, Layer } from './lib.js';
import { plural } from '../lib/plural.js';

const pSv = (x: number, one: string, other: string) => plural('sv-SE', x, one, other);
const pEn = (x: number, one: string, other: string) => plural('en-GB', x, one, other);

type P = Record<string, unknown>;
const AXIS_SV: Record<string, string> = { lon: 'longitud', lat: 'latitud', x: 'X, östlig koordinat i meter', y: 'Y, nordlig koordinat i meter' };
const AXIS_EN: Record<string, string> = { lon: 'longitude', lat: 'latitude', x: 'X, easting in metres', y: 'Y, northing in metres' };
const axis = (a: unknown) => AXIS_SV[String(a)] ?? String(a);
const axisEn = (a: unknown) => AXIS_EN[String(a)] ?? String(a);
/** Enum values, already turned into labels by the page (ImportReportView's `reasonText`). */
const labels = (values: unknown) => (Array.isArray(values) ? values.map(String).join(', ') : '');

const OSM_KIND_SV: Record<string, string> = {
  pdf: 'Det här är en PDF-fil', zip: 'Det här är ett ZIP-arkiv (även .xlsx, .docx och .kmz är det)', gzip: 'Det här är en gzip-packad fil: packa upp den först',
  bzip2: 'Det här är en bzip2-packad fil (.osm.bz2): packa upp och konvertera den först', png: 'Det här är en PNG-bild', jpeg: 'Det här är en JPEG-bild',
  sqlite: 'Det här är en SQLite-databas (GeoPackage eller MBTiles)', pmtiles: 'Det här är ett PMTiles-arkiv', osm_xml: 'Det här är OSM XML: konvertera den med ”osmium cat fil.osm -o fil.osm.pbf”',
  xml: 'Det här är en XML-fil', geojson: 'Det här är GeoJSON, som registerimporten ovan läser', csv: 'Det här är en text- eller CSV-fil', empty: 'Filen är tom', unknown: 'Filen är varken OSM PBF eller Overpass JSON',
};
const OSM_KIND_EN: Record<string, string> = {
  pdf: 'This is a PDF file', zip: 'This is a ZIP archive (so are .xlsx, .docx and .kmz)', gzip: 'This is a gzip-compressed file: unpack it first',
  bzip2: 'This is a bzip2-compressed file (.osm.bz2): unpack and convert it first', png: 'This is a PNG image', jpeg: 'This is a JPEG image',
  sqlite: 'This is an SQLite database (GeoPackage or MBTiles)', pmtiles: 'This is a PMTiles archive', osm_xml: 'This is OSM XML: convert it with "osmium cat file.osm -o file.osm.pbf"',
  xml: 'This is an XML file', geojson: 'This is GeoJSON, which the register import above reads', csv: 'This is a text or CSV file', empty: 'The file is empty', unknown: 'The file is neither OSM PBF nor Overpass JSON',
};

/** What an uploaded file of a refused kind is (`unsupported_file_type`'s params.type). */
const FILE_TYPE_SV: Record<string, string> = {
  pdf: 'en PDF-fil', png: 'en PNG-bild', jpeg: 'en JPEG-bild', gif: 'en GIF-bild', tiff: 'en TIFF-bild', webp: 'en WebP-bild',
  xls: 'en äldre Office-fil (.xls eller .doc): spara den som .xlsx', docx: 'ett Word-dokument', pptx: 'en PowerPoint-presentation',
  ods: 'ett OpenDocument-kalkylark: spara det som .xlsx eller CSV', odt: 'ett OpenDocument-textdokument', zip: 'ett ZIP-arkiv utan Shapefile, KML eller arbetsbok',
  gzip: 'en gzip-packad fil: packa upp den först', bzip2: 'en bzip2-packad fil: packa upp den först', '7z': 'ett 7-Zip-arkiv', rar: 'ett RAR-arkiv',
  shp: 'en ensam .shp-fil: packa den i en zip tillsammans med .shx, .dbf och .prj', sqlite: 'en SQLite-databas som inte är en GeoPackage', pmtiles: 'ett PMTiles-arkiv',
  osm_pbf: 'OpenStreetMap PBF (den läses av grunddataimporten nedan)', osm_xml: 'OpenStreetMap XML', gpx: 'ett GPX-spår', html: 'en webbsida (HTML)', xml: 'en XML-fil som inte är KML',
  exe: 'ett program', empty: 'en tom fil', binary: 'en binärfil av okänt slag',
};
const FILE_TYPE_EN: Record<string, string> = {
  pdf: 'a PDF file', png: 'a PNG image', jpeg: 'a JPEG image', gif: 'a GIF image', tiff: 'a TIFF image', webp: 'a WebP image',
  xls: 'an old Office file (.xls or .doc): save it as .xlsx', docx: 'a Word document', pptx: 'a PowerPoint presentation',
  ods: 'an OpenDocument spreadsheet: save it as .xlsx or CSV', odt: 'an OpenDocument text', zip: 'a ZIP archive without a Shapefile, KML or workbook',
  gzip: 'a gzip-compressed file: unpack it first', bzip2: 'a bzip2-compressed file: unpack it first', '7z': 'a 7-Zip archive', rar: 'a RAR archive',
  shp: 'a lone .shp file: zip it together with its .shx, .dbf and .prj', sqlite: 'an SQLite database that is not a GeoPackage', pmtiles: 'a PMTiles archive',
  osm_pbf: 'OpenStreetMap PBF (the base-data import below reads it)', osm_xml: 'OpenStreetMap XML', gpx: 'a GPX track', html: 'a web page (HTML)', xml: 'an XML file that is not KML',
  exe: 'a program', empty: 'an empty file', binary: 'a binary file of an unknown kind',
};
const READS_SV = 'importen läser GeoJSON, CSV, GeoPackage, Shapefile (zip), KML/KMZ och Excel (.xlsx).';
const READS_EN = 'the import reads GeoJSON, CSV, GeoPackage, Shapefile (zip), KML/KMZ and Excel (.xlsx).';
const FORMAT_SV: Record<string, string> = { auto: 'Känn igen automatiskt', geojson: 'GeoJSON', csv: 'CSV', overpass: 'OSM Overpass JSON', geopackage: 'GeoPackage (.gpkg)', shapefile: 'Shapefile (.zip)', kml: 'KML', kmz: 'KMZ', xlsx: 'Excel (.xlsx)' };
const FORMAT_EN: Record<string, string> = { auto: 'Recognise automatically', geojson: 'GeoJSON', csv: 'CSV', overpass: 'OSM Overpass JSON', geopackage: 'GeoPackage (.gpkg)', shapefile: 'Shapefile (.zip)', kml: 'KML', kmz: 'KMZ', xlsx: 'Excel (.xlsx)' };
const list = (v: unknown) => (Array.isArray(v) ? v.map((x) => `”${String(x)}”`).join(', ') : '');
const listEn = (v: unknown) => (Array.isArray(v) ? v.map((x) => `"${String(x)}"`).join(', ') : '');

export const importSv = {
  nav: 'Import och export',
  title: 'Importera data',
  intro: 'Läs in egna data: GeoPackage, Shapefile (zip), KML/KMZ, Excel (.xlsx), GeoJSON, CSV eller OpenStreetMap Overpass-JSON, i WGS 84, SWEREF 99 TM, SWEREF 99-zonerna eller RT 90. Formatet och koordinatsystemet känns igen; allt räknas om till WGS 84. Först en provkörning som visar vad som skulle hända; inget sparas förrän du bekräftar.',
  adminOnly: 'Bara administratörer kan importera.',
  layer: 'Lager',
  layers: { units: 'Enheter', actors: 'Grannskapsaktörer', 'child-places': 'Barns platser', areas: 'Områden' } satisfies Record<Layer, string> as Record<Layer, string>,
  file: 'Fil',
  format: 'Format',
  formats: FORMAT_SV satisfies Record<Format, string> as Record<Format, string>,
  sourceLayer: 'Lager, tabell eller blad i filen',
  readAs: (format: string, detected: boolean) => `Läst som ${FORMAT_SV[format] ?? format}${detected ? ' (igenkänt)' : ''}.`,
  crsUsed: (crs: string, title: string, detected: boolean) => `Koordinatsystem: ${title} (${crs})${detected ? ', igenkänt av koordinaternas storlek' : ''}; omräknat till WGS 84.`,
  layerUsed: (layer: string, all: number) => `Lager: ${layer}${all > 1 ? ` (ett av ${all})` : ''}.`,
  kind: 'Typ för alla rader',
  category: 'Kategori för alla rader',
  level: 'Nivå för alla rader',
  fromFile: '(från fil)',
  dryRun: 'Provkör',
  mappingTitle: 'Fältmappning',
  mappingHelp: 'Gissningar är markerade. Ändra det som är fel och provkör igen.',
  guessed: 'gissad',
  none: '(inget)',
  field: { name: 'Namn', id: 'Externt id', address: 'Adress', kind: 'Typ', category: 'Kategori', operator: 'Huvudman', organisation: 'Organisation', phone: 'Telefon', email: 'E-post', website: 'Webb', places: 'Platser', code: 'Kod', parent: 'Överordnat område', level: 'Nivå', lon: 'Longitud (WGS 84)', lat: 'Latitud (WGS 84)', x: 'X / easting', y: 'Y / northing', crs: 'Koordinatsystem' } as Record<string, string>,
  reportTitle: 'Resultat av provkörningen',
  committedTitle: 'Importerat',
  counts: (c: { total: number; inserted: number; updated: number; unchanged: number; rejected: number }) =>
    `${pSv(c.total, 'rad', 'rader')}: ${pSv(c.inserted, 'ny', 'nya')}, ${pSv(c.updated, 'ändrad', 'ändrade')}, ${pSv(c.unchanged, 'oförändrad', 'oförändrade')}, ${pSv(c.rejected, 'avvisad', 'avvisade')}.`,
  encoding: (e: string) => `Teckenkodning: ${e}.`,
  rejectedTitle: 'Avvisade rader',
  warningsTitle: 'Varningar',
  row: 'Rad',
  fieldCol: 'Fält',
  reason: 'Orsak',
  sampleTitle: 'Förhandsvisning (första raderna)',
  action: { insert: 'ny', update: 'ändras', unchanged: 'oförändrad' } as Record<string, string>,
  confirm: 'Importera',
  cannotConfirm: 'Rätta de avvisade raderna först: importen sparar allt eller inget.',
  working: 'Arbetar…',
  exportTitle: 'Exportera',
  exportIntro: 'Hela lager som GeoJSON eller CSV (med WGS 84 lon/lat och SWEREF 99 TM x/y). För GIS-program: OGC API – Features på /ogc med en personlig API-nyckel.',
  geojson: 'GeoJSON',
  csv: 'CSV',
  /** Rejected rows' and warnings' reasons by their code (the report's `code` and `params`). */
  reasons: {
    required_value: (p: P) => (Array.isArray(p.values) ? `Värdet saknas. Ange ett av: ${labels(p.values)}.` : 'Värdet saknas, men det krävs.'),
    invalid_value: (p: P) => `”${String(p.value ?? '')}” är inte ett känt värde. Giltiga: ${labels(p.values)}.`,
    unmapped_field: () => 'Inget fält är valt för namnet. Välj ett i fältmappningen.',
    not_whole_number: (p: P) => `”${String(p.value ?? '')}” är inte ett heltal mellan ${p.minimum} och ${p.maximum}.`,
    too_long: (p: P) => `Texten är för lång: ${p.length} tecken, högst ${p.maximum}.`,
    duplicate_id: (p: P) => `Samma externa id finns redan på rad ${p.first}.`,
    not_a_number: (p: P) => `”${String(p.value ?? '')}” är inte ett tal (${axis(p.axis)}).`,
    swapped_axes: () => 'Koordinaterna ser omkastade ut. Byt plats på fälten i fältmappningen.',
    metres_not_degrees: () => 'Värdena ser ut som SWEREF 99-meter, inte grader. Mappa dem som X/Y och välj koordinatsystem.',
    degrees_not_metres: () => 'Värdena ser ut som grader (WGS 84), inte meter. Mappa dem som longitud/latitud.',
    outside_sweden: () => 'Platsen ligger utanför Sverige. Kontrollera koordinaterna och koordinatsystemet.',
    not_a_feature: () => 'Posten är inte ett GeoJSON-objekt av typen Feature.',
    not_an_element: () => 'Posten är inte ett giltigt OSM-element.',
    no_position: () => 'Noden saknar position.',
    no_center: () => 'Elementet saknar mittpunkt. Kör Overpass-frågan med ”out center”.',
    broken_row: () => 'Raden kunde inte läsas: kontrollera citattecken och avgränsare.',
    field_count: (p: P) => `Raden har ${p.got} fält men rubrikraden har ${p.expected}. Kontrollera avgränsare och citattecken.`,
    geometry_repaired: () => 'Polygonen var ogiltig och har lagats automatiskt.',
    invalid_geometry: () => 'Polygonen är ogiltig och kan inte lagas: ringarna får inte korsa sig själva eller varandra.',
    bad_file: () => 'Filen kunde inte läsas. Kontrollera formatet och teckenkodningen.',
    unsupported_file_type: (p: P) => {
      const what = FILE_TYPE_SV[String(p.type)] ?? FILE_TYPE_SV.binary!;
      return `Det här är ${what}; ${READS_SV}`.replace(/^Det här är en tom fil/, 'Filen är tom');
    },
    format_mismatch: (p: P) => `Filen är ${FORMAT_SV[String(p.detected)] ?? String(p.detected)}, inte ${FORMAT_SV[String(p.format)] ?? String(p.format)}. Välj ”${FORMAT_SV.auto}” som format.`,
    unknown_crs: (p: P) => `Koordinatsystemet ”${String(p.crs ?? '')}” kan importen inte läsa. Den läser WGS 84, SWEREF 99 TM, SWEREF 99-zonerna och RT 90 2.5 gon V; konvertera filen först (till exempel i QGIS).`,
    crs_detected: (p: P) => `Filen anger inget koordinatsystem; koordinaterna har lästs som ${String(p.title ?? p.crs ?? '')} (${String(p.crs ?? '')}) utifrån deras storlek. Kontrollera platserna i förhandsvisningen.`,
    choose_layer: (p: P) => (p.value !== undefined ? `Lagret ”${String(p.value)}” finns inte i filen. Den har: ${list(p.layers)}.` : `Filen har flera lager: ${list(p.layers)}. Välj vilket som ska importeras.`),
    no_layers: () => 'Filen innehåller inget lager med geometrier (ingen featuretabell eller .shp-fil).',
    bad_geometry: () => 'Geometrin kunde inte läsas.',
    zip_too_large: (p: P) => `ZIP-filen packas upp till ${p.unpacked_mb} MB; importen packar upp högst ${p.maximum_mb} MB. Dela upp filen.`,
    shapefile_part: (p: P) => `ZIP-filen saknar ${String(p.layer ?? '')}.${String(p.part ?? 'dbf')}. Packa .shp, .shx, .dbf och .prj tillsammans.`,
    osm_file_kind: (p: P) => `${OSM_KIND_SV[String(p.kind)] ?? OSM_KIND_SV.unknown}; OSM-importen läser .osm.pbf eller Overpass JSON.`,
    osm_file_broken: () => 'Filen kunde inte läsas till slut: den är avbruten eller trasig. Ladda ner den igen. Inget importerades; grunddatan är som förut.',
    osm_file_empty: () => 'Filen innehåller inga OSM-noder eller -vägar. Inget importerades.',
    osm_no_positions: () => 'Filens vägar saknar sina noder, så inget kan ritas. Kör Overpass-frågan med ”>; out skel qt;” eller ”out geom;” och exportera igen. Inget importerades.',
  } as Record<string, (p: P) => string>,
};

export const importEn: typeof importSv = {
  nav: 'Import and export',
  title: 'Import data',
  intro: 'Load your own data: GeoPackage, Shapefile (zip), KML/KMZ, Excel (.xlsx), GeoJSON, CSV or OpenStreetMap Overpass JSON, in WGS 84, SWEREF 99 TM, the SWEREF 99 zones or RT 90. The format and the coordinate system are recognised; everything is converted to WGS 84. First a dry run shows what would happen; nothing is saved until you confirm.',
  adminOnly: 'Only administrators can import.',
  layer: 'Layer',
  layers: { units: 'Units', actors: 'Neighbourhood actors', 'child-places': "Children's places", areas: 'Areas' },
  file: 'File',
  format: 'Format',
  formats: FORMAT_EN as Record<Format, string>,
  sourceLayer: 'Layer, table or sheet in the file',
  readAs: (format, detected) => `Read as ${FORMAT_EN[format] ?? format}${detected ? ' (recognised)' : ''}.`,
  crsUsed: (crs, title, detected) => `Coordinate system: ${title} (${crs})${detected ? ', recognised from the size of the coordinates' : ''}; converted to WGS 84.`,
  layerUsed: (layer, all) => `Layer: ${layer}${all > 1 ? ` (one of ${all})` : ''}.`,
  kind: 'Kind for every row',
  category: 'Category for every row',
  level: 'Level for every row',
  fromFile: '(from the file)',
  dryRun: 'Dry run',
  mappingTitle: 'Field mapping',
  mappingHelp: 'Guesses are marked. Correct what is wrong and run the dry run again.',
  guessed: 'guessed',
  none: '(none)',
  field: { name: 'Name', id: 'External id', address: 'Address', kind: 'Kind', category: 'Category', operator: 'Operator', organisation: 'Organisation', phone: 'Phone', email: 'E-mail', website: 'Website', places: 'Places', code: 'Code', parent: 'Parent area', level: 'Level', lon: 'Longitude (WGS 84)', lat: 'Latitude (WGS 84)', x: 'X / easting', y: 'Y / northing', crs: 'Coordinate system' },
  reportTitle: 'Dry run result',
  committedTitle: 'Imported',
  counts: (c) => `${pEn(c.total, 'row', 'rows')}: ${pEn(c.inserted, 'new', 'new')}, ${pEn(c.updated, 'changed', 'changed')}, ${pEn(c.unchanged, 'unchanged', 'unchanged')}, ${pEn(c.rejected, 'rejected', 'rejected')}.`,
  encoding: (e) => `Text encoding: ${e}.`,
  rejectedTitle: 'Rejected rows',
  warningsTitle: 'Warnings',
  row: 'Row',
  fieldCol: 'Field',
  reason: 'Reason',
  sampleTitle: 'Preview (first rows)',
  action: { insert: 'new', update: 'changes', unchanged: 'unchanged' },
  confirm: 'Import',
  cannotConfirm: 'Fix the rejected rows first: the import saves all or nothing.',
  working: 'Working…',
  exportTitle: 'Export',
  exportIntro: 'Whole layers as GeoJSON or CSV (with WGS 84 lon/lat and SWEREF 99 TM x/y). For GIS software: OGC API – Features at /ogc with a personal API token.',
  geojson: 'GeoJSON',
  csv: 'CSV',
  reasons: {
    required_value: (p: P) => (Array.isArray(p.values) ? `The value is missing. Give one of: ${labels(p.values)}.` : 'The value is missing but required.'),
    invalid_value: (p: P) => `"${String(p.value ?? '')}" is not a known value. Valid: ${labels(p.values)}.`,
    unmapped_field: () => 'No field is chosen for the name. Choose one in the field mapping.',
    not_whole_number: (p: P) => `"${String(p.value ?? '')}" is not a whole number from ${p.minimum} to ${p.maximum}.`,
    too_long: (p: P) => `The text is too long: ${pEn(Number(p.length), 'character', 'characters')}, at most ${p.maximum}.`,
    duplicate_id: (p: P) => `The same external id is already on row ${p.first}.`,
    not_a_number: (p: P) => `"${String(p.value ?? '')}" is not a number (${axisEn(p.axis)}).`,
    swapped_axes: () => 'The coordinates look swapped. Swap the fields in the field mapping.',
    metres_not_degrees: () => 'The values look like SWEREF 99 metres, not degrees. Map them as X/Y and choose the coordinate system.',
    degrees_not_metres: () => 'The values look like degrees (WGS 84), not metres. Map them as longitude/latitude.',
    outside_sweden: () => 'The place lies outside Sweden. Check the coordinates and the coordinate system.',
    not_a_feature: () => 'The entry is not a GeoJSON object of type Feature.',
    not_an_element: () => 'The entry is not a valid OSM element.',
    no_position: () => 'The node has no position.',
    no_center: () => 'The element has no centre. Run the Overpass query with "out center".',
    broken_row: () => 'The row could not be read: check quotes and separators.',
    field_count: (p: P) => `The row has ${pEn(Number(p.got), 'field', 'fields')} but the header has ${p.expected}. Check separators and quotes.`,
    geometry_repaired: () => 'The polygon was invalid and has been repaired automatically.',
    invalid_geometry: () => 'The polygon is invalid and cannot be repaired: rings must not cross themselves or each other.',
    bad_file: () => 'The file could not be read. Check the format and the character encoding.',
    unsupported_file_type: (p: P) => {
      const what = FILE_TYPE_EN[String(p.type)] ?? FILE_TYPE_EN.binary!;
      return `This is ${what}; ${READS_EN}`.replace(/^This is an empty file/, 'The file is empty');
    },
    format_mismatch: (p: P) => `The file is ${FORMAT_EN[String(p.detected)] ?? String(p.detected)}, not ${FORMAT_EN[String(p.format)] ?? String(p.format)}. Choose "${FORMAT_EN.auto}" as the format.`,
    unknown_crs: (p: P) => `The import cannot read the coordinate system "${String(p.crs ?? '')}". It reads WGS 84, SWEREF 99 TM, the SWEREF 99 zones and RT 90 2.5 gon V; convert the file first (in QGIS, for example).`,
    crs_detected: (p: P) => `The file names no coordinate system; the coordinates were read as ${String(p.title ?? p.crs ?? '')} (${String(p.crs ?? '')}) from their size. Check the places in the preview.`,
    choose_layer: (p: P) => (p.value !== undefined ? `The layer "${String(p.value)}" is not in the file. It has: ${listEn(p.layers)}.` : `The file has several layers: ${listEn(p.layers)}. Choose the one to import.`),
    no_layers: () => 'The file holds no layer with geometries (no feature table or .shp file).',
    bad_geometry: () => 'The geometry could not be read.',
    zip_too_large: (p: P) => `The zip unpacks to ${p.unpacked_mb} MB; the import unpacks at most ${p.maximum_mb} MB. Split the file.`,
    shapefile_part: (p: P) => `The zip lacks ${String(p.layer ?? '')}.${String(p.part ?? 'dbf')}. Zip the .shp, .shx, .dbf and .prj together.`,
    osm_file_kind: (p: P) => `${OSM_KIND_EN[String(p.kind)] ?? OSM_KIND_EN.unknown}; the OSM import reads .osm.pbf or Overpass JSON.`,
    osm_file_broken: () => 'The file could not be read to the end: it is truncated or corrupt. Download it again. Nothing was imported; the base data is as before.',
    osm_file_empty: () => 'The file holds no OSM nodes or ways. Nothing was imported.',
    osm_no_positions: () => 'The file\'s ways lack their nodes, so nothing can be drawn. Run the Overpass query with ">; out skel qt;" or "out geom;" and export again. Nothing was imported.',
  } as Record<string, (p: P) => string>,
};
