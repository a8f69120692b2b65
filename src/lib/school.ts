/**
 * Arranging the party school's content for pages and for the browser: the catalogue the
 * learner's record is checked against, lesson neighbours, JSON islands and message filling.
 */
import type { CatalogueCourse } from './progress.ts';
import { courseHref, examHref, lessonHref } from './publishing.ts';

export interface CourseLike {
  id: string;
  data: { title: string; hours: number };
}
export interface LessonLike {
  id: string;
  data: { title: string; course: { id: string }; order: number; minutes: number; quiz: readonly unknown[] };
}

/** Lessons of one course in study order. */
export function lessonsOf<L extends LessonLike>(lessons: readonly L[], courseId: string): L[] {
  return lessons.filter((l) => l.data.course.id === courseId).sort((a, b) => a.data.order - b.data.order || a.id.localeCompare(b.id));
}

/** The catalogue of courses and lessons as the learner's record needs it. */
export function buildCatalogue(courses: readonly CourseLike[], lessons: readonly LessonLike[]): CatalogueCourse[] {
  return courses.map((c) => ({
    id: c.id,
    title: c.data.title,
    hours: c.data.hours,
    lessons: lessonsOf(lessons, c.id).map((l) => ({ id: l.id, title: l.data.title, hasQuiz: l.data.quiz.length > 0 })),
  }));
}

/** The entries before and after `id` in a list. */
export function neighbours<T extends { id: string }>(list: readonly T[], id: string): { prev?: T; next?: T } {
  const i = list.findIndex((x) => x.id === id);
  if (i < 0) return {};
  return { prev: list[i - 1], next: list[i + 1] };
}

/** Total minutes of a list of lessons. */
export function totalMinutes(lessons: readonly LessonLike[]): number {
  return lessons.reduce((sum, l) => sum + l.data.minutes, 0);
}

/** Fills `{name}` placeholders; unknown placeholders stay as written. */
export function fill(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (params[name] === undefined ? whole : String(params[name])));
}

/** The letter shown before an option: A, B, C … */
export function optionLetter(index: number): string {
  return String.fromCharCode(65 + index);
}

/** "A、C" for a list of option indices, in order. */
export function answerLetters(indices: readonly number[]): string {
  return [...indices].sort((a, b) => a - b).map(optionLetter).join('、');
}

/** Every school address a learner may want offline: the index, the record, each course, lesson and exam. */
export function schoolUrls(catalogue: readonly CatalogueCourse[], examCourses: readonly string[]): string[] {
  return [
    '/school/',
    '/school/record/',
    ...catalogue.flatMap((c) => [
      courseHref(c.id),
      ...c.lessons.map((l) => lessonHref(c.id, l.id)),
      ...(examCourses.includes(c.id) ? [examHref(c.id)] : []),
    ]),
  ];
}

/**
 * The party school's service worker, scoped to /school/: it stores every school page and the
 * styles and scripts they use at install, answers page requests from the network first and
 * from the store when offline, and serves /_astro/ files (content-hashed) from the store.
 */
export function serviceWorkerSource(urls: readonly string[], version: string): string {
  return `const CACHE = ${JSON.stringify(`ld-school-${version}`)};
const PAGES = ${JSON.stringify(urls)};
self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    await cache.addAll(PAGES);
    const assets = new Set();
    for (const url of PAGES) {
      const html = await (await cache.match(url)).text();
      for (const m of html.matchAll(/\\/_astro\\/[\\w.-]+\\.(?:js|css)/g)) assets.add(m[0]);
    }
    await cache.addAll([...assets]);
    await self.skipWaiting();
  })());
});
self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) if (key.startsWith('ld-school-') && key !== CACHE) await caches.delete(key);
    await self.clients.claim();
  })());
});
self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== location.origin) return;
  if (event.request.mode === 'navigate' && url.pathname.startsWith('/school/')) {
    event.respondWith(fetch(event.request).then((response) => {
      if (response.ok) { const copy = response.clone(); caches.open(CACHE).then((c) => c.put(url.pathname, copy)); }
      return response;
    }).catch(async () => (await caches.match(url.pathname)) ?? Response.error()));
  } else if (url.pathname.startsWith('/_astro/')) {
    event.respondWith(caches.match(event.request).then((hit) => hit ?? fetch(event.request)));
  }
});
`;
}
