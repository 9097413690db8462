/** Swedish and English texts of the import page's OpenStreetMap base data part. `osmEn` has exactly the keys of `osmSv`. */
type Counts = { ways?: number; areas?: number; places?: number; addresses?: number; pois?: number };
import { plural } from '../lib/plural.js';

const n = (v: number | undefined, lang: 'sv' | 'en', one: string, other: string) => plural(lang === 'sv' ? 'sv-SE' : 'en-GB', v ?? 0, one, other);

export const osmSv = {
  title: 'Grunddata från OpenStreetMap',
  intro:
    'Gator och gångvägar, vatten, parker, byggnader, ortnamn, adresser och platser som kartan, adressökningen, gångavstånden och förslagen på aktörer bygger på. ' +
    'Ladda upp ett utdrag som .osm.pbf (t.ex. Geofabriks Sverigefil klippt till Göteborg med osmium) eller Overpass JSON (overpass-turbo: Exportera → rådata). ' +
    'Importen ersätter all tidigare grunddata på en gång; avfärdade förslag finns kvar.',
  current: (c: { source_name: string; imported_at: string; counts: Counts }) =>
    `Nuvarande grunddata: ${c.source_name}, importerad ${new Date(c.imported_at).toLocaleString('sv-SE', { dateStyle: 'long', timeStyle: 'short' })}.`,
  none: 'Ingen grunddata är importerad än: kartan visar bara vatten och områden.',
  counts: (c: Counts) =>
    `${n(c.ways, 'sv', 'väg eller linje', 'vägar och linjer')}, ${n(c.areas, 'sv', 'yta', 'ytor')}, ${n(c.places, 'sv', 'ortnamn', 'ortnamn')}, ${n(c.addresses, 'sv', 'adress', 'adresser')}, ${n(c.pois, 'sv', 'plats', 'platser')} (butiker, skolor, vårdcentraler …).`,
  file: 'OSM-fil (.osm.pbf eller Overpass JSON)',
  limit: (mb: number) => `Högst ${mb} MB.`,
  start: 'Importera grunddata',
  progressLabel: 'Importens förlopp',
  phase: {
    upload: 'Laddar upp filen …', read: 'Läser filen …', map: 'Tolkar vägar och ytor …', 'write:ways': 'Sparar vägar …', 'write:areas': 'Sparar ytor …',
    'write:places': 'Sparar ortnamn …', 'write:addresses': 'Sparar adresser …', 'write:pois': 'Sparar platser …', index: 'Bygger index …', done: 'Klart.', failed: 'Misslyckades.',
  } as Record<string, string>,
  done: (seconds: number) => `Grunddatan är importerad (${seconds.toLocaleString('sv-SE')} s).`,
  failed: 'Importen misslyckades och inget ändrades.',
  running: 'En import pågår redan.',
};

export const osmEn: typeof osmSv = {
  title: 'Base data from OpenStreetMap',
  intro:
    'Streets and footpaths, water, parks, buildings, place names, addresses and points of interest that the map, the address search, the walking distances and the actor suggestions build on. ' +
    'Upload an extract as .osm.pbf (e.g. Geofabrik\'s Sweden file clipped to Göteborg with osmium) or Overpass JSON (overpass-turbo: Export → raw data). ' +
    'The import replaces all earlier base data at once; dismissed suggestions are kept.',
  current: (c) => `Current base data: ${c.source_name}, imported ${new Date(c.imported_at).toLocaleString('en-GB', { dateStyle: 'long', timeStyle: 'short' })}.`,
  none: 'No base data is imported yet: the map shows only water and areas.',
  counts: (c) =>
    `${n(c.ways, 'en', 'way or line', 'ways and lines')}, ${n(c.areas, 'en', 'area', 'areas')}, ${n(c.places, 'en', 'place name', 'place names')}, ${n(c.addresses, 'en', 'address', 'addresses')}, ${n(c.pois, 'en', 'point of interest', 'points of interest')} (shops, schools, health centres …).`,
  file: 'OSM file (.osm.pbf or Overpass JSON)',
  limit: (mb) => `At most ${mb} MB.`,
  start: 'Import base data',
  progressLabel: 'Import progress',
  phase: {
    upload: 'Uploading the file …', read: 'Reading the file …', map: 'Interpreting ways and areas …', 'write:ways': 'Saving ways …', 'write:areas': 'Saving areas …',
    'write:places': 'Saving place names …', 'write:addresses': 'Saving addresses …', 'write:pois': 'Saving points of interest …', index: 'Building indexes …', done: 'Done.', failed: 'Failed.',
  },
  done: (seconds) => `The base data is imported (${seconds.toLocaleString('en-GB')} s).`,
  failed: 'The import failed and nothing changed.',
  running: 'An import is already running.',
};
