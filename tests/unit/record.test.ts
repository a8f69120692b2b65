// @vitest-environment happy-dom
/**
 * The record page's controller (src/lib/school/record.browser.ts) and the record's own checks
 * (progress.ts) against hostile imports: impossible numbers and times, storage that refuses the
 * record, and ids that are Object.prototype names.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { t } from '../../src/i18n/t.ts';
import { pickMessages } from '../../src/i18n/pick.ts';
import {
  PROGRESS_KEY,
  addAttempt,
  courseProgress,
  emptyProgress,
  importProgress,
  isLearned,
  markLearned,
  recordDaily,
  settleCourses,
  settleLesson,
  unmarkLearned,
  type ExamAttempt,
} from '../../src/lib/school/progress.ts';
import { RecordElement } from '../../src/lib/school/record.browser.ts';

const CURRENT = JSON.stringify({
  version: 3,
  lessons: { 'dang-de-lishi': { learnedAt: '2026-11-01T02:00:00.000Z' } },
  courses: {},
  exams: {},
  daily: {},
});

function page(): RecordElement {
  // As the page has it: the element is parsed with its messages, then upgraded.
  const messages = JSON.stringify(
    pickMessages('school.record.', 'school.exam.best', 'school.exam.attempt', 'school.exam.pass', 'school.exam.fail', 'school.hours'),
  );
  document.body.innerHTML = `<ld-record data-messages="${messages.replaceAll('&', '&amp;').replaceAll('"', '&quot;')}"><script type="application/json" data-courses>[]</script><p data-nojs></p><p role="status" data-status></p><div data-body></div>
    <section data-tools hidden><button data-export></button><input type="file" data-import><button data-clear></button></section></ld-record>`;
  return document.querySelector('ld-record') as RecordElement;
}

async function importText(host: RecordElement, text: string): Promise<string> {
  await host.upload({ files: [new File([text], 'record.json', { type: 'application/json' })], value: 'record.json' } as unknown as HTMLInputElement);
  return host.querySelector('[data-status]')?.textContent ?? '';
}

const shown = (host: RecordElement) => [...host.querySelectorAll('[data-lesson]')].map((li) => li.getAttribute('data-lesson'));
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

beforeEach(() => {
  localStorage.clear();
  localStorage.setItem(PROGRESS_KEY, CURRENT);
});
afterEach(() => vi.restoreAllMocks());

describe('importing a record on the record page', () => {
  it.each([
    ['a version-1 time of 1e20 (used to throw RangeError)', { version: 1, learned: { a: 1e20 }, exams: {} }],
    ['a version-1 exam date out of range', { version: 1, learned: {}, exams: { k: [{ score: 50, passed: false, date: -1 }] } }],
    [
      'a percent of 1e20',
      { version: 3, lessons: {}, courses: {}, exams: { k: [{ at: '2026-01-01T00:00:00Z', correct: 1, total: 2, percent: 1e20, passed: true }] }, daily: {} },
    ],
    ['hours of 1e308', { version: 3, lessons: {}, courses: { k: { completedAt: '2026-01-01T00:00:00Z', hours: 1e308 } }, exams: {}, daily: {} }],
    [
      'a count past any paper',
      { version: 3, lessons: { a: { quiz: { correct: 1, total: 1e9, at: '2026-01-01T00:00:00Z' } } }, courses: {}, exams: {}, daily: {} },
    ],
    ['a time that is no date', { version: 3, lessons: { a: { learnedAt: 'gestern' } }, courses: {}, exams: {}, daily: {} }],
    ['a time past the year 9999', { version: 3, lessons: { a: { learnedAt: '+275760-09-13T00:00:00.000Z' } }, courses: {}, exams: {}, daily: {} }],
  ])('refuses %s with the format-error message and keeps the current record', async (_, file) => {
    const host = page();
    await settle();
    expect(shown(host)).toEqual(['dang-de-lishi']);
    const status = await importText(host, JSON.stringify(file));
    expect(status).toBe(t('school.record.importError.shape'));
    expect(localStorage.getItem(PROGRESS_KEY)).toBe(CURRENT);
    expect(shown(host)).toEqual(['dang-de-lishi']);
  });

  it('says so when storage refuses the imported record, and keeps the current one', async () => {
    const host = page();
    await settle();
    const full = vi.spyOn(window.localStorage, 'setItem').mockImplementation(() => {
      throw new DOMException('quota', 'QuotaExceededError');
    });
    let status: string;
    try {
      status = await importText(
        host,
        JSON.stringify({ version: 3, lessons: { xin: { learnedAt: '2026-11-02T02:00:00.000Z' } }, courses: {}, exams: {}, daily: {} }),
      );
    } finally {
      full.mockRestore();
    }
    expect(status).toBe(t('school.record.importSaveFailed'));
    expect(status).not.toBe(t('school.record.imported'));
    expect(localStorage.getItem(PROGRESS_KEY)).toBe(CURRENT);
    expect(shown(host)).toEqual(['dang-de-lishi']);
  });

  it('imports a good record, saves it and shows it', async () => {
    const host = page();
    await settle();
    const status = await importText(
      host,
      JSON.stringify({ version: 3, lessons: { xin: { learnedAt: '2026-11-02T02:00:00.000Z' } }, courses: {}, exams: {}, daily: {} }),
    );
    expect(status).toBe(t('school.record.imported'));
    expect(JSON.parse(localStorage.getItem(PROGRESS_KEY) ?? '{}').lessons).toHaveProperty('xin');
    expect(shown(host)).toEqual(['xin']);
  });

  it('gives a file that is no JSON the JSON message', async () => {
    const host = page();
    expect(await importText(host, '{oops')).toBe(t('school.record.importError.json'));
    expect(localStorage.getItem(PROGRESS_KEY)).toBe(CURRENT);
  });
});

describe('ids that are Object.prototype names', () => {
  const attempt: ExamAttempt = { at: '2026-11-01T02:00:00.000Z', correct: 1, total: 1, percent: 100, passed: true };
  const NAMES = ['constructor', 'toString', 'hasOwnProperty', 'valueOf', '__proto__', 'isPrototypeOf'];

  it.each(NAMES)('%s: lookups find nothing inherited, updates work', (id) => {
    const empty = emptyProgress();
    expect(isLearned(empty, id)).toBe(false);
    expect(courseProgress(empty, [id]).started).toBe(false);
    expect(unmarkLearned(empty, id)).toBe(empty);
    expect(settleLesson(empty, id, 'c', true, new Date())).toBe(empty);
    // Exam submission: the attempt list of a course named like a prototype property.
    const withAttempt = addAttempt(empty, id, attempt);
    expect(Object.hasOwn(withAttempt.exams, id) ? withAttempt.exams[id] : undefined).toEqual([attempt]);
    expect(Object.getPrototypeOf(withAttempt.exams)).toBe(Object.prototype);
    expect(isLearned(markLearned(empty, id, 'c', new Date('2026-11-01T00:00:00Z')), id)).toBe(true);
    expect(settleCourses(empty, [{ id, title: '课', hours: 1, lessons: [{ id: 'x', title: '课时', hasQuiz: false }] }])).toBe(empty);
    expect(recordDaily(empty, id, { question: 'q', chosen: [0], correct: true, at: attempt.at }).daily).toHaveProperty(id);
  });

  it('an imported record naming __proto__ is refused, and never changes a prototype', () => {
    const r = importProgress('{"version":3,"lessons":{"__proto__":{"learnedAt":"2026-01-01T00:00:00Z"}},"courses":{},"exams":{},"daily":{}}');
    expect(r.ok).toBe(false);
    expect(({} as Record<string, unknown>).learnedAt).toBeUndefined();
  });
});
