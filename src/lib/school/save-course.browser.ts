/**
 * 离线保存本课程, in the browser: reads a course's save list (/school/<course>/offline.json, which
 * gives its size before anything else is downloaded) and, when the learner confirms, stores each
 * file in the school's cache of saved lessons, which the service worker answers from offline.
 */
import { readCourseSave, SAVED_CACHE, type CourseSave } from '../offline.ts';

/** Whether this browser can save a course: a service worker and the Cache API (secure pages only). */
export function canSaveCourses(): boolean {
  return 'serviceWorker' in navigator && 'caches' in window;
}

/** The save list of course `courseId` from `url` (same origin); undefined when it cannot be had. */
export async function fetchCourseSave(url: string, courseId: string): Promise<CourseSave | undefined> {
  try {
    const target = new URL(url, location.href);
    if (target.origin !== location.origin) return undefined;
    const response = await fetch(target, { credentials: 'same-origin', cache: 'no-cache', headers: { Accept: 'application/json' } });
    return response.ok ? readCourseSave(await response.json(), courseId) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Stores every file of a save list, one after another (a phone's connection is not hurried by
 * many at once), reporting each; resolves true when all were stored, false at the first failure
 * (what was stored stays stored, and saving again fetches everything anew).
 */
export async function saveCourse(save: CourseSave, progress: (done: number, total: number) => void): Promise<boolean> {
  try {
    const cache = await caches.open(SAVED_CACHE);
    let done = 0;
    progress(done, save.files.length);
    for (const url of save.files) {
      const response = await fetch(url, { credentials: 'same-origin' });
      if (!response.ok) return false;
      await cache.put(url, response);
      progress(++done, save.files.length);
    }
    return true;
  } catch {
    return false;
  }
}
