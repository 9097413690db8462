/** Messages of the walking distances (unit view toggle, legend, lists, contact sheet), Swedish first. */
import { formatDistance, formatNumber } from '../../lib/format.js';

const svM = (x: number) => formatDistance('sv-SE', x);
const enM = (x: number) => formatDistance('en-GB', x);

export const walkSv = {
  toggleLabel: 'Zoner att visa',
  straight: 'Fågelvägen',
  walking: 'Gångavstånd',
  band: (minutes: number) => `${minutes} min till fots`,
  bandsLabel: 'Gångzoner',
  speed: (kmh: number) => `Gånghastighet ${formatNumber('sv-SE', kmh)} km/h längs gator och gångvägar.`,
  loading: 'Beräknar gångzoner …',
  noNetwork: 'Gångavstånd saknas: inget gatunät (OpenStreetMap-grunddata) är importerat.',
  offNetwork: 'Enheten ligger mer än 300 m från närmaste gångväg; gångzoner kan inte beräknas.',
  /** "1 200 m till fots, 400 m fågelvägen" */
  both: (walk: number, straight: number) => `${svM(walk)} till fots, ${svM(straight)} fågelvägen`,
  onFoot: (walk: number) => `${svM(walk)} till fots`,
  minutes: (min: number) => `${formatNumber('sv-SE', Math.round(min))} min`,
  unknown: 'Gångavstånd okänt',
  detour: 'Omväg: mer än dubbelt så långt till fots som fågelvägen',
  walkColumn: 'Till fots',
  sortLabel: 'Sortera efter',
  sortStraight: 'Fågelvägen',
  sortWalk: 'Gångavstånd',
};

export const walkEn: typeof walkSv = {
  toggleLabel: 'Zones to show',
  straight: 'As the crow flies',
  walking: 'Walking distance',
  band: (minutes: number) => `${minutes} min on foot`,
  bandsLabel: 'Walking zones',
  speed: (kmh: number) => `Walking speed ${formatNumber('en-GB', kmh)} km/h along streets and paths.`,
  loading: 'Computing walking zones …',
  noNetwork: 'No walking distances: no street network (OpenStreetMap base data) has been imported.',
  offNetwork: 'The unit is more than 300 m from the nearest walkable way; walking zones cannot be computed.',
  both: (walk: number, straight: number) => `${enM(walk)} on foot, ${enM(straight)} as the crow flies`,
  onFoot: (walk: number) => `${enM(walk)} on foot`,
  minutes: (min: number) => `${formatNumber('en-GB', Math.round(min))} min`,
  unknown: 'Walking distance unknown',
  detour: 'Detour: more than twice as far on foot as in a straight line',
  walkColumn: 'On foot',
  sortLabel: 'Sort by',
  sortStraight: 'Straight line',
  sortWalk: 'Walking distance',
};
