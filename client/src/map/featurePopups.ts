import type { Messages } from '../i18n/sv.js';
import type { ActorProperties, ChildPlaceProperties, Unit } from '../lib/apiTypes.js';
import { popupContent } from './popup.js';

/** Popup for a neighbourhood actor: name, category, organisation, what to contact them about. */
export function actorPopup(m: Messages, p: ActorProperties, distance?: number): HTMLElement {
  return popupContent(p.name, m.actorCategory[p.category] ?? p.category, [
    { label: m.contacts.organisation, text: p.organisation && p.organisation !== p.name ? p.organisation : '' },
    { label: m.contacts.contactAbout, text: p.contact_about ?? '' },
    { label: m.table.address, text: p.address ?? '' },
    { label: m.contacts.distance, text: distance === undefined ? '' : m.distance(distance) },
  ]);
}

/** Popup for a school, preschool, leisure-time centre or playground. */
export function childPlacePopup(m: Messages, p: ChildPlaceProperties, extra: { label: string; text: string }[] = []): HTMLElement {
  const stages = (p.stages ?? []).map((s) => m.stage[s] ?? s).join(', ');
  return popupContent(p.name, m.childPlaceKind[p.kind] ?? p.kind, [
    { label: m.children.stages, text: stages },
    { label: m.table.address, text: p.address ?? '' },
    ...extra,
  ]);
}

/** Popup for a unit. */
export function unitPopup(m: Messages, u: Unit): HTMLElement {
  return popupContent(u.properties.name, m.unitKind[u.properties.kind] ?? u.properties.kind, [
    { text: m.units.places(u.properties.places) },
    { label: m.unit.address, text: u.properties.address ?? m.units.coarse },
  ]);
}
