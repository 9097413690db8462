/**
 * The demo data set of Platssamverkan, as a pure function.
 *
 * One real unit (Kallebäcks vård- och omsorgsboende, public facts only) and twelve fictional
 * units named "(demo)", each surrounded by fictional neighbourhood actors and child places that
 * are placed on purpose in every zone ring and just outside the outer ring, so that every screen
 * of the product (contacts, information needs, site analysis) has something to show.
 *
 * Everything is drawn from one seeded PRNG in a fixed order, so the same seed and the same water
 * polygons always give byte-identical output. No person in here is real, and nothing describes
 * residents: contact persons are fictional staff with work details only.
 */
import { bbox, booleanPointInPolygon, destination, distance, point } from '@turf/turf';
import type { BBox, Feature, FeatureCollection, MultiPolygon, Point, Polygon, Position } from 'geojson';
import {
  ACTOR_CATEGORIES, CHILD_PLACE_KINDS, SCHOOL_STAGES, SENSITIVITIES, UNIT_KINDS, UNIT_STATUSES,
  type ActorCategory, type ChildPlaceKind, type SchoolStage, type Sensitivity, type UnitKind, type UnitStatus,
} from '../api/schemas/common.js';

// ---------------------------------------------------------------------------------------------
// Codes: the API's own lists (api/schemas/common.ts), so the demo data cannot drift from them
// ---------------------------------------------------------------------------------------------

export { ACTOR_CATEGORIES, CHILD_PLACE_KINDS, SCHOOL_STAGES, SENSITIVITIES, UNIT_KINDS, UNIT_STATUSES };
export type { ActorCategory, ChildPlaceKind, SchoolStage, Sensitivity, UnitKind, UnitStatus };

/** Zone radii in metres; the global defaults of the `zone_radii` setting. */
export interface Radii { immediate: number; neighbourhood: number; area: number }
export const DEFAULT_RADII: Readonly<Radii> = { immediate: 250, neighbourhood: 500, area: 1000 };

/** The seed of the committed files (Göteborg's municipality code, easy to remember). */
export const DEFAULT_SEED = 1480;
/**
 * Intended points stay this far from every ring edge: turf measures on a sphere, PostGIS on the
 * WGS 84 spheroid, and the two differ by well under 0.5 % (≤ 5 m at 1 km), so 15 m keeps a point
 * in the same ring whichever engine measures it.
 */
export const RING_MARGIN_M = 15;
/** Outer limit of the "just outside" band, which shows what the outer ring leaves out. */
export const OUTSIDE_MAX_M = 1300;
/** Fictional contact e-mail domain; never a real mailbox. */
export const DEMO_DOMAIN = 'demo.platssamverkan.se';

// ---------------------------------------------------------------------------------------------
// Property shapes (exactly the columns of the schema, minus id/version/timestamps/location)
// ---------------------------------------------------------------------------------------------

export interface UnitProperties {
  name: string;
  kind: UnitKind;
  status: UnitStatus;
  address: string | null;
  places: number;
  operator: string | null;
  description: string | null;
  contact_name: string | null;
  contact_phone: string | null;
  contact_email: string | null;
  contact_hours: string | null;
  radius_immediate_m: number | null;
  radius_neighbourhood_m: number | null;
  radius_area_m: number | null;
  sensitivity: Sensitivity;
  is_demo: boolean;
  external_id: string;
}

export interface ContactPerson {
  name: string;
  role: string | null;
  phone: string | null;
  email: string | null;
  note: string | null;
}

export interface ActorProperties {
  name: string;
  category: ActorCategory;
  organisation: string | null;
  contact_about: string | null;
  address: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  external_id: string;
  contact_persons: ContactPerson[];
}

export interface ChildPlaceProperties {
  name: string;
  kind: ChildPlaceKind;
  stages: SchoolStage[];
  operator: string | null;
  address: string | null;
  external_id: string;
  contact_name: string | null;
  contact_role: string | null;
  contact_phone: string | null;
  contact_email: string | null;
}

export interface DemoData {
  units: FeatureCollection<Point, UnitProperties>;
  actors: FeatureCollection<Point, ActorProperties>;
  childPlaces: FeatureCollection<Point, ChildPlaceProperties>;
}

/** Polygons that candidate points must avoid (Göta älv and the sea), as loaded from GeoJSON. */
export type WaterFeature = Feature<Polygon | MultiPolygon>;

export interface GenerateOptions {
  seed?: number;
  /** Water polygons; empty or absent means the land check is skipped (output then differs). */
  water?: readonly WaterFeature[] | null;
}

// ---------------------------------------------------------------------------------------------
// Neighbourhoods and units
// ---------------------------------------------------------------------------------------------

/** A unit plus the neighbourhood facts the generator needs to write plausible surroundings. */
interface UnitSpec {
  /** Neighbourhood name used in generated names ("Fastighets AB Kallebäck (demo)"). */
  area: string;
  /** City area (stadsområde) of Göteborg, for operator names. */
  cityArea: 'Centrum' | 'Sydväst' | 'Hisingen' | 'Nordost';
  /** [lon, lat], chosen by hand and checked to be on land in the named primary area. */
  location: Position;
  /** Real street names of the neighbourhood, for fictional addresses. */
  streets: readonly string[];
  /** Fixed name and organisation for the first actor of a category (the real unit's neighbours). */
  signature?: Partial<Record<ActorCategory, { name: string; organisation: string }>>;
  unit: Omit<UnitProperties, 'external_id' | 'contact_name' | 'contact_phone' | 'contact_email'> & {
    contact_name: string;
  };
}

const SOCIAL_SYDVAST = 'Göteborgs Stad, socialförvaltningen Sydväst';

