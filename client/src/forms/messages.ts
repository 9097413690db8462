/**
 * Swedish and English texts of the shared form pieces: a field's validation issue
 * rendered from the server's code and params, one sentence per error code and HTTP
 * status, and the conflict dialog. `formsEn` has exactly the keys of `formsSv`.
 */

import { plural, pluralForm } from '../lib/plural.js';

type Params = Record<string, unknown>;
const num = (locale: string, v: unknown) => (typeof v === 'number' ? new Intl.NumberFormat(locale).format(v) : String(v));
const svList = (items: string[]) => new Intl.ListFormat('sv-SE', { type: 'disjunction' }).format(items);
const enList = (items: string[]) => new Intl.ListFormat('en-GB', { type: 'disjunction' }).format(items);

/** "minst 8 tecken" / "at least 8 characters": the unit of a size limit by what is limited. */
const svUnit = (origin: unknown, _n: unknown) => (origin === 'string' ? 'tecken' : origin === 'array' || origin === 'set' ? 'val' : '');
const enUnit = (origin: unknown, n: unknown) =>
  origin === 'string'
    ? pluralForm('en-GB', Number(n), 'character', 'characters')
    : origin === 'array' || origin === 'set'
      ? pluralForm('en-GB', Number(n), 'item', 'items')
      : '';

