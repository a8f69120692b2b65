/**
 * `<ld-resume>`: a 继续学习 link to the next lesson of the course the learner touched last, with
 * the lesson's name. Hidden for a learner without a record (nothing is fetched then). With
 * `data-lazy` (the header's menu) it waits until its <details> is first opened.
 */
import { courseProgress, loadProgress } from './progress.ts';
import { browserStore } from '../key-value-store.browser.ts';
import { fetchCourseLessons } from './course-lessons.browser.ts';
import { PROGRESS_EVENT, messages } from '../dom.browser.ts';
import { lastCourse } from './resume.ts';

export class ResumeElement extends HTMLElement {
  renders = 0;

  connectedCallback() {
    const details = this.hasAttribute('data-lazy') ? this.closest('details') : null;
    if (details && !details.open) {
      const once = () => {
        if (!details.open) return;
        details.removeEventListener('toggle', once);
        void this.render();
      };
      details.addEventListener('toggle', once);
    } else {
      void this.render();
    }
    document.addEventListener(PROGRESS_EVENT, () => void this.render());
  }

  /** Course id → its lessons.json address, from the `data-courses` JSON. */
  courses(): Map<string, string> {
    try {
      const value: unknown = JSON.parse(this.dataset.courses ?? '{}');
      if (value === null || typeof value !== 'object') return new Map();
      return new Map(Object.entries(value).filter((e): e is [string, string] => typeof e[1] === 'string'));
    } catch {
      return new Map();
    }
  }

  async render() {
    const ticket = ++this.renders;
    const t = messages(this);
    const link = this.querySelector<HTMLAnchorElement>('a[data-resume]');
    if (!link) return;
    const courses = this.courses();
    const { record } = loadProgress(browserStore());
    const course = lastCourse(record, [...courses.keys()]);
    const url = course === undefined ? undefined : courses.get(course);
    if (course === undefined || url === undefined) return this.show(false);
    const lessons = await fetchCourseLessons(url, course);
    if (ticket !== this.renders) return;
    const p =
      lessons &&
      courseProgress(
        record,
        lessons.map((l) => l.id),
      );
    const next = p && lessons.find((l) => l.id === p.next);
    if (!next) return this.show(false);
    link.href = next.href;
    link.textContent = t('school.continue', { title: next.title });
    this.show(true);
  }

  show(on: boolean) {
    this.hidden = !on;
    const item = this.closest<HTMLElement>('[data-resume-item]');
    if (item) item.hidden = !on;
  }
}

/** Registers `<ld-resume>` once. */
export function defineResume(): void {
  if (!customElements.get('ld-resume')) customElements.define('ld-resume', ResumeElement);
}
