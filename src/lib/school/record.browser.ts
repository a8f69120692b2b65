/**
 * The learner's record page (`<ld-record>`, markup in components/school/Record.astro): lessons
 * learned, courses completed with a printable certificate, 学时 by year, exam attempts, and
 * export / import / clear, all from the record in this browser's storage (progress.ts).
 */
import {
  bestAttempt,
  clearProgress,
  coursesTouched,
  exportProgress,
  hoursByYear,
  importProgress,
  learnedLessons,
  loadProgress,
  saveProgress,
  settleCourses,
  type Progress,
} from './progress.ts';
import { catalogueOf, type CourseSummary, type LessonLink } from './school.ts';
import { browserStore } from '../key-value-store.browser.ts';
import { fetchCourseLessons } from './course-lessons.browser.ts';
import { formatDate, formatDateTime, isoShanghai } from '../dates.ts';
import { lessonHref } from '../publishing.ts';
import { el, messages, nodes, readIsland } from '../dom.browser.ts';

export class RecordElement extends HTMLElement {
  /** The page's messages, read when connected (the attribute may be set after construction). */
  t: ReturnType<typeof messages> = (key) => key;
  courses: CourseSummary[] = [];
  /** Lessons of the courses fetched so far, by course id. */
  lessons = new Map<string, LessonLink[]>();
  /** Courses whose lessons the record needed but could not be fetched. */
  unloaded = new Set<string>();
  /** Counts record changes, so a slow fetch never shows or saves an older record over a newer one. */
  changes = 0;

  connectedCallback() {
    this.t = messages(this);
    this.courses = readIsland<CourseSummary[]>(this, '[data-courses]') ?? [];
    this.piece('nojs').hidden = true;
    this.piece('tools').hidden = false;
    const { record, status } = loadProgress(browserStore());
    if (status === 'corrupt') this.say(this.t('school.record.corrupt'));
    if (status === 'unavailable') this.say(this.t('school.record.unavailable'));
    void this.show(record);
    this.querySelector('[data-export]')?.addEventListener('click', () => this.download());
    this.querySelector<HTMLInputElement>('[data-import]')?.addEventListener('change', (e) => void this.upload(e.target as HTMLInputElement));
    this.querySelector('[data-clear]')?.addEventListener('click', () => {
      if (!window.confirm(this.t('school.record.clearConfirm'))) return;
      clearProgress(browserStore());
      this.changes++;
      this.render(loadProgress(browserStore()).record);
      this.say(this.t('school.record.cleared'));
    });
    window.addEventListener('afterprint', () => {
      delete document.documentElement.dataset.printing;
      for (const c of this.querySelectorAll('[data-print-target]')) c.removeAttribute('data-print-target');
    });
  }

  piece(name: string): HTMLElement {
    return this.querySelector<HTMLElement>(`[data-${name}]`) ?? document.createElement('div');
  }

  say(text: string) {
    this.piece('status').textContent = text;
  }

