/**
 * 离线保存本课程, in the browser: reads a course's save list (/school/<course>/offline.json, which
 * gives its size before anything else is downloaded) and, when the learner confirms, stores each
 * file in the school's cache of saved lessons, which the service worker answers from offline.
 */
import { formatBytes, readCourseSave, SAVED_CACHE, type CourseSave } from './offline.ts';
import { messages } from '../dom.browser.ts';

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

/**
 * <ld-save-course> (src/components/school/SaveCourse.astro): the button asks for the course's
 * size and shows it with 确定保存 / 取消; confirming stores the course, reporting progress and the
 * result in its status line.
 */
export class SaveCourseElement extends HTMLElement {
  save: CourseSave | undefined;

  connectedCallback() {
    if (!canSaveCourses()) return;
    this.hidden = false;
    this.child('[data-save]').addEventListener('click', () => void this.ask());
    this.child('[data-confirm]').addEventListener('click', () => void this.store());
    this.child('[data-cancel]').addEventListener('click', () => this.reset(''));
  }

  child<T extends HTMLElement = HTMLElement>(selector: string): T {
    return this.querySelector(selector) as T;
  }

  /** Shows the course's size and asks before downloading anything else. */
  async ask() {
    const t = messages(this);
    this.child<HTMLButtonElement>('[data-save]').disabled = true;
    this.status(t('school.offline.checking'));
    this.save = await fetchCourseSave(this.dataset.url ?? '', this.dataset.course ?? '');
    if (!this.save) return this.reset(t('school.offline.unavailable'));
    this.status('');
    const size = this.child('[data-size]');
    size.textContent = t('school.offline.size', { count: this.save.lessons, size: formatBytes(this.save.bytes) });
    this.child('[data-ask]').hidden = false;
    size.focus();
  }

  async store() {
    const t = messages(this);
    const save = this.save;
    if (!save) return;
    this.child('[data-ask]').hidden = true;
    const ok = await saveCourse(save, (done, total) => this.status(t('school.offline.progress', { done, total })));
    this.reset(ok ? t('school.offline.done', { count: save.lessons, size: formatBytes(save.bytes) }) : t('school.offline.failed'));
    if (ok) this.dataset.saved = '';
  }

  reset(text: string) {
    this.child('[data-ask]').hidden = true;
    const button = this.child<HTMLButtonElement>('[data-save]');
    button.disabled = false;
    this.status(text);
    if (!text) button.focus();
  }

  status(text: string) {
    this.child('[data-status]').textContent = text;
  }
}
