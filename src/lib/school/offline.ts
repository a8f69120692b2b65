/**
 * What the party school's service worker keeps for offline reading, decided from the built site:
 * every page under an offline route, the JSON files there (a course's lessons.json, which the
 * pages' scripts fetch), and the site's scripts and styles (content-hashed files in /_astro/). The cache version is a hash of that list and of the files' contents, so two builds of
 * the same content give the same version and learners keep their offline pages.
 */

/**
 * Address prefixes whose pages are read offline. A new page under /school/ (a 每日一题 page, say)
 * is included without a change here; add a prefix for another section.
 */
export const OFFLINE_ROUTES: readonly string[] = ['/school/'];

/** The service worker's own address and scope. */
export const SERVICE_WORKER_URL = '/school/sw.js';
export const SERVICE_WORKER_SCOPE = '/school/';

/** A file of the built site: its path relative to the output folder, and a hash of its bytes. */
export interface BuiltFile {
  path: string;
  hash: string;
}

/** What the service worker is given: its cache version, the pages, data files and assets to store. */
export interface Precache {
  version: string;
  pages: string[];
  /** JSON files the pages' scripts fetch; answered from the network first, like pages. */
  data: string[];
  assets: string[];
}

/** The address of a built file: "school/index.html" → "/school/", "_astro/a.js" → "/_astro/a.js". */
export function fileUrl(file: string): string {
  const url = `/${file.replace(/\\/g, '/')}`;
  return url.endsWith('/index.html') ? url.slice(0, -'index.html'.length) : url;
}

/**
 * The precache of a built site from its files. `digest` hashes a text (sha-256 hex in the build);
 * it is passed in so this module runs anywhere.
 */
export function precacheOf(files: readonly BuiltFile[], digest: (text: string) => string, routes: readonly string[] = OFFLINE_ROUTES): Precache {
  const kept = files
    .map((f) => ({ ...f, url: fileUrl(f.path) }))
    .filter((f) =>
      /\.(?:html|json)$/.test(f.path)
        ? routes.some((r) => f.url.startsWith(r))
        : f.url.startsWith('/_astro/') && /\.(?:js|css)$/.test(f.url),
    )
    .sort((a, b) => a.url.localeCompare(b.url));
  const version = digest(kept.map((f) => `${f.url} ${f.hash}`).join('\n')).slice(0, 16);
  return {
    version,
    pages: kept.filter((f) => f.path.endsWith('.html')).map((f) => f.url),
    data: kept.filter((f) => f.path.endsWith('.json')).map((f) => f.url),
    assets: kept.filter((f) => f.url.startsWith('/_astro/')).map((f) => f.url),
  };
}
