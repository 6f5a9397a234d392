// The popup of a space on the map, built node by node with textContent: names and cities come from
// imported records and must never be parsed as HTML.
import { profilePath } from '../../ui/space-link.js';
import { TYPE_COLORS } from './colors.js';
import type { SpaceType } from '../../../../src/domain/taxonomy.js';

export interface PopupFacts {
  id: string;
  name: string;
  type: string;
  typeLabel: string;
  synthetic: boolean;
  /** Lines shown under the type (city, founding year, price…), already formatted. */
  lines: string[];
}

export interface PopupLabels {
  synthetic: string;
  syntheticTitle: string;
  profile: string;
}

const el = <K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] => {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
};

/**
 * A popup body. `onOpen` is called instead of following the link on a plain click, so the app
 * routes in place; the href stays for a new tab and for screen readers.
 */
export { profilePath };

export const buildPopup = (
  f: PopupFacts,
  labels: PopupLabels,
  onOpen: (path: string) => void,
): HTMLElement => {
  const root = el('div', 'popup');
  root.append(el('h3', 'popup-title', f.name));
  const type = el('p', 'popup-type');
  const swatch = el('span', 'swatch');
  swatch.style.background = TYPE_COLORS[f.type as SpaceType] ?? TYPE_COLORS.other;
  type.append(swatch, document.createTextNode(f.typeLabel));
  root.append(type);
  if (f.synthetic) {
    const badge = el('span', 'badge badge-synthetic', labels.synthetic);
    badge.title = labels.syntheticTitle;
    root.append(badge);
  }
  const details = el('ul', 'popup-lines');
  for (const line of f.lines) details.append(el('li', undefined, line));
  root.append(details);
  const link = el('a', 'popup-link', labels.profile);
  const path = profilePath(f.id);
  link.href = path;
  link.addEventListener('click', (e) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey) return;
    e.preventDefault();
    onOpen(path);
  });
  root.append(link);
  return root;
};

/** Replaces the detail lines once the full record has arrived. */
export const setPopupLines = (root: HTMLElement, lines: string[]): void => {
  const list = root.querySelector('.popup-lines');
  if (!list) return;
  list.replaceChildren(...lines.map((l) => el('li', undefined, l)));
};
