/**
 * The reader's 适老化 choices: text size and contrast. Stored in localStorage under one
 * versioned key and applied as data attributes on <html>. The pre-paint script in BaseLayout
 * repeats `applyPrefs` in a few inline lines (it must run before any module loads); a test
 * checks the two agree.
 */

import type { KeyValueStore } from './key-value-store.browser.ts';

export const FONT_SIZES = ['normal', 'large', 'xlarge'] as const;
export type FontSize = (typeof FONT_SIZES)[number];

export interface Prefs {
  fontSize: FontSize;
  contrast: boolean;
}

export const PREFS_KEY = 'ld-a11y-v1';
export const DEFAULT_PREFS: Prefs = { fontSize: 'normal', contrast: false };

export function isFontSize(value: unknown): value is FontSize {
  return typeof value === 'string' && (FONT_SIZES as readonly string[]).includes(value);
}

/** Reads the stored choices; anything missing or malformed falls back to the defaults. */
export function loadPrefs(store: Pick<KeyValueStore, 'getItem'>): Prefs {
  try {
    const raw: unknown = JSON.parse(store.getItem(PREFS_KEY) ?? 'null');
    if (!raw || typeof raw !== 'object') return { ...DEFAULT_PREFS };
    const r = raw as Record<string, unknown>;
    return { fontSize: isFontSize(r.fontSize) ? r.fontSize : 'normal', contrast: r.contrast === true };
  } catch {
    return { ...DEFAULT_PREFS };
  }
}

/** Stores the choices; a full or blocked storage only loses persistence, never the page. */
export function savePrefs(store: Pick<KeyValueStore, 'setItem'>, prefs: Prefs): void {
  try {
    store.setItem(PREFS_KEY, JSON.stringify(prefs));
  } catch {
    /* private mode or quota: the choice still applies to this page */
  }
}

/** Sets data-font-size and data-contrast on the root element (absent means default). */
export function applyPrefs(root: HTMLElement, prefs: Prefs): void {
  if (prefs.fontSize === 'normal') delete root.dataset.fontSize;
  else root.dataset.fontSize = prefs.fontSize;
  if (prefs.contrast) root.dataset.contrast = 'high';
  else delete root.dataset.contrast;
}

/**
 * The inline pre-paint script: marks that JavaScript runs and applies stored choices before
 * the first paint. Kept as a string here so the test and the layout use the same text.
 */
export const PRE_PAINT_SCRIPT = `(function(){var d=document.documentElement;d.dataset.js="";try{var p=JSON.parse(localStorage.getItem(${JSON.stringify(PREFS_KEY)})||"null");if(p){if(p.fontSize==="large"||p.fontSize==="xlarge")d.dataset.fontSize=p.fontSize;if(p.contrast===true)d.dataset.contrast="high"}}catch(e){}})();`;