  download() {
    const record = loadProgress(browserStore()).record;
    const blob = new Blob([exportProgress(record)], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const day = isoShanghai(new Date()).slice(0, 10).replace(/-/g, '');
    const a = el('a', { href: url, download: `xuexi-jilu-${day}.json`, hidden: true });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  /**
   * Imports a file. A file that cannot be read (not JSON, a wrong shape, impossible numbers or
   * times) gets its format-error message; a record that storage refuses (full, disabled) is not
   * shown as imported. Either way the current record stays, shown and stored as it was.
   */
  async upload(input: HTMLInputElement) {
    const file = input.files?.[0];
    if (!file) return;
    let text: string;
    try {
      text = await file.text();
    } catch {
      text = '';
    }
    const result = importProgress(text);
    input.value = '';
    if (!result.ok) {
      this.say(this.t(`school.record.importError.${result.error}`));
      return;
    }
    if (!saveProgress(browserStore(), result.record)) {
      this.say(this.t('school.record.importSaveFailed'));
      return;
    }
    await this.show(result.record);
    this.say(this.t('school.record.imported'));
  }

  /** Fetches the lessons of the courses the record touches that are not known yet. */
  async load(record: Progress): Promise<void> {
    const wanted = coursesTouched(
      record,
      this.courses.map((c) => c.id),
    ).filter((id) => !this.lessons.has(id));
    await Promise.all(
      wanted.map(async (id) => {
        const course = this.courses.find((c) => c.id === id);
        const list = course && (await fetchCourseLessons(course.lessonsUrl, id));
        if (list) {
          this.lessons.set(id, list);
          this.unloaded.delete(id);
        } else {
          this.unloaded.add(id);
        }
      }),
    );
  }

  /** Shows a record: its courses' lessons fetched, completed courses settled and saved. */
  async show(record: Progress): Promise<void> {
    const change = ++this.changes;
    await this.load(record);
    if (change !== this.changes) return;
    const settled = settleCourses(record, catalogueOf(this.courses, this.lessons));
    if (settled !== record && !saveProgress(browserStore(), settled)) this.say(this.t('school.record.saveFailed'));
    this.render(settled);
  }

  render(record: Progress) {
    const t = this.t;
    const courseTitle = (id: string | undefined) => this.courses.find((c) => c.id === id)?.title ?? id ?? '';
    const lessons = learnedLessons(record, catalogueOf(this.courses, this.lessons), this.unloaded);
    const completed = Object.entries(record.courses).sort(([, a], [, b]) => Date.parse(a.completedAt) - Date.parse(b.completedAt));
    const years = hoursByYear(record);
    const exams = Object.entries(record.exams).filter(([, list]) => list.length > 0);

    const lessonList = lessons.length
      ? el(
          'ul',
          { class: 'ld-list', 'data-learned-lessons': true },
          ...lessons.map((l) =>
            el(
              'li',
              { 'data-lesson': l.id },
              l.removed || !l.courseId
                ? el('span', {}, l.id, t(l.removed ? 'school.record.removed' : 'school.record.titleUnavailable'))
                : el('a', { href: lessonHref(l.courseId, l.id) }, l.title ?? `${l.id}${t('school.record.titleUnavailable')}`),
              ' ',
              el('span', { class: 'ld-meta' }, `${courseTitle(l.courseId)}　${formatDate(new Date(l.learnedAt))}`),
            ),
          ),
        )
      : el('p', {}, t('school.record.lessonsEmpty'));

    const courseList = completed.length
      ? el(
          'ul',
          { class: 'certificates', 'data-completed': true },
          ...completed.map(([id, c]) => this.certificate(id, courseTitle(id), c.completedAt, c.hours)),
        )
      : el('p', {}, t('school.record.coursesEmpty'));

    const hoursTable = years.length
      ? el(
          'div',
          { class: 'table-wrap', tabindex: 0, role: 'region', 'aria-labelledby': 'record-hours-caption' },
          el(
            'table',
            { 'data-hours': true },
            el('caption', { id: 'record-hours-caption' }, t('school.record.hoursCaption')),
            el(
              'thead',
              {},
              el(
                'tr',
                {},
                el('th', { scope: 'col' }, t('school.record.hoursYear')),
                el('th', { scope: 'col' }, t('school.record.hoursValue')),
                el('th', { scope: 'col' }, t('school.record.hoursCourses')),
              ),
            ),
            el(
              'tbody',
              {},
              ...years.map((y) =>
                el(
                  'tr',
                  {},
                  el('th', { scope: 'row' }, t('school.record.year', { year: y.year })),
                  el('td', {}, y.hours),
                  el('td', {}, y.courses.map(courseTitle).join('、')),
                ),
              ),
            ),
          ),
        )
      : el('p', {}, t('school.record.hoursEmpty'));

    const examList = exams.length
      ? el(
          'ul',
          { class: 'ld-list', 'data-exams': true },
          ...exams.map(([id, list]) => {
            const best = bestAttempt(list);
            return el(
              'li',
              { 'data-exam': id },
              el('h3', {}, courseTitle(id)),
              best ? el('p', {}, t('school.exam.best', { percent: best.percent })) : null,
              el(
                'ol',
                {},
                ...list.map((a) =>
                  el(
                    'li',
                    {},
                    t('school.exam.attempt', {
                      date: formatDateTime(new Date(a.at)),
                      percent: a.percent,
                      status: t(a.passed ? 'school.exam.pass' : 'school.exam.fail'),
                    }),
                  ),
                ),
              ),
            );
          }),
        )
      : el('p', {}, t('school.record.examsEmpty'));

    const unavailable =
      coursesTouched(record, [...this.unloaded]).length > 0
        ? el('p', { class: 'lessons-unavailable no-print', 'data-lessons-unavailable': true }, t('school.record.lessonsUnavailable'))
        : null;

    this.piece('body').replaceChildren(
      ...nodes(
        unavailable,
        el('h2', { class: 'no-print' }, t('school.record.lessons')),
        lessonList,
        el('h2', { class: 'no-print' }, t('school.record.courses')),
        courseList,
        el('h2', { class: 'no-print' }, t('school.record.hours')),
        hoursTable,
        el('h2', { class: 'no-print' }, t('school.record.exams')),
        examList,
      ),
    );
  }

  certificate(id: string, title: string, completedAt: string, hours: number): HTMLElement {
    const t = this.t;
    const inputId = `cert-name-${id}`;
    const name = el('span', { class: 'name' }, t('school.record.certificateBlank'));
    const input = el('input', { type: 'text', id: inputId, autocomplete: 'name' });
    const text = () => t('school.record.certificateText', { name: '{name}', date: formatDate(new Date(completedAt)), course: title, hours });
    const body = el('p', { class: 'cert-text' });
    const fillBody = () => {
      const [before = '', after = ''] = text().split('{name}');
      name.textContent = input.value.trim() || t('school.record.certificateBlank');
      body.replaceChildren(before, name, after);
    };
    fillBody();
    input.addEventListener('input', fillBody);
    const print = el('button', { type: 'button', class: 'no-print' }, t('school.record.certificatePrint'));
    const item = el(
      'li',
      { 'data-course': id },
      el('p', { class: 'no-print course' }, `${title}　${t('school.hours', { hours })}　${formatDate(new Date(completedAt))}`),
      el('p', { class: 'no-print name-field' }, el('label', { for: inputId }, t('school.record.certificateName')), ' ', input, ' ', print),
      el(
        'div',
        { class: 'certificate' },
        el('p', { class: 'cert-title' }, t('school.record.certificate')),
        body,
        el('p', { class: 'cert-note' }, t('school.record.certificateNote')),
      ),
    );
    print.addEventListener('click', () => {
      document.documentElement.dataset.printing = 'certificate';
      item.setAttribute('data-print-target', '');
      window.print();
    });
    return item;
  }
}
if (!customElements.get('ld-record')) customElements.define('ld-record', RecordElement);
