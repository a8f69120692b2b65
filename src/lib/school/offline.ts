/**
 * What the party school's service worker keeps for offline reading, decided from the built site.
 * A learner's data plan is small, so installing the worker stores only the shell: the pages under
 * an offline route that are not lessons (the school's home, each course's page, its exam, 每日一题,
 * the record) and the site's scripts and styles (content-hashed files in /_astro/). Lessons are
 * stored as the learner opens them, and a whole course only on request (离线保存本课程), from its
 * save list (/school/<course>/offline.json), which gives its size first. The shell's cache version
 * is a hash of the shell's list and contents, so two builds of the same content give the same
 * version and learners keep what they stored.
 */
import { SCHOOL_BASE, SCHOOL_SW_HREF, courseHref, courseOfflineHref } from '../publishing.ts';

/**
 * Address prefixes whose pages are read offline. A new page under /school/ (a 每日一题 page, say)
 * is in the shell without a change here; add a prefix for another section.
 */
export const OFFLINE_ROUTES: readonly string[] = [SCHOOL_BASE];

/** The service worker's own address and scope. */
export const SERVICE_WORKER_URL = SCHOOL_SW_HREF;
export const SERVICE_WORKER_SCOPE = SCHOOL_BASE;

/** Caches the worker owns start with this; the shell's is this, `shell-` and its version. */
export const CACHE_PREFIX = 'ld-school-';
/** The shell's cache name for a version (replaced when the version changes). */
export const shellCache = (version: string) => `${CACHE_PREFIX}shell-${version}`;
/**
 * The cache of what the learner opened or saved (lessons, syllabus pages, lessons.json, images).
 * It outlives shell versions: a new build does not throw away the lessons a learner saved.
 */
export const SAVED_CACHE = `${CACHE_PREFIX}saved`;

/** The save list of course `courseId`: /school/<course>/offline.json. */
export const courseSaveHref = (courseId: string) => courseOfflineHref(courseId);

/** A file of the built site: its path relative to the output folder, and a hash of its bytes. */
export interface BuiltFile {
  path: string;
  hash: string;
}

/** What the service worker is given: its cache version and names, the shell's pages and assets. */
export interface Precache {
  version: string;
  /** The shell's cache (shellCache(version)). */
  cache: string;
  /** The cache of opened and saved lessons (SAVED_CACHE). */
  saved: string;
  pages: string[];
  assets: string[];
}

/** The body of /school/<course>/offline.json: what saving the course stores, and its size. */
export interface CourseSave {
  course: string;
  /** Lessons in the course. */
  lessons: number;
  /** Bytes of every file listed (as built, before the server compresses them: an upper bound). */
  bytes: number;
  /** Addresses to store: lessons, the syllabus pages after the first, lessons.json, images. */
  files: string[];
}

/** The address of a built file: "school/index.html" → "/school/", "_astro/a.js" → "/_astro/a.js". */
export function fileUrl(file: string): string {
  const url = `/${file.replace(/\\/g, '/')}`;
  return url.endsWith('/index.html') ? url.slice(0, -'index.html'.length) : url;
}

/** Whether an address is a syllabus page after the first (/school/<course>/page/<n>/): stored with its course, not in the shell. */
export function isSyllabusPage(url: string): boolean {
  return /^\/school\/[^/]+\/page\/\d+\/$/.test(url);
}

/**
 * The shell of a built site from its files: the HTML pages under an offline route that are not in
 * `onRequest` (every course's lessons and later syllabus pages) and not later syllabus pages, and
 * the scripts and styles. `digest` hashes a text (sha-256 hex in the build); it is passed in so
 * this module runs anywhere.
 */