/** Why these places: see data/README.md (each was checked against the city's primary areas). */
const UNIT_SPECS: readonly UnitSpec[] = [
  {
    area: 'Kallebäck', cityArea: 'Centrum', location: [12.006, 57.683],
    streets: ['Smörkärnegatan', 'Smörgatan', 'Kallebäcks torggata', 'Sankt Sigfridsgatan', 'Omvägen', 'Framnäsgatan', 'Glasmästaregatan', 'Kullegatan', 'Mölndalsvägen', 'Hackspettsgatan'],
    signature: {
      shop: { name: 'ICA Nära Smörkärnan', organisation: 'Smörkärnans Livs AB (demo)' },
      property_owner: { name: 'Fastighets AB Kallebäck (demo)', organisation: 'Fastighets AB Kallebäck (demo)' },
      police: { name: 'Polisen Göteborg City, områdespolis', organisation: 'Polismyndigheten, polisregion Väst' },
      faith: { name: 'Sankt Sigfrids församling', organisation: 'Svenska kyrkan i Göteborg' },
    },
    unit: {
      name: 'Kallebäcks vård- och omsorgsboende', kind: 'care_home', status: 'open',
      address: 'Smörkärnegatan 3A, 416 79 Göteborg', places: 72, operator: SOCIAL_SYDVAST,
      description: 'Vård- och omsorgsboende för personer över 50 år med ett aktivt missbruk och ett omvårdnadsbehov. Öppnade 2015. Den första enheten där platssamverkansmodellen utvecklades (projektet Mutual Benefits). Grannskapskontaktens uppgifter är fiktiva demouppgifter.',
      contact_name: 'Lena Bergqvist', contact_hours: 'Dygnet runt; grannskapskontakten vardagar 08.00–16.30',
      radius_immediate_m: null, radius_neighbourhood_m: null, radius_area_m: null,
      sensitivity: 'public', is_demo: false,
    },
  },
  {
    area: 'Majorna', cityArea: 'Centrum', location: [11.9235, 57.6915],
    streets: ['Karl Johansgatan', 'Mariaplan', 'Djurgårdsgatan', 'Kommendörsgatan', 'Amiralitetsgatan', 'Fridhemsgatan', 'Ostindiegatan', 'Kompassgatan', 'Seglaregatan', 'Älvsborgsgatan', 'Allmänna vägen'],
    unit: demoUnit('Demoboendet Majorna (demo)', 'supported_housing', 'open', 'Kommendörsgatan 18, Göteborg', 14, SOCIAL_SYDVAST, 'Stödboende för vuxna med missbruk och psykisk ohälsa, med personal dygnet runt.', 'Jonas Lindahl', 'Vardagar 08.00–17.00'),
  },
  {
    area: 'Tynnered', cityArea: 'Sydväst', location: [11.9, 57.653],
    streets: ['Opaltorget', 'Smaragdgatan', 'Topasgatan', 'Turkosgatan', 'Briljantgatan', 'Lingonvägen', 'Skattegårdsvägen', 'Lilla Grevegårdsvägen', 'Munspelsgatan', 'Fiolgatan', 'Pianogatan'],
    unit: {
      ...demoUnit('Akutboendet Tynnered (demo)', 'emergency_housing', 'open', 'Topasgatan 7, Göteborg', 16, SOCIAL_SYDVAST, 'Akutboende för vuxna i hemlöshet. Adressen visas bara för behöriga i den riktiga tjänsten; här är den fiktiv.', 'Sofia Ekström', 'Dygnet runt'),
      sensitivity: 'restricted',
    },
  },
  {
    area: 'Biskopsgården', cityArea: 'Hisingen', location: [11.8975, 57.724],
    streets: ['Vårväderstorget', 'Mildvädersgatan', 'Höstvädersgatan', 'Köldgatan', 'Friskväderstorget', 'Flygvädersgatan', 'Blåsvädersgatan', 'Temperaturgatan', 'Sommarvädersgatan', 'Dimvädersgatan', 'Hakefjordsgatan'],
    unit: demoUnit('Träningslägenheterna Biskopsgården (demo)', 'training_flats', 'open', 'Höstvädersgatan 12, Göteborg', 10, 'Göteborgs Stad, socialförvaltningen Hisingen', 'Träningslägenheter med stöd inför eget boende.', 'Ahmed Karimi', 'Vardagar 08.00–16.00'),
  },
  {
    area: 'Backa', cityArea: 'Hisingen', location: [11.989, 57.749],
    streets: ['Backa kyrkogata', 'Lisa Sass gata', 'Friedländers gata', 'Wadköpingsgatan', 'Rimmaregatan', 'Bäckebolslyckan', 'Skogsängsvägen', 'Selma Lagerlöfs torg', 'Backavägen'],
    unit: demoUnit('Bostad först Backa (demo)', 'housing_first', 'open', 'Wadköpingsgatan 4, Göteborg', 8, 'Göteborgs Stad, socialförvaltningen Hisingen', 'Lägenheter med stöd enligt Bostad först, utspridda i vanliga hyreshus.', 'Maria Holm', 'Vardagar 09.00–16.00'),
  },
  {
    area: 'Angered', cityArea: 'Nordost', location: [12.048, 57.7965],
    streets: ['Angereds torg', 'Trädgårdsgärdet', 'Ramnebacken', 'Almgården', 'Länkharvsgatan', 'Lilla Fjäderharvsgatan', 'Gunnareds kyrkväg', 'Salviagatan', 'Angereds bygata'],
    unit: demoUnit('Härbärget Angered (demo)', 'shelter', 'open', 'Länkharvsgatan 2, Göteborg', 20, 'Göteborgs Stad, socialförvaltningen Nordost', 'Härbärge med sängplatser för natten och frukost.', 'Peter Sandberg', 'Dagligen 18.00–09.00'),
  },
  {
    area: 'Bergsjön', cityArea: 'Nordost', location: [12.072, 57.754],
    streets: ['Rymdtorget', 'Kosmosgatan', 'Stjärnbildsgatan', 'Meteorgatan', 'Zenitgatan', 'Tellusgatan', 'Teleskopgatan', 'Kvadrantgatan', 'Kometgatan', 'Universumsgatan', 'Merkuriusgatan'],
    unit: demoUnit('Stödboendet Bergsjön (demo)', 'supported_housing', 'planned', 'Teleskopgatan 9, Göteborg', 14, 'Göteborgs Stad, socialförvaltningen Nordost', 'Planerat stödboende; grannskapsdialog pågår inför öppning.', 'Elin Forsberg', 'Vardagar 08.00–16.00'),
  },
  {
    area: 'Kortedala', cityArea: 'Nordost', location: [12.037, 57.753],
    streets: ['Kortedala torg', 'Januarigatan', 'Julianska gatan', 'Annandagsgatan', 'Tideräkningsgatan', 'Kalendervägen', 'Martinavägen', 'Minutgatan', 'Aprilgatan'],
    unit: demoUnit('Demoboendet Kortedala (demo)', 'care_home', 'closed', 'Aprilgatan 21, Göteborg', 30, 'Göteborgs Stad, socialförvaltningen Nordost', 'Vård- och omsorgsboende som har stängt; finns kvar för uppföljning och historik.', 'Karin Nyström', 'Vardagar 10.00–12.00'),
  },
  {
    area: 'Gamlestaden', cityArea: 'Nordost', location: [12.005, 57.729],
    streets: ['Gamlestadstorget', 'Lars Kaggsgatan', 'Måns Bryntessonsgatan', 'Varnhemsgatan', 'Falkgatan', 'Uddevallagatan', 'Landerigatan', 'Ambrosiusgatan', 'Gamlestadsvägen', 'Artillerigatan', 'Hornsgatan'],
    unit: {
      ...demoUnit('Akutboendet Gamlestaden (demo)', 'emergency_housing', 'open', 'Lars Kaggsgatan 40, Göteborg', 18, 'Göteborgs Stad, socialförvaltningen Nordost', 'Akutboende i tät stadsmiljö; zonerna är därför mindre än standard (200/400/800 m).', 'Oskar Wallin', 'Dygnet runt'),
      radius_immediate_m: 200, radius_neighbourhood_m: 400, radius_area_m: 800,
    },
  },
  {
    area: 'Högsbo', cityArea: 'Sydväst', location: [11.934, 57.667],
    streets: ['Marklandsgatan', 'Orkestergatan', 'Sjupundsgatan', 'Svaleboskogen', 'Tunnlandsgatan', 'Nymilsgatan', 'Svalebogatan', 'Skäpplandsgatan', 'Örtugsgatan', 'Spannlandsgatan'],
    unit: demoUnit('Träningslägenheterna Högsbo (demo)', 'training_flats', 'open', 'Nymilsgatan 5, Göteborg', 9, SOCIAL_SYDVAST, 'Träningslägenheter med boendestöd för unga vuxna.', 'Fatima Rahimi', 'Vardagar 08.00–16.30'),
  },
  {
    area: 'Guldheden', cityArea: 'Centrum', location: [11.97, 57.688],
    streets: ['Doktor Forselius backe', 'Doktor Allards gata', 'Doktor Liborius gata', 'Guldhedstorget', 'Sveagatan', 'Apotekaregatan', 'Albotorget', 'Rudedammsgatan', 'Malmstensgatan', 'Seminariegatan'],
    unit: demoUnit('Stödboendet Guldheden (demo)', 'supported_housing', 'open', 'Doktor Allards gata 11, Göteborg', 15, SOCIAL_SYDVAST, 'Stödboende för äldre med missbruk och omvårdnadsbehov.', 'Anders Lundgren', 'Vardagar 08.00–17.00'),
  },
  {
    area: 'Kvillebäcken', cityArea: 'Hisingen', location: [11.96, 57.7215],
    streets: ['Kvilletorget', 'Gullrisgatan', 'Prästkragsgatan', 'Myntgatan', 'Brämaregatan', 'Författaregatan', 'Solventilsgatan', 'Fjärdingsgatan', 'Gustaf Dalénsgatan', 'Lantmätaregatan', 'Hjalmar Brantingsgatan'],
    unit: demoUnit('Bostad först Kvillebäcken (demo)', 'housing_first', 'open', 'Gullrisgatan 6, Göteborg', 6, 'Göteborgs Stad, socialförvaltningen Hisingen', 'Lägenheter med stöd enligt Bostad först.', 'Nadia Haddad', 'Vardagar 09.00–15.00'),
  },
  {
    area: 'Eriksberg', cityArea: 'Hisingen', location: [11.91, 57.702],
    streets: ['Eriksbergstorget', 'Bräcke Östergårds väg', 'Trondheimsgatan', 'Oslogatan', 'Astris gata', 'Äringsgatan', 'Grönebackens gata', 'Prebendegatan', 'Biskopsgatan', 'Södra Sälöfjordsgatan', 'Pilegårdsgatan'],
    unit: demoUnit('Demoboendet Eriksberg (demo)', 'care_home', 'open', 'Trondheimsgatan 3, Göteborg', 24, 'Göteborgs Stad, socialförvaltningen Hisingen', 'Vård- och omsorgsboende för personer med missbruk och omvårdnadsbehov.', 'Henrik Sjöberg', 'Dygnet runt'),
  },
];

