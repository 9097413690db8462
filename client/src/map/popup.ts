import type { Map as MlMap, Popup } from 'maplibre-gl';

/**
 * Popup content built from DOM nodes with `textContent`, so nothing from the data
 * is ever parsed as HTML.
 */

export interface PopupLine {
  label?: string;
  text: string;
}

/** A title, a subtitle and labelled lines. */
export function popupContent(title: string, subtitle: string | null, lines: PopupLine[]): HTMLElement {
  const root = document.createElement('div');
  root.className = 'popup';
  const h = document.createElement('p');
  h.className = 'popup-title';
  h.textContent = title;
  root.append(h);
  if (subtitle) {
    const s = document.createElement('p');
    s.className = 'popup-subtitle';
    s.textContent = subtitle;
    root.append(s);
  }
  if (lines.length) {
    const dl = document.createElement('dl');
    for (const line of lines) {
      if (!line.text) continue;
      if (line.label) {
        const dt = document.createElement('dt');
        dt.textContent = line.label;
        dl.append(dt);
      }
      const dd = document.createElement('dd');
      dd.textContent = line.text;
      dl.append(dd);
    }
    root.append(dl);
  }
  return root;
}

/**
 * Escape closes `popup` wherever the focus is (in the list beside the map too), unless a
 * modal dialog is open or a field has used the key already (an address list closing).
 * Focus inside the popup goes to the map, never to the page's start.
 */
export function closeOnEscape(popup: Popup, map: MlMap): void {
  const onKey = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || e.defaultPrevented || document.querySelector('dialog[open]')) return;
    const hadFocus = popup.getElement()?.contains(document.activeElement) ?? false;
    popup.remove();
    if (hadFocus) map.getCanvas().focus();
  };
  document.addEventListener('keydown', onKey);
  popup.once('close', () => document.removeEventListener('keydown', onKey));
}
