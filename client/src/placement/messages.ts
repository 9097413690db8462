/** Swedish and English texts of the location picker (`m.placement`). `placementEn` has exactly the keys of `placementSv`. */
import type { Compass, ParseError } from './coords.js';

const svNumber = (v: number) => new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 1 }).format(v);
const enNumber = (v: number) => new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 }).format(v);
const svMetres = (v: number) => (v >= 1000 ? `${svNumber(Math.round(v / 10) / 100)} km` : `${svNumber(Math.round(v))} m`);
const enMetres = (v: number) => (v >= 1000 ? `${enNumber(Math.round(v / 10) / 100)} km` : `${enNumber(Math.round(v))} m`);

export const placementSv = {
  mapLabel: (label: string) => `Karta: ${label}`,
  help: 'Klicka i kartan för att placera punkten, dra markören, eller flytta den med piltangenterna när den har fokus (Skift för större steg). Du kan också skriva in koordinater.',
  markerLabel: (label: string) => `${label}: markör, flytta med piltangenterna`,
  centre: 'Placera i kartans mitt',
  showPoint: 'Visa punkten i kartan',
  coordinates: 'Koordinater',
  coordinatesHint: 'WGS 84 som latitud och longitud (57,6969 11,9866) eller SWEREF 99 TM som N och E (6398000 319000).',
  system: 'Koordinatsystem',
  systems: { auto: 'Känn igen automatiskt', wgs84: 'WGS 84 (lat, lon)', sweref99tm: 'SWEREF 99 TM (N, E)' },
  use: 'Använd koordinaterna',
  notPlaced: 'Inte placerad ännu.',
  current: 'Läge',
  wgs84: 'WGS 84',
  sweref: 'SWEREF 99 TM',
  placed: (wgs: string) => `Placerad på ${wgs}.`,
  moved: (metres: number, direction: Compass) =>
    metres < 0.5 ? 'Tillbaka där den började.' : `Flyttad ${svMetres(metres)} ${{ n: 'norrut', ne: 'åt nordost', e: 'österut', se: 'åt sydost', s: 'söderut', sw: 'åt sydväst', w: 'västerut', nw: 'åt nordväst' }[direction]} från där den började.`,
  step: (metres: number) => `Ett steg med piltangenterna: ${svMetres(metres)} (med Skift ${svMetres(metres * 10)}).`,
  contextDistance: (name: string, metres: number) => `${name}: ${svMetres(metres)} bort`,
  errors: {
    empty: 'Koordinater: skriv två tal, latitud och longitud (WGS 84) eller N och E (SWEREF 99 TM).',
    format: 'Koordinater: det går inte att läsa två tal. Skriv till exempel 57,6969 11,9866 (WGS 84) eller 6398000 319000 (SWEREF 99 TM).',
    system: 'Koordinater: talen är varken grader (WGS 84: latitud 55–69,5, longitud 10–24,5) eller meter i SWEREF 99 TM (N 6 000 000–7 800 000, E 100 000–1 100 000).',
    wrongSystem: 'Koordinater: talen passar inte det valda koordinatsystemet. Välj ett annat system eller ”Känn igen automatiskt”.',
    outside: 'Koordinater: punkten ligger utanför Sverige. Giltigt är latitud 55–69,5 och longitud 10–24,5 (WGS 84).',
  } satisfies Record<ParseError, string> as Record<ParseError, string>,
};

export const placementEn: typeof placementSv = {
  mapLabel: (label: string) => `Map: ${label}`,
  help: 'Click the map to place the point, drag the marker, or move it with the arrow keys when it has focus (Shift for bigger steps). You can also type coordinates.',
  markerLabel: (label: string) => `${label}: marker, move with the arrow keys`,
  centre: 'Place at map centre',
  showPoint: 'Show the point on the map',
  coordinates: 'Coordinates',
  coordinatesHint: 'WGS 84 as latitude and longitude (57.6969, 11.9866) or SWEREF 99 TM as N and E (6398000 319000).',
  system: 'Coordinate system',
  systems: { auto: 'Detect automatically', wgs84: 'WGS 84 (lat, lon)', sweref99tm: 'SWEREF 99 TM (N, E)' },
  use: 'Use the coordinates',
  notPlaced: 'Not placed yet.',
  current: 'Position',
  wgs84: 'WGS 84',
  sweref: 'SWEREF 99 TM',
  placed: (wgs: string) => `Placed at ${wgs}.`,
  moved: (metres: number, direction: Compass) =>
    metres < 0.5 ? 'Back where it started.' : `Moved ${enMetres(metres)} ${{ n: 'north', ne: 'north-east', e: 'east', se: 'south-east', s: 'south', sw: 'south-west', w: 'west', nw: 'north-west' }[direction]} from where it started.`,
  step: (metres: number) => `One arrow-key step: ${enMetres(metres)} (with Shift ${enMetres(metres * 10)}).`,
  contextDistance: (name: string, metres: number) => `${name}: ${enMetres(metres)} away`,
  errors: {
    empty: 'Coordinates: type two numbers, latitude and longitude (WGS 84) or N and E (SWEREF 99 TM).',
    format: 'Coordinates: two numbers could not be read. Type for example 57.6969, 11.9866 (WGS 84) or 6398000 319000 (SWEREF 99 TM).',
    system: 'Coordinates: the numbers are neither degrees (WGS 84: latitude 55–69.5, longitude 10–24.5) nor SWEREF 99 TM metres (N 6,000,000–7,800,000, E 100,000–1,100,000).',
    wrongSystem: 'Coordinates: the numbers do not fit the chosen coordinate system. Choose another system or "Detect automatically".',
    outside: 'Coordinates: the point lies outside Sweden. Valid are latitude 55–69.5 and longitude 10–24.5 (WGS 84).',
  },
};
