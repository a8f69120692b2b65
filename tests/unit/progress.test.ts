import type { KeyValueStore } from '../../src/lib/key-value-store.browser.ts';
import { describe, expect, it } from 'vitest';
import {
  BACKUP_KEY,
  PROGRESS_KEY,
  PROGRESS_VERSION,
  addAttempt,
  dailyHistory,
  recordDaily,
  bestAttempt,
  courseProgress,
  coursesTouched,
  emptyProgress,
  exportProgress,
  hoursByYear,
  importProgress,
  isLearned,
  migrateV1,
  learnedLessons,
  loadProgress,
  markLearned,
  markReachedEnd,
  recordQuiz,
  saveProgress,
  settleCourses,
  settleLesson,
  unmarkLearned,
  type CatalogueCourse,
} from '../../src/lib/school/progress.ts';

/** An in-memory stand-in for localStorage; `broken` makes every call throw like a blocked storage. */
function memoryStore(initial: Record<string, string> = {}, broken = false): KeyValueStore & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  const guard = () => {
    if (broken) throw new Error('SecurityError');
  };
  return {
    data,
    getItem: (k) => (guard(), data.get(k) ?? null),
    setItem: (k, v) => (guard(), void data.set(k, v)),
    removeItem: (k) => (guard(), void data.delete(k)),
  };
}

const T1 = new Date('2026-03-01T02:00:00Z');
const T2 = new Date('2026-11-20T02:00:00Z');
const T3 = new Date('2026-12-31T17:00:00Z'); // 2027-01-01 01:00 in Beijing

const catalogue: CatalogueCourse[] = [
  {
    id: 'a',
    title: '甲',
    hours: 4,
    lessons: [
      { id: 'a-1', title: '甲一', hasQuiz: true },
      { id: 'a-2', title: '甲二', hasQuiz: false },
    ],
  },
  { id: 'b', title: '乙', hours: 2.5, lessons: [{ id: 'b-1', title: '乙一', hasQuiz: true }] },
];

describe('loadProgress', () => {
  it('starts empty when nothing is stored', () => {
    expect(loadProgress(memoryStore())).toEqual({ record: emptyProgress(), status: 'empty' });
  });

  it('reads back what was saved', () => {
    const store = memoryStore();
    const record = markLearned(emptyProgress(), 'a-1', 'a', T1);
    expect(saveProgress(store, record)).toBe(true);
    expect(loadProgress(store)).toEqual({ record, status: 'ok' });
  });

  it.each([
    ['not JSON', '{"version":2,'],
    ['a JSON array', '[]'],
    ['an unknown version', '{"version":9}'],
    ['a version 2 record with a bad lesson time', '{"version":2,"lessons":{"a-1":{"learnedAt":"yesterday"}},"courses":{},"exams":{}}'],
    ['a version 2 record with a bad lesson id', '{"version":2,"lessons":{"../x":{}},"courses":{},"exams":{}}'],
    ['an exam attempt without a score', '{"version":2,"lessons":{},"courses":{},"exams":{"a":[{"at":"2026-01-01T00:00:00Z"}]}}'],
  ])('sets aside a corrupt record (%s) under the backup key without throwing', (_name, raw) => {
    const store = memoryStore({ [PROGRESS_KEY]: raw });
    expect(loadProgress(store)).toEqual({ record: emptyProgress(), status: 'corrupt' });
    expect(store.data.get(BACKUP_KEY)).toBe(raw);
    expect(store.data.has(PROGRESS_KEY)).toBe(false);
  });

  it('reports storage that cannot be used instead of throwing', () => {
    expect(loadProgress(memoryStore({}, true)).status).toBe('unavailable');
    expect(saveProgress(memoryStore({}, true), emptyProgress())).toBe(false);
  });

  it('migrates a version 1 record and saves it as the current version', () => {
    const v1 = {
      version: 1,
      learned: { 'a-1': T1.getTime() },
      exams: { a: [{ score: 80, passed: true, date: T2.getTime() }] },
    };
    const store = memoryStore({ [PROGRESS_KEY]: JSON.stringify(v1) });
    const { record, status } = loadProgress(store);
    expect(status).toBe('migrated');
    expect(record.lessons['a-1']).toEqual({ learnedAt: T1.toISOString() });
    expect(record.exams.a).toEqual([{ at: T2.toISOString(), correct: 80, total: 100, percent: 80, passed: true }]);
    expect(JSON.parse(store.data.get(PROGRESS_KEY)!).version).toBe(PROGRESS_VERSION);
    expect(record.daily).toEqual({});
  });

  it('migrates a version 2 record: everything kept, no daily answers yet, saved as version 3', () => {
    const v2 = { version: 2, lessons: { 'a-1': { learnedAt: T1.toISOString() } }, courses: {}, exams: {} };
    const store = memoryStore({ [PROGRESS_KEY]: JSON.stringify(v2) });
    const { record, status } = loadProgress(store);
    expect(status).toBe('migrated');
    expect(record).toEqual({ version: 3, lessons: v2.lessons, courses: {}, exams: {}, daily: {} });
    expect(JSON.parse(store.data.get(PROGRESS_KEY)!)).toEqual(record);
  });

  it('treats a malformed version 1 record as corrupt', () => {
    const store = memoryStore({ [PROGRESS_KEY]: '{"version":1,"learned":{"a-1":"soon"},"exams":{}}' });
    expect(loadProgress(store).status).toBe('corrupt');
  });
});