export function precacheOf(
  files: readonly BuiltFile[],
  digest: (text: string) => string,
  onRequest: ReadonlySet<string> = new Set(),
  routes: readonly string[] = OFFLINE_ROUTES,
): Precache {
  const kept = files
    .map((f) => ({ ...f, url: fileUrl(f.path) }))
    .filter((f) =>
      f.path.endsWith('.html')
        ? routes.some((r) => f.url.startsWith(r)) && !onRequest.has(f.url) && !isSyllabusPage(f.url)
        : f.url.startsWith('/_astro/') && /\.(?:js|css)$/.test(f.url),
    )
    .sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
  const version = digest(kept.map((f) => `${f.url} ${f.hash}`).join('\n')).slice(0, 16);
  return {
    version,
    cache: shellCache(version),
    saved: SAVED_CACHE,
    pages: kept.filter((f) => f.path.endsWith('.html')).map((f) => f.url),
    assets: kept.filter((f) => f.url.startsWith('/_astro/')).map((f) => f.url),
  };
}

/** A built page or file as a course's save list needs it: its size, and the same-origin images a page shows. */
export interface SizedFile {
  bytes: number;
  images?: readonly string[];
}

/**
 * A course's save list: its lessons (from its lessons.json, in study order), its syllabus pages
 * after the first, the lessons.json itself and the images the lessons show, each once, with the
 * total of their sizes. Addresses missing from `files` are left out (and not counted).
 */
export function courseSaveOf(course: string, lessonHrefs: readonly string[], files: ReadonlyMap<string, SizedFile>): CourseSave {
  const prefix = courseHref(course);
  const syllabus = [...files.keys()].filter((url) => url.startsWith(prefix) && isSyllabusPage(url)).sort((a, b) => pageNumber(a) - pageNumber(b));
  const list: string[] = [];
  const seen = new Set<string>();
  const add = (url: string) => {
    if (!seen.has(url) && files.has(url)) {
      seen.add(url);
      list.push(url);
    }
  };
  for (const href of lessonHrefs) add(href);
  for (const url of syllabus) add(url);
  add(`${prefix}lessons.json`);
  for (const href of lessonHrefs) for (const image of files.get(href)?.images ?? []) add(image);
  return { course, lessons: lessonHrefs.length, bytes: list.reduce((sum, url) => sum + (files.get(url)?.bytes ?? 0), 0), files: list };
}

const pageNumber = (url: string) => Number(/\/page\/(\d+)\/$/.exec(url)?.[1] ?? 0);

/** Same-origin image addresses in a page's HTML (`<img>` `src` and every `srcset` candidate), without query or fragment. */
export function pageImages(html: string): string[] {
  const out = new Set<string>();
  for (const tag of html.match(/<img\b[^>]*>/gi) ?? []) {
    const src = /\ssrc="([^"]+)"/i.exec(tag)?.[1];
    const srcset = /\ssrcset="([^"]+)"/i.exec(tag)?.[1];
    const candidates = [src, ...(srcset ? srcset.split(',').map((c) => c.trim().split(/\s+/)[0]) : [])];
    for (const c of candidates) {
      if (c && c.startsWith('/') && !c.startsWith('//')) out.add(decodeEntities(c).replace(/[?#].*$/, ''));
    }
  }
  return [...out];
}

const decodeEntities = (s: string) => s.replace(/&amp;/g, '&');

/** A size for people: 850 KB, 1.2 MB (1 KB = 1,024 bytes), at least 1 KB. */
export function formatBytes(bytes: number): string {
  const kb = bytes / 1024;
  if (kb < 1000) return `${Math.max(1, Math.round(kb))} KB`;
  const mb = kb / 1024;
  return `${mb < 10 ? mb.toFixed(1) : Math.round(mb)} MB`;
}

/** A fetched offline.json, checked: undefined unless it is course `courseId`'s save list of same-origin addresses. */
export function readCourseSave(value: unknown, courseId: string): CourseSave | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { course, lessons, bytes, files } = value as Partial<Record<keyof CourseSave, unknown>>;
  if (course !== courseId || !Number.isInteger(lessons) || !Number.isFinite(bytes) || !Array.isArray(files)) return undefined;
  if (!files.every((f): f is string => typeof f === 'string' && f.startsWith('/') && !f.startsWith('//'))) return undefined;
  return { course, lessons: lessons as number, bytes: bytes as number, files };
}
