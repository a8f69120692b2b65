/**
 * Fetches a course's lessons.json (same origin; the school's service worker answers it offline)
 * once per page: every element that asks for the same course shares one request. A failed or
 * unreadable fetch resolves to undefined, never throws, and is tried again on the next call.
 */
import { readCourseLessons, type LessonLink } from './school.ts';

const loads = new Map<string, Promise<LessonLink[] | undefined>>();

/** The lessons of course `courseId` from `url`, in study order; undefined when they cannot be had. */
export function fetchCourseLessons(url: string, courseId: string): Promise<LessonLink[] | undefined> {
  const key = `${courseId} ${url}`;
  let load = loads.get(key);
  if (!load) {
    load = (async () => {
      try {
        const target = new URL(url, location.href);
        if (target.origin !== location.origin) return undefined;
        const response = await fetch(target, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
        return response.ok ? readCourseLessons(await response.json(), courseId) : undefined;
      } catch {
        return undefined;
      }
    })();
    loads.set(key, load);
    void load.then((lessons) => {
      if (!lessons) loads.delete(key);
    });
  }
  return load;
}
