/**
 * The demo's follow-up picture: information given to child places, meetings, safety
 * walks with findings to follow up, and the five-principles checklist per unit. Dates
 * are stored as days before the day the demo is loaded, so the demo always shows a
 * living mix of informed, due-soon, overdue and not-yet-informed places. Derived
 * deterministically from the demo units, actors and child places (turf distances).
 */
import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, Point } from 'geojson';

export interface DemoActivity {
  unit: string;
  kind: 'meeting' | 'information' | 'safety_walk' | 'contact' | 'dialogue' | 'observation';
  days_ago: number;
  actors: string[];
  child_places: string[];
  organisations: string[];
  note: string;
  /** Observations and safety-walk findings: where, who follows up, due in days from load, status. */
  finding?: { lon: number; lat: number; responsible: string; due_in_days: number; status: 'open' | 'in_progress' | 'done' };
}

export interface DemoPrinciple {
  unit: string;
  principle: number;
  status: 'not_started' | 'in_progress' | 'in_place';
  evidence: string | null;
  reviewed_days_ago: number | null;
}

export interface DemoOutreach {
  activities: DemoActivity[];
  principles: DemoPrinciple[];
}

type Props = Record<string, unknown> & { external_id: string; name: string };
type Fc = FeatureCollection<Point, Props>;

const EVIDENCE: Record<number, string> = {
  1: 'Boendets behov tas upp i lokala trygghetsrådet på samma villkor som andra invånares.',
  2: 'Fastighetsägaren städar runt entrén varje vecka; trasig belysning anmäls samma dag.',
  3: 'All personal har gått introduktionen om boendets roll i närområdet.',
  4: 'Kontaktlista med närområdets aktörer uppdaterad och delad; direktnummer till kommunpolis.',
  5: 'Öppet hus två gånger per år med grannar, skola och föreningar.',
};

/** How many principles are in place at each unit, by its number (Kallebäck, where the model began, has all five). */
const IN_PLACE_BY_UNIT = [5, 3, 1, 4, 2, 0, 0, 1, 2, 3, 4, 1, 2];

export function buildDemoOutreach(units: Fc, actors: Fc, childPlaces: Fc): DemoOutreach {
  const activities: DemoActivity[] = [];
  const principles: DemoPrinciple[] = [];
  units.features.forEach((unit, index) => {
    const id = unit.properties.external_id;
    const status = unit.properties.status as string;
    const near = (fc: Fc, maxM: number) =>
      fc.features
        .map((f) => ({ f, d: turf.distance(unit, f, { units: 'meters' }) }))
        .filter((x) => x.d <= maxM)
        .sort((a, b) => a.d - b.d || a.f.properties.external_id.localeCompare(b.f.properties.external_id));
    const places = near(childPlaces, 1000);
    const nearActors = near(actors, 500);
    const ids = (xs: { f: Feature<Point, Props> }[]) => xs.map((x) => x.f.properties.external_id);
    const police = nearActors.find((x) => x.f.properties.category === 'police') ?? nearActors[0];
    const owner = nearActors.find((x) => x.f.properties.category === 'property_owner') ?? nearActors[0];

    for (let p = 1; p <= 5; p++) {
      const inPlace = IN_PLACE_BY_UNIT[index % IN_PLACE_BY_UNIT.length]!;
      const st = p <= inPlace ? 'in_place' : p === inPlace + 1 ? 'in_progress' : 'not_started';
      principles.push({ unit: id, principle: p, status: st, evidence: st === 'not_started' ? null : EVIDENCE[p]!, reviewed_days_ago: st === 'not_started' ? null : 20 + ((index * 7 + p * 11) % 120) });
    }
    if (status === 'closed') return;

    // Information: the nearest places recently, a few nearly a year ago (due soon), a few overdue.
    const [recent, dueSoon, overdue] = [places.slice(0, 3), places.slice(3, 5), places.slice(5, 7)];
    if (recent.length) activities.push({ unit: id, kind: 'information', days_ago: 30 + index * 3, actors: [], child_places: ids(recent), organisations: ['Skolan', 'Enheten'], note: 'Informationsbrev och möte med rektor om boendet och kontaktvägar.' });
    if (dueSoon.length && index % 3 !== 2) activities.push({ unit: id, kind: 'information', days_ago: 350, actors: [], child_places: ids(dueSoon), organisations: ['Förskoleförvaltningen'], note: 'Information vid föräldramöte.' });
    if (overdue.length && index % 2 === 0) activities.push({ unit: id, kind: 'information', days_ago: 420, actors: [], child_places: ids(overdue), organisations: ['Grundskoleförvaltningen'], note: 'Informationsbrev till skolan.' });

    if (owner && police) {
      activities.push({ unit: id, kind: 'meeting', days_ago: 14 + index, actors: [owner.f.properties.external_id, police.f.properties.external_id], child_places: [], organisations: ['Fastighetsägaren', 'Polisen'], note: 'Lokalt samverkansmöte: lägesbild för kvarteret.' });
      const [lon, lat] = turf.destination(unit, 0.12, (index * 47) % 360, { units: 'kilometers' }).geometry.coordinates as [number, number];
      activities.push({
        unit: id, kind: 'safety_walk', days_ago: 40 + index, actors: [owner.f.properties.external_id], child_places: [], organisations: ['Fastighetsägaren', 'Stadsmissionen'],
        note: 'Trygghetsvandring kvällstid: belysning och buskage vid gångvägen.',
        finding: { lon: round6(lon), lat: round6(lat), responsible: owner.f.properties.external_id, due_in_days: index % 3 === 0 ? -10 : 21, status: index % 4 === 0 ? 'in_progress' : 'open' },
      });
    }
  });
  return { activities, principles };
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;