/** Shorthand for a fictional unit: public, default radii, clearly flagged as demo. */
function demoUnit(
  name: string, kind: UnitKind, status: UnitStatus, address: string, places: number,
  operator: string, description: string, contactName: string, hours: string,
): UnitSpec['unit'] {
  return {
    name, kind, status, address, places, operator,
    description: `Fiktiv demoenhet. ${description}`,
    contact_name: contactName, contact_hours: hours,
    radius_immediate_m: null, radius_neighbourhood_m: null, radius_area_m: null,
    sensitivity: 'public', is_demo: true,
  };
}

// ---------------------------------------------------------------------------------------------
// Randomness
// ---------------------------------------------------------------------------------------------

/** A tiny deterministic PRNG (mulberry32): reproducible in every JS engine, no dependency. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Helpers over one PRNG stream, so the draw order (and thus the output) stays fixed. */
class Rng {
  constructor(private readonly next: () => number) {}
  float(): number { return this.next(); }
  /** Integer in [min, max], both included. */
  int(min: number, max: number): number { return min + Math.floor(this.next() * (max - min + 1)); }
  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }
  chance(p: number): boolean { return this.next() < p; }
  /** Fisher–Yates on a copy. */
  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j] as T, out[i] as T];
    }
    return out;
  }
}

// ---------------------------------------------------------------------------------------------
// Geometry
// ---------------------------------------------------------------------------------------------

/** Radii of a unit: its own when all three are set (the schema allows only all or none). */
export function unitRadii(p: Pick<UnitProperties, 'radius_immediate_m' | 'radius_neighbourhood_m' | 'radius_area_m'>): Radii {
  if (p.radius_immediate_m !== null && p.radius_neighbourhood_m !== null && p.radius_area_m !== null) {
    return { immediate: p.radius_immediate_m, neighbourhood: p.radius_neighbourhood_m, area: p.radius_area_m };
  }
  return { ...DEFAULT_RADII };
}

/** Round to 6 decimals (about 0.1 m), enough for the map and stable in text. */
function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

/** Water polygons split into single polygons with a bounding box, so most tests are a bbox miss. */
interface PreparedWater { polygon: Feature<Polygon>; box: BBox }

