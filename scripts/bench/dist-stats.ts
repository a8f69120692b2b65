/**
 * Weighs a built site: every HTML page gzipped, and the CSS and JavaScript each page makes the
 * browser fetch or run (linked stylesheets, inline <style>, <script src> with the modules it
 * imports statically, inline scripts), grouped by page type (URL prefix).
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { walkFiles } from '../site-files.ts';

/** Page types, by URL prefix; `home` is `/` alone. Anything else is `other`. */
export const PAGE_TYPES = ['home', '/news/', '/activities/', '/theory/', '/school/', '/stations/', '/exchange/', '/diary/', '/search/'] as const;
export type PageType = (typeof PAGE_TYPES)[number];

/** The type of a page from its URL path. */
export function pageType(url: string): PageType | 'other' {
  if (url === '/') return 'home';
  return PAGE_TYPES.find((t) => t !== 'home' && url.startsWith(t)) ?? 'other';
}

/** The p-th percentile (nearest rank, 0 < p <= 100) of the values; undefined when empty. */
export function percentile(values: readonly number[], p: number): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export interface PageWeight {
  url: string;
  html: number;
  css: number;
  js: number;
}

export interface TypeStats {
  pages: number;
  htmlMedian: number;
  /** Largest CSS, JS and HTML+CSS+JS of any page of the type, gzipped bytes. */
  cssMax: number;
  jsMax: number;
  totalMax: number;
}

export interface DistStats {
  pages: number;
  distBytes: number;
  htmlMedian: number | undefined;
  htmlP95: number | undefined;
  types: Partial<Record<PageType, TypeStats>>;
}

const gz = (text: string | Buffer) => gzipSync(text).length;
const attr = (tag: string, name: string) =>
  new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i')
    .exec(tag)
    ?.slice(1)
    .find((v) => v !== undefined);
const JS_TYPES = new Set(['', 'module', 'text/javascript', 'application/javascript']);

/** Weighs one page's HTML, given a resolver for the gzipped size of a local asset. */
export function weighPage(url: string, html: string, asset: (href: string) => { gz: number; imports: string[] } | undefined): PageWeight {
  let css = 0;
  let js = 0;
  for (const m of html.matchAll(/<link\b[^>]*>/gi)) {
    const tag = m[0];
    if (!/^stylesheet$/i.test(attr(tag, 'rel') ?? '')) continue;
    css += asset(attr(tag, 'href') ?? '')?.gz ?? 0;
  }
  for (const m of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)) css += gz(m[1] ?? '');
  const seen = new Set<string>();
  const addModule = (href: string) => {
    if (seen.has(href)) return;
    seen.add(href);
    const a = asset(href);
    if (!a) return;
    js += a.gz;
    for (const i of a.imports) addModule(i);
  };
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const open = m[1] ?? '';
    if (!JS_TYPES.has((attr(open, 'type') ?? '').toLowerCase())) continue;
    const src = attr(open, 'src');
    if (src) addModule(new URL(src, `http://x${url}`).pathname);
    else js += gz(m[2] ?? '');
  }
  return { url, html: gz(html), css, js };
}

/** Weighs every page of the site built in `dir`. */
export function analyzeDist(dir: string): DistStats {
  const files = walkFiles(dir).map((f) => path.join(dir, f));
  const distBytes = files.reduce((s, f) => s + statSync(f).size, 0);
  const assets = new Map<string, { gz: number; imports: string[] } | undefined>();
  const asset = (href: string) => {
    if (!href.startsWith('/') || href.startsWith('//')) return undefined;
    const key = href.split(/[?#]/)[0] ?? href;
    if (!assets.has(key)) {
      let value: { gz: number; imports: string[] } | undefined;
      try {
        const body = readFileSync(path.join(dir, key));
        const text = key.endsWith('.js') || key.endsWith('.mjs') ? body.toString('utf8') : '';
        // Static imports of a module (`import"./a.js"`, `from "./b.js"`); dynamic import() is lazy.
        const imports = [...text.matchAll(/(?:\bimport\s*|\bfrom\s*)["']([^"']+\.m?js)["']/g)].map((m) => new URL(m[1] ?? '', `http://x${key}`).pathname);
        value = { gz: gz(body), imports };
      } catch {
        value = undefined;
      }
      assets.set(key, value);
    }
    return assets.get(key);
  };

  const weights: { type: PageType | 'other'; w: PageWeight }[] = [];
  for (const f of files) {
    if (!f.endsWith('.html')) continue;
    const rel = path.relative(dir, f).split(path.sep).join('/');
    const url = `/${rel.replace(/(^|\/)index\.html$/, '$1')}`;
    const w = weighPage(url, readFileSync(f, 'utf8'), asset);
    weights.push({ type: pageType(url), w });
  }

  const types: Partial<Record<PageType, TypeStats>> = {};
  for (const t of PAGE_TYPES) {
    const of = weights.filter((x) => x.type === t).map((x) => x.w);
    if (of.length === 0) continue;
    types[t] = {
      pages: of.length,
      htmlMedian:
        percentile(
          of.map((w) => w.html),
          50,
        ) ?? 0,
      cssMax: Math.max(...of.map((w) => w.css)),
      jsMax: Math.max(...of.map((w) => w.js)),
      totalMax: Math.max(...of.map((w) => w.html + w.css + w.js)),
    };
  }
  const html = weights.map((x) => x.w.html);
  return { pages: weights.length, distBytes, htmlMedian: percentile(html, 50), htmlP95: percentile(html, 95), types };
}