export const formsSv = {
  /** Texts for one validation issue (`details.issues[]`), by its code. */
  issue: {
    required: 'Fyll i det här fältet.',
    invalid_type: (p: Params): string =>
      p.expected === 'number' || p.expected === 'int'
        ? 'Skriv ett tal.'
        : p.expected === 'boolean'
          ? 'Välj ja eller nej.'
          : p.expected === 'array'
            ? 'Välj ett eller flera värden.'
            : p.expected === 'object'
              ? 'Uppgiften saknas eller har fel form.'
              : 'Värdet har fel form.',
    too_small: (p: Params): string =>
      p.origin === 'string' && p.minimum === 1
        ? 'Fyll i det här fältet.'
        : p.origin === 'date'
          ? 'Datumet är för tidigt.'
          : `Måste vara ${p.inclusive === false ? 'mer än' : 'minst'} ${num('sv-SE', p.minimum)}${svUnit(p.origin, p.minimum) ? ` ${svUnit(p.origin, p.minimum)}` : ''}.`,
    too_big: (p: Params): string =>
      p.origin === 'date'
        ? 'Datumet är för sent.'
        : `Får vara ${p.inclusive === false ? 'mindre än' : 'högst'} ${num('sv-SE', p.maximum)}${svUnit(p.origin, p.maximum) ? ` ${svUnit(p.origin, p.maximum)}` : ''}.`,
    invalid_value: (labels: string[]): string => (labels.length ? `Välj en av: ${labels.join(', ')}.` : 'Värdet är inte tillåtet.'),
    invalid_format: (p: Params): string =>
      ({
        email: 'Skriv en giltig e-postadress, till exempel namn@goteborg.se.',
        url: 'Skriv en giltig webbadress som börjar med https://.',
        date: 'Skriv ett datum som ÅÅÅÅ-MM-DD.',
        datetime: 'Skriv datum och tid som ÅÅÅÅ-MM-DD TT:MM.',
        time: 'Skriv en tid som TT:MM.',
        uuid: 'Värdet har fel form.',
        regex: 'Värdet har fel form.',
        starts_with: 'Värdet har fel början.',
        ends_with: 'Värdet har fel slut.',
        includes: 'Värdet saknar en obligatorisk del.',
      })[String(p.format)] ?? 'Värdet har fel form.',
    not_multiple_of: (p: Params): string => `Måste vara en multipel av ${num('sv-SE', p.divisor)}.`,
    unrecognized_keys: (p: Params): string =>
      `Okända fält skickades (${Array.isArray(p.keys) ? p.keys.length : 1} st). Ladda om sidan och försök igen.`,
    invalid_union: 'Värdet har fel form.',
    invalid_key: 'Ett fältnamn är inte tillåtet.',
    invalid_element: 'Ett av värdena är inte tillåtet.',
    custom: 'Värdet är inte tillåtet.',
  },
  /** Texts for business rules and custom validation codes (issue `code` or the error's `code`). */
  rule: {
    protected_housing: 'Skyddat boende får aldrig registreras: adressen är sekretessbelagd enligt lag (offentlighets- och sekretesslagen).',
    outside_sweden: 'Platsen ligger utanför Sverige. Kontrollera koordinaterna (longitud 10,5–24,2, latitud 55,0–69,1).',
    wrong_password: 'Det är inte ditt nuvarande lösenord.',
    local_passwords_off: 'Inloggning med lösenord är avstängd här. Logga in med ditt arbetskonto.',
    password_change_required: 'Lösenordet är tillfälligt. Välj ett eget lösenord innan du fortsätter.',
    second_factor_enrolment_required: 'Din roll måste ha tvåstegsverifiering. Ställ in en autentiseringsapp eller en inloggningsnyckel innan du fortsätter.',
    wrong_second_factor: 'Koden eller nyckeln stämmer inte, har redan använts eller har gått ut.',
    second_factor_pending_missing: 'Inloggningen har gått ut. Logga in med lösenordet igen.',
    already_enrolled: 'En autentiseringsapp är redan inställd. Ta bort den först.',
    weak_password:
      'Lösenordet går inte att använda: det är ett av de vanligaste eller läckta lösenorden, eller samma som e-postadressen. Välj ett längre och mindre förutsägbart, till exempel några ord som inte hör ihop.',
    invalid_geometry: 'Geometrin är ogiltig (till exempel en polygon som korsar sig själv).',
    empty_geometry: 'Geometrin är tom.',
    position_3d: 'Bara två koordinater (longitud, latitud) per punkt.',
    crs_member: 'Koordinatsystem får inte anges i filen; använd WGS 84 (longitud, latitud).',
    ring_not_closed: 'Polygonens ring är inte sluten.',
    ring_too_short: 'Polygonens ring har för få punkter (minst fyra).',
    not_finite: 'Koordinaterna måste vara tal.',
    forbidden_key: 'Ett fältnamn är inte tillåtet.',
    radii_order: 'Zonerna måste växa utåt: Närmast < Grannskapet < Området.',
    contact_target: 'En kontakt behöver en aktör, en barns plats eller en anteckning.',
    location_pair: 'Ange både longitud och latitud, eller ingen av dem.',
    due_before_date: 'Förfallodatumet kan inte ligga före aktivitetens datum.',
    range_reversed: 'Slutdatumet måste ligga efter startdatumet.',
    duplicate: 'Det finns redan en post med samma uppgifter.',
    email_taken: 'E-postadressen används redan av ett annat konto.',
    last_admin: 'Det måste finnas minst en aktiv administratör.',
    in_use: 'Posten används av andra poster och kan inte tas bort.',
    position_shape: 'En punkt anges med två tal: longitud och latitud.',
    geometry_shape: 'Geometrin har fel form.',
    too_many_positions: 'Geometrin har för många punkter. Förenkla den först.',
    stages_only_schools: 'Bara skolor har stadier. Ta bort stadierna eller välj typen skola.',
    empty_change: 'Det finns inget att spara: inget har ändrats.',
    date_in_future: 'Datumet ligger i framtiden. Ange dagens datum eller ett tidigare.',
    follow_up_kind_only: 'Plats, ansvarig, förfallodatum och uppföljning finns bara för iakttagelser och trygghetsvandringar.',
    missing_reference: 'Något av det valda finns inte längre. Ladda om och välj igen.',
    outside_outer_ring: 'Informationen gäller bara barns platser inom enhetens yttre zon.',
    stale_version: 'Någon annan har ändrat posten sedan du öppnade den. Ladda om och försök igen.',
    invalid_date: 'Skriv ett verkligt datum som ÅÅÅÅ-MM-DD.',
  } as Record<string, string>,
  /** One sentence per error code of `api/errors.ts` (ERROR_STATUS), used for the whole-form error. */
  code: {
    bad_request: 'Uppgifterna kunde inte sparas. Rätta de markerade fälten och försök igen.',
    protected_housing: 'Skyddat boende får aldrig registreras: adressen är sekretessbelagd enligt lag.',
    weak_password: 'Lösenordet går inte att använda. Välj ett längre och mindre förutsägbart.',
    unauthorized: 'Du är inte inloggad (sessionen kan ha tagit slut). Logga in igen.',
    forbidden: 'Din roll ger inte behörighet till detta.',
    not_found: 'Det som söktes finns inte (längre). Någon kan ha tagit bort det.',
    conflict: 'Ändringen krockar med något som redan finns.',
    precondition_failed: 'Någon annan har ändrat posten sedan du öppnade den. Ladda om och försök igen.',
    payload_too_large: 'Det som skickades är för stort.',
    unsupported_media_type: 'Servern tog inte emot den här sortens innehåll.',
    precondition_required: 'Sidan skickade ändringen utan versionsuppgift. Ladda om sidan och försök igen.',
    too_many_requests: 'För många försök. Vänta en stund och försök igen.',
    internal: 'Något gick fel på servern. Försök igen om en stund.',
    unavailable: 'Tjänsten är tillfälligt otillgänglig. Försök igen om en stund.',
  } as Record<string, string>,
  network: 'Servern kunde inte nås. Kontrollera anslutningen och försök igen.',
  unknown: 'Något gick fel. Försök igen.',
  tooManyWait: (seconds: number): string =>
    `För många försök. Vänta ${seconds < 90 ? plural('sv-SE', Math.ceil(seconds), 'sekund', 'sekunder') : plural('sv-SE', Math.ceil(seconds / 60), 'minut', 'minuter')} och försök igen.`,
  serverStatus: (status: number): string => `Servern svarade med ett fel (${status}). Försök igen om en stund.`,
  /** The whole-form sentence for a failed validation: how many fields to fix. */
  fixFields: (count: number): string =>
    `${plural('sv-SE', count, 'fält', 'fält')} behöver rättas innan det går att spara.`,
  fieldIssue: (label: string, text: string): string => `${label}: ${text}`,
  errorIcon: 'Fel',
  /** The conflict dialog (412 / deleted meanwhile). */
  conflict: {
    title: 'Någon annan har ändrat samma post',
    intro: 'Medan du redigerade sparade någon annan ändringar. Jämför fält för fält och välj vad som ska gälla. Inget sparas förrän du väljer.',
    deletedTitle: 'Posten har tagits bort',
    deletedIntro: 'Medan du redigerade tog någon annan bort posten. Du kan skapa den igen med dina uppgifter eller släppa din ändring.',
    field: 'Fält',
    base: 'När du öppnade',
    theirs: 'Den andras ändring',
    mine: 'Din ändring',
    chooseMine: 'Min ändring',
    chooseTheirs: 'Deras ändring',
    takenTheirs: 'Bara den andra ändrade: deras värde behålls.',
    takenMine: 'Bara du ändrade: ditt värde behålls.',
    same: 'Samma ändring på båda håll.',
    bothChanged: 'Båda har ändrat: välj.',
    choiceFor: (label: string): string => `Välj värde för ${label}`,
    unchosen: (labels: string[]): string => `Välj värde för: ${labels.join(', ')}.`,
    save: 'Spara mina val',
    discard: 'Släng min ändring och ladda om',
    recreate: 'Skapa igen med mina uppgifter',
    cancel: 'Avbryt (fortsätt redigera)',
    empty: '(tomt)',
    yes: 'Ja',
    no: 'Nej',
    noChanges: 'Inga av dina fält krockar; den andras ändringar behålls.',
  },
  /** Labels for enum values no other catalogue has. */
  values: { public: 'Öppen', restricted: 'Skyddad (begränsad)', viewer: 'Läsare', editor: 'Redaktör', admin: 'Administratör', city_area: 'Stadsområde', primary_area: 'Primärområde' } as Record<string, string>,
  list: svList,
};