describe('export and import', () => {
  const record = recordDaily(
    addAttempt(recordQuiz(markLearned(emptyProgress(), 'a-1', 'a', T1), 'a-1', 'a', 2, 3, T1), 'a', {
      at: T2.toISOString(),
      correct: 7,
      total: 10,
      percent: 70,
      passed: true,
    }),
    '2026-11-30',
    { question: 'jiben-changshi-abc12', chosen: [1], correct: false, at: T2.toISOString() },
  );
  it('round-trips a record through its JSON file, daily answers included', () => {
    expect(importProgress(exportProgress(record))).toEqual({ ok: true, record, migrated: false });
    expect(Object.keys(record.daily)).toEqual(['2026-11-30']);
  });
  it.each([
    ['not JSON', 'hello', 'json'],
    ['another kind of file', '{"name":"x"}', 'version'],
    ['a damaged record', '{"version":2,"lessons":[]}', 'shape'],
    [
      'a daily answer under a day that is not a date',
      '{"version":3,"lessons":{},"courses":{},"exams":{},"daily":{"today":{"question":"a-1","chosen":[0],"correct":true,"at":"2026-01-01T00:00:00Z"}}}',
      'shape',
    ],
    [
      'a daily answer without its question',
      '{"version":3,"lessons":{},"courses":{},"exams":{},"daily":{"2026-01-01":{"chosen":[0],"correct":true,"at":"2026-01-01T00:00:00Z"}}}',
      'shape',
    ],
    ['a version 3 record without its daily answers', '{"version":3,"lessons":{},"courses":{},"exams":{}}', 'shape'],
    [
      'a quiz with more right answers than questions',
      '{"version":2,"lessons":{"a-1":{"quiz":{"correct":4,"total":3,"at":"2026-01-01T00:00:00Z"}}},"courses":{},"exams":{}}',
      'shape',
    ],
  ])('rejects %s', (_name, text, error) => {
    expect(importProgress(text)).toEqual({ ok: false, error });
  });
});

describe('daily answers', () => {
  const first = { question: 'a-x1', chosen: [0], correct: true, at: T1.toISOString() };
  it('keeps the first answer of a day', () => {
    const r = recordDaily(recordDaily(emptyProgress(), '2026-11-30', first), '2026-11-30', { ...first, chosen: [1], correct: false });
    expect(r.daily['2026-11-30']).toEqual(first);
  });
  it('lists the history newest first', () => {
    const r = recordDaily(recordDaily(emptyProgress(), '2026-11-28', first), '2026-11-30', first);
    expect(dailyHistory(r).map((h) => h.day)).toEqual(['2026-11-30', '2026-11-28']);
  });
});

