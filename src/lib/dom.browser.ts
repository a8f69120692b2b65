/**
 * Tiny helpers for the site's browser scripts: building elements and reading the
 * dictionary strings a component hands to its script in `data-messages`.
 */
import { fill } from '../i18n/fill.ts';

type Child = Node | string | number | null | undefined | false;

/** Creates an element with attributes (true → empty attribute, false/undefined → none) and children. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number | boolean | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.append(typeof child === 'number' ? String(child) : child);
  }
  return node;
}

/** A message lookup bound to an element's `data-messages` JSON. */
export function messages(host: HTMLElement): (key: string, params?: Record<string, string | number>) => string {
  let table: Record<string, string> = {};
  try {
    table = JSON.parse(host.dataset.messages ?? '{}') as Record<string, string>;
  } catch {
    // A broken attribute shows keys instead of failing the page.
  }
  return (key, params) => fill(table[key] ?? key, params);
}

/** Parses the JSON island inside `host` matched by `selector`. */
export function readIsland<T>(host: HTMLElement, selector: string): T | undefined {
  const text = host.querySelector(selector)?.textContent;
  if (!text) return undefined;
  try {
    return JSON.parse(text) as T;
  } catch {
    return undefined;
  }
}

/** Tells every school element on the page that the learner's record has changed. */
export const PROGRESS_EVENT = 'ld-progress-change';

/** Drops the empty children of a list, for `replaceChildren`. */
export function nodes(...children: Child[]): (Node | string)[] {
  return children.flatMap((c) => (c === null || c === undefined || c === false ? [] : [typeof c === 'number' ? String(c) : c]));
}