export const formsEn: typeof formsSv = {
  issue: {
    required: 'Fill in this field.',
    invalid_type: (p: Params) =>
      p.expected === 'number' || p.expected === 'int'
        ? 'Enter a number.'
        : p.expected === 'boolean'
          ? 'Choose yes or no.'
          : p.expected === 'array'
            ? 'Choose one or more values.'
            : p.expected === 'object'
              ? 'This is missing or has the wrong form.'
              : 'This value has the wrong form.',
    too_small: (p: Params) =>
      p.origin === 'string' && p.minimum === 1
        ? 'Fill in this field.'
        : p.origin === 'date'
          ? 'The date is too early.'
          : `Must be ${p.inclusive === false ? 'more than' : 'at least'} ${num('en-GB', p.minimum)}${enUnit(p.origin, p.minimum) ? ` ${enUnit(p.origin, p.minimum)}` : ''}.`,
    too_big: (p: Params) =>
      p.origin === 'date'
        ? 'The date is too late.'
        : `Can be ${p.inclusive === false ? 'less than' : 'at most'} ${num('en-GB', p.maximum)}${enUnit(p.origin, p.maximum) ? ` ${enUnit(p.origin, p.maximum)}` : ''}.`,
    invalid_value: (labels: string[]) => (labels.length ? `Choose one of: ${labels.join(', ')}.` : 'This value is not allowed.'),
    invalid_format: (p: Params) =>
      ({
        email: 'Enter a valid e-mail address, such as name@goteborg.se.',
        url: 'Enter a valid web address starting with https://.',
        date: 'Enter a date as YYYY-MM-DD.',
        datetime: 'Enter a date and time as YYYY-MM-DD HH:MM.',
        time: 'Enter a time as HH:MM.',
        uuid: 'This value has the wrong form.',
        regex: 'This value has the wrong form.',
        starts_with: 'This value starts wrongly.',
        ends_with: 'This value ends wrongly.',
        includes: 'This value lacks a required part.',
      })[String(p.format)] ?? 'This value has the wrong form.',
    not_multiple_of: (p: Params) => `Must be a multiple of ${num('en-GB', p.divisor)}.`,
    unrecognized_keys: (p: Params) =>
      `Unknown fields were sent (${Array.isArray(p.keys) ? p.keys.length : 1}). Reload the page and try again.`,
    invalid_union: 'This value has the wrong form.',
    invalid_key: 'A field name is not allowed.',
    invalid_element: 'One of the values is not allowed.',
    custom: 'This value is not allowed.',
  },
  rule: {
    protected_housing: 'Protected housing is never entered: its address is secret by law (the Public Access to Information and Secrecy Act).',
    outside_sweden: 'The place lies outside Sweden. Check the coordinates (longitude 10.5–24.2, latitude 55.0–69.1).',
    wrong_password: 'That is not your current password.',
    local_passwords_off: 'Sign-in with a password is switched off here. Sign in with your work account.',
    password_change_required: 'The password is temporary. Choose your own password before you go on.',
    second_factor_enrolment_required: 'Your role must have two-step verification. Set up an authenticator app or a passkey before you go on.',
    wrong_second_factor: 'The code or passkey is wrong, already used or expired.',
    second_factor_pending_missing: 'The sign-in has expired. Sign in with your password again.',
    already_enrolled: 'An authenticator app is set up already. Remove it first.',
    weak_password:
      'That password cannot be used: it is one of the most common or leaked passwords, or the same as the e-mail address. Choose a longer, less predictable one, such as a few unrelated words.',
    invalid_geometry: 'The geometry is not valid (for example a polygon that crosses itself).',
    empty_geometry: 'The geometry is empty.',
    position_3d: 'Only two coordinates (longitude, latitude) per position.',
    crs_member: 'Do not name a coordinate system in the file; use WGS 84 (longitude, latitude).',
    ring_not_closed: 'The polygon ring is not closed.',
    ring_too_short: 'The polygon ring has too few positions (at least four).',
    not_finite: 'Coordinates must be numbers.',
    forbidden_key: 'A field name is not allowed.',
    radii_order: 'The zones must grow outwards: Immediate < Neighbourhood < Area.',
    contact_target: "A contact needs an actor, a children's place or a note.",
    location_pair: 'Give both longitude and latitude, or neither.',
    due_before_date: 'The due date cannot be before the activity date.',
    range_reversed: 'The end date must be after the start date.',
    duplicate: 'A record with the same details already exists.',
    email_taken: 'That e-mail address is already used by another account.',
    last_admin: 'There must be at least one active administrator.',
    in_use: 'Other records use this one, so it cannot be removed.',
    position_shape: 'A point is given as two numbers: longitude and latitude.',
    geometry_shape: 'The geometry has the wrong form.',
    too_many_positions: 'The geometry has too many positions. Simplify it first.',
    stages_only_schools: 'Only schools have stages. Remove the stages or choose the kind school.',
    empty_change: 'There is nothing to save: nothing has changed.',
    date_in_future: 'The date is in the future. Give today or an earlier day.',
    follow_up_kind_only: 'Location, responsible actor, due date and follow-up exist only for observations and safety walks.',
    missing_reference: 'Something you chose no longer exists. Reload and choose again.',
    outside_outer_ring: "Information is recorded only for children's places inside the unit's outer zone.",
    stale_version: 'Someone else changed this record after you opened it. Reload and try again.',
    invalid_date: 'Enter a real date as YYYY-MM-DD.',
  } as Record<string, string>,
  code: {
    bad_request: 'The details could not be saved. Correct the marked fields and try again.',
    protected_housing: 'Protected housing is never entered: its address is secret by law.',
    weak_password: 'That password cannot be used. Choose a longer, less predictable one.',
    unauthorized: 'You are not signed in (the session may have ended). Sign in again.',
    forbidden: 'Your role does not allow this.',
    not_found: 'What you looked for does not exist (any more). Someone may have removed it.',
    conflict: 'The change clashes with something that already exists.',
    precondition_failed: 'Someone else changed this record after you opened it. Reload and try again.',
    payload_too_large: 'What was sent is too large.',
    unsupported_media_type: 'The server does not accept this kind of content.',
    precondition_required: 'The page sent the change without a version. Reload the page and try again.',
    too_many_requests: 'Too many attempts. Wait a while and try again.',
    internal: 'Something went wrong on the server. Try again in a while.',
    unavailable: 'The service is temporarily unavailable. Try again in a while.',
  } as Record<string, string>,
  network: 'The server could not be reached. Check the connection and try again.',
  unknown: 'Something went wrong. Try again.',
  tooManyWait: (seconds: number) =>
    `Too many attempts. Wait ${seconds < 90 ? plural('en-GB', Math.ceil(seconds), 'second', 'seconds') : plural('en-GB', Math.ceil(seconds / 60), 'minute', 'minutes')} and try again.`,
  serverStatus: (status: number) => `The server answered with an error (${status}). Try again in a while.`,
  fixFields: (count: number) => `${plural('en-GB', count, 'field needs', 'fields need')} correcting before this can be saved.`,
  fieldIssue: (label: string, text: string) => `${label}: ${text}`,
  errorIcon: 'Error',
  conflict: {
    title: 'Someone else changed the same record',
    intro: 'While you were editing, someone else saved changes. Compare field by field and choose what should apply. Nothing is saved until you choose.',
    deletedTitle: 'The record has been removed',
    deletedIntro: 'While you were editing, someone else removed the record. You can create it again with your details or drop your edit.',
    field: 'Field',
    base: 'When you opened it',
    theirs: 'Their change',
    mine: 'Your change',
    chooseMine: 'My change',
    chooseTheirs: 'Their change',
    takenTheirs: 'Only they changed it: their value is kept.',
    takenMine: 'Only you changed it: your value is kept.',
    same: 'The same change on both sides.',
    bothChanged: 'Both changed it: choose.',
    choiceFor: (label: string) => `Choose the value for ${label}`,
    unchosen: (labels: string[]) => `Choose the value for: ${labels.join(', ')}.`,
    save: 'Save my choices',
    discard: 'Drop my edit and reload',
    recreate: 'Create it again with my details',
    cancel: 'Cancel (keep editing)',
    empty: '(empty)',
    yes: 'Yes',
    no: 'No',
    noChanges: 'None of your fields clash; their changes are kept.',
  },
  values: { public: 'Public', restricted: 'Restricted', viewer: 'Viewer', editor: 'Editor', admin: 'Administrator', city_area: 'City area', primary_area: 'Primary area' } as Record<string, string>,
  list: enList,
};
