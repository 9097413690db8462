/** Swedish and English texts of the map's own tools and legend. `mapToolsEn` has exactly the keys of `mapToolsSv`. */
import { plural } from '../lib/plural.js';
export const mapToolsSv = {
  measure: 'Mät avstånd',
  measureStop: 'Avsluta mätningen',
  measureHelp: 'Klicka i kartan för att lägga till punkter, eller tryck Enter för att lägga en punkt i kartans mitt (vid korset). Escape eller knappen avslutar.',
  measureTotal: (distance: string, points: number) => `Avstånd: ${distance} (${plural('sv-SE', points, 'punkt', 'punkter')})`,
  measureStart: 'Mätning påbörjad. Klicka i kartan eller tryck Enter för att lägga till punkter.',
  measureEnded: (distance: string) => `Mätningen avslutad: ${distance}.`,
  unitStatusLegend: 'Enhetens status',
};

export const mapToolsEn: typeof mapToolsSv = {
  measure: 'Measure distance',
  measureStop: 'End measuring',
  measureHelp: 'Click the map to add points, or press Enter to add a point at the centre of the map (at the cross). Escape or the button ends it.',
  measureTotal: (distance: string, points: number) => `Distance: ${distance} (${plural('en-GB', points, 'point', 'points')})`,
  measureStart: 'Measuring started. Click the map or press Enter to add points.',
  measureEnded: (distance: string) => `Measuring ended: ${distance}.`,
  unitStatusLegend: 'Status of the unit',
};