describe('lesson updates', () => {
  it('marks and unmarks a lesson, keeping the first learned time', () => {
    let r = markLearned(emptyProgress(), 'a-1', 'a', T1);
    r = markLearned(r, 'a-1', 'a', T2);
    expect(r.lessons['a-1']?.learnedAt).toBe(T1.toISOString());
    r = unmarkLearned(r, 'a-1');
    expect(isLearned(r, 'a-1')).toBe(false);
    expect(r.lessons['a-1']).toEqual({ course: 'a' });
  });
  it('does not change the record it was given', () => {
    const r = emptyProgress();
    markLearned(r, 'a-1', 'a', T1);
    expect(r).toEqual(emptyProgress());
  });
  it('unmarking a lesson never studied changes nothing', () => {
    const r = emptyProgress();
    expect(unmarkLearned(r, 'x')).toBe(r);
  });
  it.each([
    ['reached the end and answered the quiz', true, true, true],
    ['reached the end only', true, false, false],
    ['answered the quiz only', false, true, false],
  ])('a lesson with a quiz is learned when the learner %s', (_n, end, quiz, learned) => {
    let r = emptyProgress();
    if (end) r = markReachedEnd(r, 'a-1', 'a', T1);
    if (quiz) r = recordQuiz(r, 'a-1', 'a', 1, 2, T1);
    expect(isLearned(settleLesson(r, 'a-1', 'a', true, T2), 'a-1')).toBe(learned);
  });
  it('a lesson without a quiz is not learned by reaching its end alone', () => {
    const r = markReachedEnd(emptyProgress(), 'a-2', 'a', T1);
    expect(isLearned(settleLesson(r, 'a-2', 'a', false, T1), 'a-2')).toBe(false);
  });
  it('keeps the latest quiz result', () => {
    let r = recordQuiz(emptyProgress(), 'a-1', 'a', 0, 2, T1);
    r = recordQuiz(r, 'a-1', 'a', 2, 2, T2);
    expect(r.lessons['a-1']?.quiz).toEqual({ correct: 2, total: 2, at: T2.toISOString() });
  });
});

describe('course progress and completion', () => {
  it('finds the next lesson to continue with', () => {
    const r = markLearned(emptyProgress(), 'a-1', 'a', T1);
    expect(courseProgress(r, ['a-1', 'a-2'])).toEqual({ learned: 1, total: 2, percent: 50, next: 'a-2', started: true });
    expect(courseProgress(emptyProgress(), ['a-1', 'a-2'])).toEqual({ learned: 0, total: 2, percent: 0, next: 'a-1', started: false });
  });
  it('has no next lesson once all are learned', () => {
    const r = markLearned(markLearned(emptyProgress(), 'a-1', 'a', T1), 'a-2', 'a', T2);
    expect(courseProgress(r, ['a-1', 'a-2']).next).toBeUndefined();
  });
  it('completes a course when its last lesson is learned, with that date and its hours', () => {
    const r = settleCourses(markLearned(markLearned(emptyProgress(), 'a-1', 'a', T2), 'a-2', 'a', T1), catalogue);
    expect(r.courses).toEqual({ a: { completedAt: T2.toISOString(), hours: 4 } });
  });
  it('does not complete a course with a lesson left', () => {
    const r = emptyProgress();
    expect(settleCourses(markLearned(r, 'a-1', 'a', T1), catalogue).courses).toEqual({});
  });
  it('keeps a completion when the course later gains a lesson', () => {
    const done = settleCourses(markLearned(markLearned(emptyProgress(), 'a-1', 'a', T1), 'a-2', 'a', T1), catalogue);
    const grown = [{ ...catalogue[0]!, lessons: [...catalogue[0]!.lessons, { id: 'a-3', title: '甲三', hasQuiz: true }] }];
    expect(settleCourses(done, grown).courses.a).toEqual({ completedAt: T1.toISOString(), hours: 4 });
  });
});

