/**
 * What every page loads for `<ld-resume>` (the header menu's and the home page's 继续学习): only
 * a check for a learning record. The element's code, with the record's reader and the course
 * lists, is fetched only for a learner who has a record, or once a record is made on this page
 * (a lesson marked learned, a quiz answered). A visitor who never studied downloads about 4 KB
 * less on every page.
 */
import { PROGRESS_EVENT } from '../dom.browser.ts';
import { browserStore } from '../key-value-store.browser.ts';
import { PROGRESS_KEY } from './progress-key.ts';

/** Whether this browser holds a learning record (false where storage is blocked). */
export function hasRecord(): boolean {
  try {
    return browserStore().getItem(PROGRESS_KEY) !== null;
  } catch {
    return false;
  }
}

let loading: Promise<void> | undefined;

/** Defines `<ld-resume>` with its whole code, once. */
function load(): Promise<void> {
  loading ??= import('./resume.browser.ts').then((m) => m.defineResume());
  return loading;
}

/** Loads `<ld-resume>` now for a learner with a record, otherwise when a record is first made. */
export function gateResume(): void {
  if (customElements.get('ld-resume')) return;
  if (hasRecord()) {
    void load();
    return;
  }
  document.addEventListener(PROGRESS_EVENT, () => void load(), { once: true });
}