function prepareWater(water: readonly WaterFeature[]): PreparedWater[] {
  const out: PreparedWater[] = [];
  for (const f of water) {
    const rings = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    for (const coordinates of rings) {
      const polygon: Feature<Polygon> = { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates } };
      out.push({ polygon, box: bbox(polygon) });
    }
  }
  return out;
}

function inWater(pos: Position, water: readonly PreparedWater[]): boolean {
  const [x, y] = pos as [number, number];
  return water.some(({ polygon, box }) =>
    x >= box[0] && y >= box[1] && x <= box[2] && y <= box[3] && booleanPointInPolygon(pos, polygon));
}

/**
 * A point at a random bearing and a distance in [minM, maxM] from `center`, uniform over the
 * annulus' area, on land. Points in water are rejected and the next draw is taken, so the result
 * depends only on the seed and the water polygons.
 */
function samplePoint(rng: Rng, center: Position, minM: number, maxM: number, water: readonly PreparedWater[]): Position {
  for (let attempt = 0; attempt < 5000; attempt++) {
    const r = Math.sqrt(minM * minM + rng.float() * (maxM * maxM - minM * minM));
    const bearing = rng.float() * 360 - 180;
    const raw = destination(center, r, bearing, { units: 'meters' }).geometry.coordinates;
    const pos: Position = [round6(raw[0] as number), round6(raw[1] as number)];
    const d = distance(center, pos, { units: 'meters' });
    if (d < minM || d > maxM) continue; // rounding pushed it over an edge: draw again
    if (inWater(pos, water)) continue;
    return pos;
  }
  throw new Error(`no land point found ${minM}-${maxM} m from ${center.join(',')}`);
}

/** One band of distances around a unit and how many actors and child places to put in it. */
interface Band { label: string; minM: number; maxM: number; actors: number; children: number }

/**
 * The bands for a unit: each ring (with the margin inside its edges), then, for a unit with a
 * smaller custom outer ring, the strip between it and 1000 m, then 1000–1300 m.
 */
function bandsFor(radii: Radii): Band[] {
  const m = RING_MARGIN_M;
  const bands: Band[] = [
    { label: 'immediate', minM: 20, maxM: radii.immediate - m, actors: 5, children: 3 },
    { label: 'neighbourhood', minM: radii.immediate + m, maxM: radii.neighbourhood - m, actors: 7, children: 3 },
    { label: 'area', minM: radii.neighbourhood + m, maxM: radii.area - m, actors: 10, children: 5 },
  ];
  if (radii.area + 2 * m < DEFAULT_RADII.area) {
    bands.push({ label: 'beyond_own', minM: radii.area + m, maxM: DEFAULT_RADII.area - m, actors: 2, children: 1 });
  }
  bands.push({ label: 'outside', minM: Math.max(radii.area, DEFAULT_RADII.area) + m, maxM: OUTSIDE_MAX_M - m, actors: 3, children: 2 });
  return bands;
}

// ---------------------------------------------------------------------------------------------
// Words, names and contact details (all fictional)
// ---------------------------------------------------------------------------------------------

const FIRST_NAMES = [
  'Anna', 'Erik', 'Maria', 'Johan', 'Karin', 'Lars', 'Sara', 'Mikael', 'Emma', 'Andreas', 'Linnea',
  'Fredrik', 'Amira', 'Hassan', 'Leila', 'Mehmet', 'Nadia', 'Ali', 'Ida', 'Magnus', 'Elin', 'Daniel',
  'Helena', 'Tobias', 'Zeynep', 'Omar', 'Josefin', 'Patrik', 'Camilla', 'Niklas', 'Malin', 'Samir',
  'Therese', 'Viktor', 'Hanna', 'Jonas', 'Yasmin', 'Rasmus', 'Ebba', 'Kristoffer',
] as const;
const LAST_NAMES = [
  'Andersson', 'Johansson', 'Karlsson', 'Nilsson', 'Eriksson', 'Larsson', 'Olsson', 'Persson',
  'Svensson', 'Gustafsson', 'Pettersson', 'Jonsson', 'Lindqvist', 'Berg', 'Holm', 'Sjöberg', 'Wallin',
  'Engström', 'Lundgren', 'Axelsson', 'Håkansson', 'Nyström', 'Ahmadi', 'Yilmaz', 'Hassan', 'Mohammadi',
  'Ekström', 'Forsberg', 'Dahl', 'Lindberg', 'Sandberg', 'Bergström', 'Åberg', 'Öberg', 'Strand',
] as const;
/** Nouns for invented shop, café and association names. */
const WORDS = [
  'Hörnet', 'Solsidan', 'Terrassen', 'Gläntan', 'Kvarnen', 'Fyren', 'Ankaret', 'Pärlan', 'Smultronet',
  'Kastanjen', 'Bryggan', 'Lyktan', 'Eken', 'Linden', 'Kompassen', 'Vinkeln', 'Trädgården', 'Skutan',
  'Måsen', 'Tallen', 'Valnöten', 'Kajen', 'Stjärnan', 'Ugglan',
] as const;
/** Stems for invented school names ("Humleskolan"). */
const SCHOOL_STEMS = [
  'Smultron', 'Blåklints', 'Kattfots', 'Lingon', 'Humle', 'Nypon', 'Ekorr', 'Trast', 'Rönnbärs',
  'Hassel', 'Gullvive', 'Vindros', 'Solvarvs', 'Tranbärs', 'Lärk', 'Ljung', 'Fjärils', 'Sjöstjärne',
  'Snäck', 'Myr', 'Kotte', 'Vitsippe', 'Tussilago', 'Grod', 'Klöver', 'Svan', 'Uggle', 'Hjort', 'Lönn',
  'Alm', 'Sälg', 'Havtorns', 'Kastanje', 'Näckros', 'Mås', 'Ängsull',
] as const;
/** Definite nouns for invented preschool, leisure-time centre and playground names. */
const PLACE_NOUNS = [
  'Smultronet', 'Blåklinten', 'Kattfoten', 'Lingonet', 'Humlan', 'Nyponet', 'Ekorren', 'Trasten',
  'Rönnbäret', 'Hasseln', 'Gullvivan', 'Vindrosen', 'Solvarvet', 'Tranbäret', 'Lärkan', 'Ljungen',
  'Fjärilen', 'Sjöstjärnan', 'Snäckan', 'Myran', 'Igelkotten', 'Tussilagon', 'Ekollonet', 'Vitsippan',
  'Mossan', 'Kotten', 'Grodan', 'Snigeln', 'Bävern', 'Räven', 'Svanen', 'Ugglan', 'Hjorten', 'Lönnen',
  'Almen', 'Sälgen', 'Klövern', 'Näckrosen', 'Kastanjen', 'Ängen', 'Bäcken', 'Månen', 'Vågen', 'Ekbacken',
] as const;
const CONTACT_NOTES = [
  'Nås enklast via e-post.', 'Ansvarar för kvällar och helger.', 'Deltar i trygghetsvandringar.',
  'Vikarie under sommaren.', 'Föredrar sms vid brådskande ärenden.', null, null, null, null,
] as const;

