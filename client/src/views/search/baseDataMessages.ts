import { plural } from '../../lib/plural.js';

/**
 * Swedish and English texts of address search, the place check and the suggestions from
 * OpenStreetMap (`m.baseData`). `baseDataEn` has exactly the keys of `baseDataSv`.
 */
const svN = (v: number) => new Intl.NumberFormat('sv-SE').format(v);
const enN = (v: number) => new Intl.NumberFormat('en-GB').format(v);
const svM = (v: number) => (v >= 1000 ? `${new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 1 }).format(v / 1000)} km` : `${svN(Math.round(v))} m`);
const enM = (v: number) => (v >= 1000 ? `${new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 }).format(v / 1000)} km` : `${enN(Math.round(v))} m`);

export const baseDataSv = {
  addresses: 'Adresser',
  noAddressesImported: 'Inga adresser importerade. En administratör kan importera OpenStreetMap-data under Import.',
  addressShown: (label: string) => `${label} visas i kartan.`,
  addressField: 'Sök adress',
  addressFieldHint: 'Skriv gata och nummer, till exempel Kungsportsavenyen 1, och välj en träff.',
  addressSearching: 'Söker adresser…',
  addressNone: 'Ingen adress hittades.',
  addressCount: (count: number) => plural('sv-SE', count, 'adress', 'adresser'),
  addressFailed: 'Adressökningen misslyckades. Försök igen.',
  placeWarnings: {
    in_water: (name: string | null) => (name ? `Platsen ligger i ${name}.` : 'Platsen ligger i vatten.'),
    outside_imported_area: 'Platsen ligger utanför området som grunddatan täcker, så den kan inte kontrolleras.',
    outside_land: 'Platsen ligger utanför land enligt grunddatan.',
    no_base_data: 'Ingen grunddata är importerad, så platsen kan inte kontrolleras mot vatten och land.',
  },
  checkWater: 'Kontrollera att punkten hamnat rätt innan du sparar.',
  siteByAddress: 'Lägg till plats från adress',
  siteWarning: (label: string, text: string) => `Plats ${label}: ${text}`,
  analysedAnyway: 'Analysen visas ändå. Kontrollera att platsen är den du menar.',
  suggestions: {
    title: 'Förslag från OpenStreetMap',
    intro: 'Platser inom enhetens yttre zon som ännu inte finns i registret. Lägg till dem som aktörer eller barns platser, eller avfärda dem.',
    none: 'Inga nya förslag inom den yttre zonen.',
    noPois: 'Inga platser från OpenStreetMap är importerade.',
    add: (name: string) => `Lägg till ${name}`,
    addShort: 'Lägg till',
    dismiss: (name: string) => `Avfärda ${name}`,
    dismissShort: 'Avfärda',
    added: (name: string) => `${name} har lagts till.`,
    dismissed: (name: string) => `${name} har avfärdats och föreslås inte igen.`,
    failed: 'Förslaget kunde inte sparas. Försök igen.',
    distance: (metres: number) => `${svM(metres)} bort`,
    asActor: 'aktör',
    asChildPlace: 'barns plats',
    unnamed: 'namn saknas i OpenStreetMap',
  },
};

export const baseDataEn: typeof baseDataSv = {
  addresses: 'Addresses',
  noAddressesImported: 'No addresses imported. An administrator can import OpenStreetMap data under Import.',
  addressShown: (label: string) => `${label} is shown on the map.`,
  addressField: 'Find an address',
  addressFieldHint: 'Type a street and number, for example Kungsportsavenyen 1, and choose a result.',
  addressSearching: 'Searching addresses…',
  addressNone: 'No address found.',
  addressCount: (count: number) => plural('en-GB', count, 'address', 'addresses'),
  addressFailed: 'The address search failed. Try again.',
  placeWarnings: {
    in_water: (name: string | null) => (name ? `The place lies in ${name}.` : 'The place lies in water.'),
    outside_imported_area: 'The place lies outside the area the base data covers, so it cannot be checked.',
    outside_land: 'The place lies off land according to the base data.',
    no_base_data: 'No base data is imported, so the place cannot be checked against water and land.',
  },
  checkWater: 'Check that the point landed where you meant before saving.',
  siteByAddress: 'Add a site by address',
  siteWarning: (label: string, text: string) => `Site ${label}: ${text}`,
  analysedAnyway: 'The analysis is shown all the same. Check that the site is the one you mean.',
  suggestions: {
    title: 'Suggestions from OpenStreetMap',
    intro: 'Places inside the unit\'s outer zone that are not in the register yet. Add them as actors or children\'s places, or dismiss them.',
    none: 'No new suggestions inside the outer zone.',
    noPois: 'No places from OpenStreetMap are imported.',
    add: (name: string) => `Add ${name}`,
    addShort: 'Add',
    dismiss: (name: string) => `Dismiss ${name}`,
    dismissShort: 'Dismiss',
    added: (name: string) => `${name} has been added.`,
    dismissed: (name: string) => `${name} has been dismissed and will not be suggested again.`,
    failed: 'The suggestion could not be saved. Try again.',
    distance: (metres: number) => `${enM(metres)} away`,
    asActor: 'actor',
    asChildPlace: 'children\'s place',
    unnamed: 'no name in OpenStreetMap',
  },
};