describe('coursesTouched: whose lessons a page must fetch', () => {
  const ids = ['a', 'b', 'c'];
  it.each([
    ['an empty record touches none (已学 0, nothing fetched)', emptyProgress(), []],
    ['a learned lesson touches its course', markLearned(emptyProgress(), 'a-1', 'a', T1), ['a']],
    ['a lesson only read to the end touches its course', markReachedEnd(emptyProgress(), 'b-1', 'b', T1), ['b']],
    ['a quiz only touches its course', recordQuiz(emptyProgress(), 'c-1', 'c', 1, 2, T1), ['c']],
    ['a lesson unmarked again still touches its course', unmarkLearned(markLearned(emptyProgress(), 'a-1', 'a', T1), 'a-1'), ['a']],
    ['several, in the order asked', markLearned(markLearned(emptyProgress(), 'c-1', 'c', T1), 'a-1', 'a', T1), ['a', 'c']],
    [
      'an exam or a daily answer alone touches none',
      addAttempt(emptyProgress(), 'a', { at: T1.toISOString(), correct: 1, total: 1, percent: 100, passed: true }),
      [],
    ],
    ['a course no longer offered is left out', markLearned(emptyProgress(), 'z-1', 'z', T1), []],
  ])('%s', (_, record, expected) => expect(coursesTouched(record, ids)).toEqual(expected));

  it('a lesson recorded without its course (a version 1 record) may be in any course: all are touched', () => {
    const v1 = migrateV1({ version: 1, learned: { 'a-1': T1.getTime() }, exams: {} })!;
    expect(coursesTouched(v1, ids)).toEqual(ids);
  });
});

describe('hoursByYear', () => {
  it('credits each course in the Beijing year it was completed, newest year first', () => {
    const r = {
      ...emptyProgress(),
      courses: {
        a: { completedAt: T1.toISOString(), hours: 4 },
        b: { completedAt: T2.toISOString(), hours: 2.5 },
        c: { completedAt: T3.toISOString(), hours: 3 },
      },
    };
    expect(hoursByYear(r)).toEqual([
      { year: 2027, hours: 3, courses: ['c'] },
      { year: 2026, hours: 6.5, courses: ['a', 'b'] },
    ]);
  });
  it('is empty with nothing completed', () => expect(hoursByYear(emptyProgress())).toEqual([]));
});

describe('learnedLessons', () => {
  it('lists learned lessons newest first and flags removed ones', () => {
    let r = markLearned(emptyProgress(), 'a-1', 'a', T1);
    r = markLearned(r, 'gone-1', 'a', T2);
    r = markReachedEnd(r, 'b-1', 'b', T2);
    expect(learnedLessons(r, catalogue)).toEqual([
      { id: 'gone-1', learnedAt: T2.toISOString(), title: undefined, courseId: 'a', removed: true },
      { id: 'a-1', learnedAt: T1.toISOString(), title: '甲一', courseId: 'a', removed: false },
    ]);
  });
});

describe('learnedLessons with courses whose lessons could not be fetched', () => {
  const onlyA = catalogue.filter((c) => c.id === 'a');
  it('shows a lesson of an unloaded course without a title, not as removed', () => {
    const r = markLearned(markLearned(emptyProgress(), 'a-1', 'a', T1), 'b-1', 'b', T2);
    expect(learnedLessons(r, onlyA, new Set(['b']))).toEqual([
      { id: 'b-1', learnedAt: T2.toISOString(), title: undefined, courseId: 'b', removed: false },
      { id: 'a-1', learnedAt: T1.toISOString(), title: '甲一', courseId: 'a', removed: false },
    ]);
  });
  it('still flags a lesson gone from a loaded course as removed', () => {
    const r = markLearned(emptyProgress(), 'gone-1', 'a', T1);
    expect(learnedLessons(r, onlyA, new Set(['b']))[0]?.removed).toBe(true);
  });
  it('does not call a lesson without a recorded course removed while any course is unloaded', () => {
    const v1 = migrateV1({ version: 1, learned: { 'x-1': T1.getTime() }, exams: {} })!;
    expect(learnedLessons(v1, onlyA, new Set(['b']))[0]?.removed).toBe(false);
    expect(learnedLessons(v1, onlyA)[0]?.removed).toBe(true);
  });
});

describe('bestAttempt', () => {
  const at = (percent: number, i: number) => ({
    at: new Date(T1.getTime() + i).toISOString(),
    correct: percent / 10,
    total: 10,
    percent,
    passed: percent >= 60,
  });
  it('takes the highest score, the earlier one on a tie', () => {
    const list = [at(40, 0), at(90, 1), at(90, 2), at(70, 3)];
    expect(bestAttempt(list)).toBe(list[1]);
  });
  it('is undefined with no attempts', () => expect(bestAttempt([])).toBeUndefined());
});