/** ASCII slug for e-mail local parts and fictional domains ("Sjöberg" → "sjoberg"). */
export function slug(s: string): string {
  return s.toLowerCase()
    .replace(/[åä]/g, 'a').replace(/ö/g, 'o').replace(/é/g, 'e').replace(/ü/g, 'u')
    .replace(/\(demo\)/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}

/**
 * A number from the Swedish regulator's (PTS) ranges reserved for fiction, so nobody is ever
 * called by mistake: 031-390 06 00…99 (Göteborg) and 070-174 06 05…99 (mobile).
 */
function fictionalPhone(rng: Rng): string {
  if (rng.chance(0.7)) return `031-390 06 ${String(rng.int(0, 99)).padStart(2, '0')}`;
  return `070-174 06 ${String(rng.int(5, 99)).padStart(2, '0')}`;
}

function personName(rng: Rng): { first: string; last: string } {
  return { first: rng.pick(FIRST_NAMES), last: rng.pick(LAST_NAMES) };
}

/** A house number on `street`: the street a name mentions is also the one in the address. */
function address(rng: Rng, street: string): string {
  const n = rng.int(1, 64);
  const letter = rng.chance(0.25) ? rng.pick(['A', 'B', 'C']) : '';
  return `${street} ${n}${letter}`;
}

/** Context for the name templates of one generated item. */
interface NameCtx { area: string; cityArea: string; street: string; word: string; last: string }

/**
 * How an actor of a category is written: name and organisation templates, what to contact it
 * about, the work roles of its contact persons, and whether it is a company (own fictional
 * `.example` domain and website) or a public body (mail at the demo domain).
 */
interface CategoryStyle {
  names: ReadonlyArray<(c: NameCtx) => { name: string; organisation: string }>;
  about: readonly string[];
  roles: readonly string[];
  company: boolean;
}

const same = (name: string) => ({ name, organisation: name });

const CATEGORY_STYLES: Record<ActorCategory, CategoryStyle> = {
  property_owner: {
    names: [
      (c) => same(`Fastighets AB ${c.area} (demo)`),
      (c) => same(`${c.last}s Fastigheter i ${c.area} (demo)`),
      (c) => same(`Brf ${c.word} i ${c.area} (demo)`),
      (c) => same(`${c.area} Kvartersfastigheter (demo)`),
    ],
    about: [
      'Nedskräpning, trasig belysning på innergården',
      'Klotter och skadegörelse på fastigheten',
      'Otrygga platser: trapphus, källare, cykelrum och garage',
      'Buskar som skymmer gångvägar, snöröjning och halka på gården',
      'Gemensamma trygghetsvandringar i kvarteret',
    ],
    roles: ['Förvaltare', 'Fastighetsvärd', 'Fastighetschef', 'Teknisk förvaltare'],
    company: true,
  },
  housing_company: {
    names: [
      (c) => same(`Hyresbostäder ${c.area} (demo)`),
      (c) => same(`Bostads AB Demohem, område ${c.area} (demo)`),
      (c) => same(`${c.area} Hyresgårdar (demo)`),
    ],
    about: [
      'Störningar och trygghetsfrågor i hyreshusen',
      'Belysning, lås och entréer i gemensamma utrymmen',
      'Samverkan kring trygghetsvandringar och grannsamverkan',
      'Tomma lokaler och otrygga entréer',
    ],
    roles: ['Områdeschef', 'Bovärd', 'Trygghetsvärd', 'Kundansvarig'],
    company: true,
  },
  shop: {
    names: [
      (c) => ({ name: `ICA Nära ${c.area}`, organisation: `${c.last}s Livs AB (demo)` }),
      (c) => ({ name: `${c.area} Livs`, organisation: `${c.area} Livs HB (demo)` }),
      (c) => ({ name: `Närbutiken ${c.street}`, organisation: `Närbutiken ${c.word} AB (demo)` }),
      (c) => ({ name: `Tobak & Lotto ${c.area}`, organisation: `${c.word} Kiosk AB (demo)` }),
      (c) => ({ name: `Blomsterhandeln ${c.word}`, organisation: `Blomsterhandeln ${c.word} (demo)` }),
      (c) => ({ name: `Frukt & Grönt ${c.area}`, organisation: `${c.last} Frukt AB (demo)` }),
    ],
    about: [
      'Nedskräpning och samlingar utanför entrén',
      'Snatteri och ordningsfrågor, samarbete med polisen',
      'Kundvagnar och pant i området, belysning vid lastkajen',
    ],
    roles: ['Butikschef', 'Ägare', 'Biträdande butikschef'],
    company: true,
  },
  restaurant: {
    names: [
      (c) => ({ name: `Café ${c.word}`, organisation: `Café ${c.word} AB (demo)` }),
      (c) => ({ name: `Pizzeria ${c.word}`, organisation: `Pizzeria ${c.word} HB (demo)` }),
      (c) => ({ name: `Restaurang ${c.word}`, organisation: `Restaurang ${c.word} AB (demo)` }),
      (c) => ({ name: `Konditori ${c.word}`, organisation: `Konditori ${c.word} AB (demo)` }),
      (c) => ({ name: `${c.area} Kafé & Bageri`, organisation: `${c.area} Bageri AB (demo)` }),
    ],
    about: [
      'Nedskräpning vid uteserveringen, sena kvällar',
      'Ordning vid entrén och uteserveringen',
      'Mötesplatser, matsvinn och lunch för grannträffar',
    ],
    roles: ['Ägare', 'Restaurangchef', 'Kafévärd'],
    company: true,
  },
  police: {
    names: [
      (c) => ({ name: `Polisen, områdespolis ${c.area}`, organisation: 'Polismyndigheten, polisregion Väst' }),
      (c) => ({ name: `Polisen, kommunpolis ${c.cityArea} – ${c.area}`, organisation: 'Polismyndigheten, polisregion Väst' }),
    ],
    about: [
      'Ordningsstörningar och brott som inte är akuta (akut: ring 112), lägesbilder',
      'Medborgarlöfte, lägesbild och trygghetsvandringar',
    ],
    roles: ['Områdespolis', 'Kommunpolis'],
    company: false,
  },
  security: {
    names: [
      (c) => same(`${c.area} Bevakning (demo)`),
      (c) => same(`Väktarbolaget ${c.word} (demo)`),
      (c) => same(`Trygghetsväktarna ${c.area} (demo)`),
    ],
    about: [
      'Ronderingar, larm och rapporter om skadegörelse',
      'Bevakning av parkeringar och garage nattetid',
    ],
    roles: ['Uppdragsledare', 'Områdesansvarig väktare', 'Driftchef'],
    company: true,
  },
  faith: {
    names: [
      (c) => ({ name: `${c.area} församling (demo)`, organisation: 'Svenska kyrkan i Göteborg' }),
      (c) => same(`Frikyrkan ${c.area} (demo)`),
      (c) => same(`Islamiska kulturföreningen ${c.area} (demo)`),
      (c) => same(`Katolska gemenskapen ${c.area} (demo)`),
    ],
    about: [
      'Diakoni, samtalsstöd och öppna mötesplatser',
      'Sopplunch, volontärer och grannträffar',
    ],
    roles: ['Diakon', 'Kyrkoherde', 'Pastor', 'Imam', 'Församlingspedagog'],
    company: false,
  },
  association: {
    names: [
      (c) => same(`Hyresgästföreningen ${c.area} (demo)`),
      (c) => same(`Grannsamverkan ${c.street} (demo)`),
      (c) => same(`Nattvandrarna ${c.area} (demo)`),
      (c) => same(`Föreningen Trygg i ${c.area} (demo)`),
      (c) => same(`Pensionärsföreningen ${c.area} (demo)`),
    ],
    about: [
      'Nattvandring, grannsamverkan och trygghetsvandringar',
      'Grannträffar och aktiviteter för alla i området',
    ],
    roles: ['Ordförande', 'Samordnare', 'Sekreterare', 'Kassör'],
    company: false,
  },
  public_transport: {
    names: [
      (c) => ({ name: `Hållplats ${c.street}`, organisation: 'Västtrafik' }),
      (c) => ({ name: `Trygghetsvärdar kollektivtrafiken ${c.area}`, organisation: 'Västtrafik' }),
    ],
    about: [
      'Klotter, trasig belysning och skadegörelse vid hållplatsen',
      'Otrygghet ombord och vid hållplatser, kvällstrafik',
    ],
    roles: ['Trygghetssamordnare', 'Trafikområdesansvarig'],
    company: false,
  },
  library: {
    names: [
      (c) => ({ name: `${c.area} bibliotek (demo)`, organisation: 'Göteborgs Stad, kulturförvaltningen' }),
      (c) => ({ name: `Meröppet bibliotek ${c.area} (demo)`, organisation: 'Göteborgs Stad, kulturförvaltningen' }),
    ],
    about: [
      'Öppen mötesplats, informationsmöten och lokal för grannträffar',
      'Ordningsfrågor i och kring biblioteket',
    ],
    roles: ['Bibliotekschef', 'Bibliotekarie'],
    company: false,
  },
  health: {
    names: [
      (c) => ({ name: `Vårdcentralen ${c.area} (demo)`, organisation: 'Västra Götalandsregionen' }),
      (c) => ({ name: `Apoteket ${c.word} (demo)`, organisation: `Apoteket ${c.word} AB (demo)` }),
      (c) => ({ name: `Beroendemottagningen ${c.area} (demo)`, organisation: 'Västra Götalandsregionen' }),
    ],
    about: [
      'Samverkan kring vård och stöd; aldrig uppgifter om enskilda',
      'Använda sprutor och annat riskavfall i närområdet',
    ],
    roles: ['Verksamhetschef', 'Kurator', 'Distriktssköterska', 'Apotekschef'],
    company: false,
  },
  park_street: {
    names: [
      (c) => ({ name: `Park- och naturförvaltningen, område ${c.area}`, organisation: 'Göteborgs Stad, park- och naturförvaltningen' }),
      (c) => ({ name: `Trafikkontoret, gatudrift ${c.area}`, organisation: 'Göteborgs Stad, trafikkontoret' }),
      (c) => ({ name: `Återvinningsstation ${c.street}`, organisation: 'Göteborgs Stad, kretslopp och vatten' }),
    ],
    about: [
      'Trasig belysning i parken, nedskräpning, klotter på offentliga ytor',
      'Gatubelysning, snöröjning och trasiga gångbanor',
      'Fulla papperskorgar och nedskräpade återvinningsstationer',
    ],
    roles: ['Områdesförvaltare', 'Driftledare', 'Parkingenjör'],
    company: false,
  },
  leisure: {
    names: [
      (c) => ({ name: `${c.area} IF (demo)`, organisation: `${c.area} IF (demo)` }),
      (c) => ({ name: `Idrottshallen ${c.area}`, organisation: 'Göteborgs Stad, idrotts- och föreningsförvaltningen' }),
      (c) => ({ name: `Aktivitetshuset ${c.area} (demo)`, organisation: 'Göteborgs Stad, idrotts- och föreningsförvaltningen' }),
      (c) => ({ name: `Spontanidrottsplatsen ${c.street}`, organisation: 'Göteborgs Stad, idrotts- och föreningsförvaltningen' }),
    ],
    about: [
      'Aktiviteter för unga på kvällar och helger',
      'Lokaler för grannmöten och sommaraktiviteter',
    ],
    roles: ['Föreståndare', 'Fritidsledare', 'Klubbchef', 'Ungdomsansvarig'],
    company: false,
  },
  other: {
    names: [
      (c) => same(`Parkeringsbolaget ${c.area} (demo)`),
      (c) => same(`Kontorshuset ${c.street} (demo)`),
      (c) => same(`Bensinstationen ${c.area} (demo)`),
      (c) => same(`Byggarbetsplatsen ${c.street} (demo)`),
    ],
    about: [
      'Parkeringsfrågor och övergivna fordon',
      'Nedskräpning och belysning kring anläggningen',
      'Byggtrafik, avspärrningar och tillfälliga gångvägar',
    ],
    roles: ['Platschef', 'Driftansvarig', 'Kontaktperson'],
    company: true,
  },
};

/**
 * Category mix for one unit: every category once (so each unit's contact list is complete),
 * plus extras weighted towards the actors that are most numerous in a real neighbourhood.
 */
const EXTRA_CATEGORIES: readonly ActorCategory[] = [
  'property_owner', 'property_owner', 'property_owner', 'housing_company', 'housing_company',
  'shop', 'shop', 'restaurant', 'restaurant', 'association', 'park_street', 'leisure', 'other',
];

/** Child-place mix for one unit; shuffled before it is spread over the bands. */
const CHILD_KIND_MIX: readonly ChildPlaceKind[] = [
  'school', 'school', 'school', 'preschool', 'preschool', 'preschool', 'preschool',
  'leisure_centre', 'leisure_centre', 'playground', 'playground', 'playground', 'playground',
  'preschool', 'playground',
];

const STAGE_SETS: ReadonlyArray<readonly SchoolStage[]> = [
  ['F-3', '4-6'], ['F-3', '4-6', '7-9'], ['7-9'], ['gymnasium'], ['F-3'], ['4-6', '7-9'],
];

/**
 * Keeps names unique across the whole set: the same invented name twice would be ambiguous in
 * search and on a contact sheet. A taken name is first redrawn (a different café, a different
 * school), and only if that keeps failing gets the neighbourhood, then the street, added before
 * the "(demo)" marker.
 */
class NameBook {
  private readonly used = new Set<string>();

  /** Calls `draw` until it gives an unused name (at most 12 times), then claims the name. */
  unique<T extends { name: string; street: string }>(area: string, draw: () => T): T {
    let item = draw();
    for (let i = 0; i < 12 && this.used.has(item.name); i++) item = draw();
    return { ...item, name: this.claim(item.name, area, item.street) };
  }

  private claim(name: string, area: string, street: string): string {
    const marker = name.endsWith(' (demo)') ? ' (demo)' : '';
    const base = marker ? name.slice(0, -marker.length) : name;
    const candidates = [name, `${base}, ${area}${marker}`, `${base}, ${street}${marker}`];
    for (let i = 2; i < 100; i++) candidates.push(`${base}, ${area} ${i}${marker}`);
    for (const c of candidates) {
      if (!this.used.has(c)) { this.used.add(c); return c; }
    }
    throw new Error(`no unique name for ${name}`);
  }
}

function contactPerson(rng: Rng, roles: readonly string[], domain: string): ContactPerson {
  const { first, last } = personName(rng);
  return {
    name: `${first} ${last}`,
    role: rng.pick(roles),
    phone: fictionalPhone(rng),
    email: `${slug(first)}.${slug(last)}@${domain}`,
    note: rng.pick(CONTACT_NOTES),
  };
}

function makeActor(
  rng: Rng, spec: UnitSpec, category: ActorCategory, names: NameBook, externalId: string,
  signature: { name: string; organisation: string } | undefined,
): ActorProperties {
  const style = CATEGORY_STYLES[category];
  const made = names.unique(spec.area, () => {
    const street = rng.pick(spec.streets);
    const ctx: NameCtx = { area: spec.area, cityArea: spec.cityArea, street, word: rng.pick(WORDS), last: rng.pick(LAST_NAMES) };
    const drawn = signature ?? rng.pick(style.names)(ctx);
    return { ...drawn, street, orgIsName: drawn.organisation === drawn.name };
  });
  const name = made.name;
  // A company named after itself ("Fastighets AB …") keeps organisation = name after a suffix too.
  const organisation = made.orgIsName ? name : made.organisation;
  const domain = style.company ? `${slug(organisation)}.example` : DEMO_DOMAIN;
  const people = rng.chance(0.4) ? 2 : 1;
  const contact_persons = Array.from({ length: people }, () => contactPerson(rng, style.roles, domain));
  const email = style.company ? `info@${domain}` : `${slug(spec.area)}.${slug(category)}@${DEMO_DOMAIN}`;
  return {
    name,
    category,
    organisation,
    contact_about: rng.pick(style.about),
    address: address(rng, made.street),
    phone: fictionalPhone(rng),
    email,
    website: style.company && rng.chance(0.7) ? `https://www.${domain}/` : null,
    external_id: externalId,
    contact_persons,
  };
}

/** The same properties with keys in schema column order, so the files read like the table. */
function inColumnOrder(p: ChildPlaceProperties): ChildPlaceProperties {
  return {
    name: p.name, kind: p.kind, stages: p.stages, operator: p.operator, address: p.address,
    external_id: p.external_id, contact_name: p.contact_name, contact_role: p.contact_role,
    contact_phone: p.contact_phone, contact_email: p.contact_email,
  };
}

function makeChildPlace(rng: Rng, spec: UnitSpec, kind: ChildPlaceKind, names: NameBook, externalId: string): ChildPlaceProperties {
  return inColumnOrder(drawChildPlace(rng, spec, kind, names, externalId));
}

function drawChildPlace(rng: Rng, spec: UnitSpec, kind: ChildPlaceKind, names: NameBook, externalId: string): ChildPlaceProperties {
  const street = rng.pick(spec.streets);
  const { first, last } = personName(rng);
  const person = { contact_name: `${first} ${last}`, contact_phone: fictionalPhone(rng), contact_email: `${slug(first)}.${slug(last)}@${DEMO_DOMAIN}` };
  const common = { kind, address: address(rng, street), external_id: externalId };
  switch (kind) {
    case 'school': {
      const stages = [...rng.pick(STAGE_SETS)];
      const gymnasium = stages.includes('gymnasium');
      const independent = rng.chance(0.25);
      const { name } = names.unique(spec.area, () => ({ name: `${rng.pick(SCHOOL_STEMS)}${gymnasium ? 'gymnasiet' : 'skolan'}`, street }));
      return {
        name, ...common, stages,
        operator: independent ? 'Kunskapsbron Skolor AB (demo)' : gymnasium ? 'Göteborgs Stad, utbildningsförvaltningen' : 'Göteborgs Stad, grundskoleförvaltningen',
        ...person, contact_role: 'Rektor',
      };
    }
    case 'preschool': {
      const coop = rng.chance(0.2);
      const { name, noun } = names.unique(spec.area, () => {
        const noun = rng.pick(PLACE_NOUNS);
        return { name: `${coop ? 'Föräldrakooperativet' : 'Förskolan'} ${noun}`, noun, street };
      });
      return {
        name, ...common, stages: [],
        operator: coop ? `Föräldrakooperativet ${noun} ek. för. (demo)` : 'Göteborgs Stad, förskoleförvaltningen',
        ...person, contact_role: rng.pick(['Förskolechef', 'Rektor', 'Biträdande rektor']),
      };
    }
    case 'leisure_centre': {
      // One youth club per neighbourhood name; a second draw becomes a leisure-time centre.
      const { name, youthClub } = names.unique(spec.area, () => {
        const youthClub = rng.chance(0.4);
        return { name: youthClub ? `Fritidsgården ${spec.area}` : `Fritidshemmet ${rng.pick(PLACE_NOUNS)}`, street, youthClub };
      });
      return {
        name, ...common, stages: [],
        operator: youthClub ? `Göteborgs Stad, fritidsverksamheten ${spec.cityArea}` : 'Göteborgs Stad, grundskoleförvaltningen',
        ...person, contact_role: youthClub ? 'Enhetschef fritid' : 'Fritidshemsansvarig',
      };
    }
    case 'playground': {
      const drawn = names.unique(spec.area, () => {
        const byStreet = rng.pick(spec.streets);
        return rng.chance(0.4)
          ? { name: `Lekplatsen vid ${byStreet}`, street: byStreet }
          : { name: `Lekplatsen ${rng.pick(PLACE_NOUNS)}`, street };
      });
      return {
        name: drawn.name, ...common, address: address(rng, drawn.street), stages: [],
        operator: rng.chance(0.7) ? 'Göteborgs Stad, park- och naturförvaltningen' : `Hyresbostäder ${spec.area} (demo)`,
        contact_name: null, contact_role: null, contact_phone: null, contact_email: null,
      };
    }
  }
}

function unitProperties(spec: UnitSpec, index: number, rng: Rng): UnitProperties {
  const u = spec.unit;
  return {
    name: u.name, kind: u.kind, status: u.status, address: u.address, places: u.places,
    operator: u.operator, description: u.description,
    contact_name: u.contact_name, contact_phone: fictionalPhone(rng),
    contact_email: `grannkontakt.${slug(spec.area)}@${DEMO_DOMAIN}`,
    contact_hours: u.contact_hours,
    radius_immediate_m: u.radius_immediate_m, radius_neighbourhood_m: u.radius_neighbourhood_m, radius_area_m: u.radius_area_m,
    sensitivity: u.sensitivity, is_demo: u.is_demo,
    external_id: `demo-unit-${String(index + 1).padStart(2, '0')}`,
  };
}

function feature<P>(pos: Position, properties: P): Feature<Point, P> {
  return { type: 'Feature', geometry: { type: 'Point', coordinates: pos }, properties };
}

// ---------------------------------------------------------------------------------------------
// The generator
// ---------------------------------------------------------------------------------------------

/**
 * Builds the whole demo set. Pure: the only inputs are the seed and the water polygons, the
 * draw order is fixed (units in table order; per unit the bands inside out), so two calls with
 * the same inputs give deep-equal results.
 */
export function generateDemoData(options: GenerateOptions = {}): DemoData {
  const rng = new Rng(mulberry32(options.seed ?? DEFAULT_SEED));
  const water = prepareWater(options.water ?? []);
  const actorNames = new NameBook();
  const childNames = new NameBook();
  const units: Feature<Point, UnitProperties>[] = [];
  const actors: Feature<Point, ActorProperties>[] = [];
  const childPlaces: Feature<Point, ChildPlaceProperties>[] = [];

  UNIT_SPECS.forEach((spec, index) => {
    if (water.length > 0 && inWater(spec.location, water)) throw new Error(`unit ${spec.unit.name} lies in water`);
    const props = unitProperties(spec, index, rng);
    units.push(feature(spec.location, props));

    const bands = bandsFor(unitRadii(props));
    const actorSlots = bands.reduce((n, b) => n + b.actors, 0);
    const childSlots = bands.reduce((n, b) => n + b.children, 0);
    const categories = rng.shuffle([...ACTOR_CATEGORIES, ...EXTRA_CATEGORIES].slice(0, actorSlots));
    const kinds = rng.shuffle(CHILD_KIND_MIX.slice(0, childSlots));
    if (categories.length < actorSlots || kinds.length < childSlots) throw new Error('category or kind mix too short');
    const signatureUsed = new Set<ActorCategory>();

    for (const band of bands) {
      for (let i = 0; i < band.actors; i++) {
        const category = categories.shift() as ActorCategory;
        const signature = signatureUsed.has(category) ? undefined : spec.signature?.[category];
        if (signature) signatureUsed.add(category);
        const pos = samplePoint(rng, spec.location, band.minM, band.maxM, water);
        const id = `demo-actor-${String(actors.length + 1).padStart(4, '0')}`;
        actors.push(feature(pos, makeActor(rng, spec, category, actorNames, id, signature)));
      }
      for (let i = 0; i < band.children; i++) {
        const kind = kinds.shift() as ChildPlaceKind;
        const pos = samplePoint(rng, spec.location, band.minM, band.maxM, water);
        const id = `demo-child-${String(childPlaces.length + 1).padStart(4, '0')}`;
        childPlaces.push(feature(pos, makeChildPlace(rng, spec, kind, childNames, id)));
      }
    }
  });

  return {
    units: { type: 'FeatureCollection', features: units },
    actors: { type: 'FeatureCollection', features: actors },
    childPlaces: { type: 'FeatureCollection', features: childPlaces },
  };
}

/** GeoJSON text with one feature per line: valid RFC 7946, and a data change is a one-line diff. */
export function renderFeatureCollection(fc: FeatureCollection): string {
  const lines = fc.features.map((f) => JSON.stringify(f));
  return `{"type":"FeatureCollection","features":[\n${lines.join(',\n')}\n]}\n`;
}

/** The three files of data/demo/, by file name. */
export function renderDemoFiles(data: DemoData): Record<string, string> {
  return {
    'units.geojson': renderFeatureCollection(data.units),
    'actors.geojson': renderFeatureCollection(data.actors),
    'child-places.geojson': renderFeatureCollection(data.childPlaces),
  };
}
