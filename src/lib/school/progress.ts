/**
 * The learner's record for the online party school, kept in the browser's localStorage under
 * one versioned key. Everything is keyed by stable course and lesson ids, so a record survives
 * content edits: a lesson that disappears from the catalogue is shown as removed, not lost.
 *
 * Rules: loading never throws. A record from an older format is migrated; one that cannot be
 * read is reported, copied under a backup key and replaced by an empty record. All updates
 * return a new record and leave the old one untouched. An imported file is a stranger's input:
 * every number is range-checked and every time must be a real date, and ids are looked up only
 * as own properties (`own`), so an id like `constructor` never reaches Object.prototype.
 */
import { shanghaiYear } from '../dates.ts';
import type { KeyValueStore } from '../key-value-store.browser.ts';

import { PROGRESS_KEY } from './progress-key.ts';

export { PROGRESS_KEY };
export const BACKUP_KEY = 'ld-school-progress-backup';
export const PROGRESS_VERSION = 3 as const;

/** The outcome of a lesson's self-check quiz, as last submitted. */
export interface QuizResult {
  correct: number;
  total: number;
  at: string;
}

/** What the learner has done in one lesson. Times are ISO strings. */
export interface LessonRecord {
  /** The course the lesson belonged to when it was studied. */
  course?: string;
  /** When the learner reached the end of the text. */
  reachedEndAt?: string;
  /** When the lesson counted as learned. */
  learnedAt?: string;
  quiz?: QuizResult;
}

/** A course completed: when, and the 学时 it was worth then. */
export interface CourseRecord {
  completedAt: string;
  hours: number;
}

/** One exam attempt. */
export interface ExamAttempt {
  at: string;
  correct: number;
  total: number;
  percent: number;
  passed: boolean;
}

/** The reader's answer to one day's 每日一题 (the first answer of the day is kept). */
export interface DailyAnswer {
  /** Key of the question (see `questionKey` in daily-question.ts). */
  question: string;
  /** Option indices chosen. */
  chosen: number[];
  correct: boolean;
  at: string;
}

/** The current (version 3) record. */
export interface Progress {
  version: typeof PROGRESS_VERSION;
  lessons: Record<string, LessonRecord>;
  courses: Record<string, CourseRecord>;
  exams: Record<string, ExamAttempt[]>;
  /** 每日一题 answers by Beijing day ("YYYY-MM-DD"): the history the streak is counted from. */
  daily: Record<string, DailyAnswer>;
}

/** A course as the record needs to know it. */
export interface CatalogueCourse {
  id: string;
  title: string;
  hours: number;
  /** Lessons in study order. */
  lessons: { id: string; title: string; hasQuiz: boolean }[];
}

/** Why a record could not be read. */
export type ReadError = 'json' | 'shape' | 'version';

export type ReadResult = { ok: true; record: Progress; migrated: boolean } | { ok: false; error: ReadError };

export type LoadStatus = 'empty' | 'ok' | 'migrated' | 'corrupt' | 'unavailable';

export function emptyProgress(): Progress {
  return { version: PROGRESS_VERSION, lessons: {}, courses: {}, exams: {}, daily: {} };
}

// ---- validation -------------------------------------------------------------------------

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The value of an own property, never one inherited from Object.prototype. */
export function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** Bounds of what a record may hold: times from 1970 to the year 9999, counts a paper could have. */
const MAX_TIME_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
const MAX_COUNT = 10_000;
const MAX_HOURS = 1_000;
const isTimeMs = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= MAX_TIME_MS;
const isTime = (v: unknown): v is string => typeof v === 'string' && v.length <= 40 && isTimeMs(Date.parse(v));
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= MAX_COUNT;
const isPercent = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 100;
const isHours = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= MAX_HOURS;
const isId = (k: string) => /^[a-z0-9][a-z0-9-]*$/.test(k);

function validLesson(v: unknown): v is LessonRecord {
  if (!isObject(v)) return false;
  if (v.course !== undefined && (typeof v.course !== 'string' || !isId(v.course))) return false;
  if (v.reachedEndAt !== undefined && !isTime(v.reachedEndAt)) return false;
  if (v.learnedAt !== undefined && !isTime(v.learnedAt)) return false;
  if (v.quiz !== undefined) {
    const q = v.quiz;
    if (!isObject(q) || !isCount(q.correct) || !isCount(q.total) || q.correct > q.total || !isTime(q.at)) return false;
  }
  return true;
}

function validAttempt(v: unknown): v is ExamAttempt {
  return isObject(v) && isTime(v.at) && isCount(v.correct) && isCount(v.total) && v.correct <= v.total && isPercent(v.percent) && typeof v.passed === 'boolean';
}

const isDay = (k: string) => /^\d{4}-\d{2}-\d{2}$/.test(k) && !Number.isNaN(Date.parse(`${k}T00:00:00Z`));

function validDaily(v: unknown): v is DailyAnswer {
  return (
    isObject(v) &&
    typeof v.question === 'string' &&
    isId(v.question) &&
    Array.isArray(v.chosen) &&
    v.chosen.every(isCount) &&
    typeof v.correct === 'boolean' &&
    isTime(v.at)
  );
}

/** The version 3 fields on top of a valid version 2 body. */
function validV3(v: Record<string, unknown>): Progress | undefined {
  const body = validV2(v);
  const { daily } = v;
  if (!body || !isObject(daily)) return undefined;
  for (const [day, answer] of Object.entries(daily)) if (!isDay(day) || !validDaily(answer)) return undefined;
  return { ...body, daily: daily as Progress['daily'] };
}

/** A valid version 2 body, brought up to version 3 (no daily answers yet). */
function validV2(v: Record<string, unknown>): Progress | undefined {
  const { lessons, courses, exams } = v;
  if (!isObject(lessons) || !isObject(courses) || !isObject(exams)) return undefined;
  for (const [id, lesson] of Object.entries(lessons)) if (!isId(id) || !validLesson(lesson)) return undefined;
  for (const [id, c] of Object.entries(courses)) {
    if (!isId(id) || !isObject(c) || !isTime(c.completedAt) || !isHours(c.hours)) return undefined;
  }
  for (const [id, list] of Object.entries(exams)) {
    if (!isId(id) || !Array.isArray(list) || !list.every(validAttempt)) return undefined;
  }
  return {
    version: PROGRESS_VERSION,
    lessons: lessons as Progress['lessons'],
    courses: courses as Progress['courses'],
    exams: exams as Progress['exams'],
    daily: {},
  };
}

/** Brings a version 1 record up to the current version; undefined when it is not a valid version 1. */
export function migrateV1(v: Record<string, unknown>): Progress | undefined {
  const { learned, exams } = v;
  if (!isObject(learned) || !isObject(exams)) return undefined;
  const record = emptyProgress();
  for (const [id, ms] of Object.entries(learned)) {
    if (!isId(id) || !isTimeMs(ms)) return undefined;
    record.lessons[id] = { learnedAt: new Date(ms).toISOString() };
  }
  for (const [id, list] of Object.entries(exams)) {
    if (!isId(id) || !Array.isArray(list)) return undefined;
    const attempts: ExamAttempt[] = [];
    for (const a of list) {
      if (!isObject(a) || !isPercent(a.score) || typeof a.passed !== 'boolean' || !isTimeMs(a.date)) {
        return undefined;
      }
      // Version 1 kept only the percentage: it stands in for a paper of 100 questions.
      attempts.push({ at: new Date(a.date).toISOString(), correct: Math.round(a.score), total: 100, percent: a.score, passed: a.passed });
    }
    record.exams[id] = attempts;
  }
  return record;
}

/** Reads a record from JSON text, migrating older versions. Never throws. */
export function readProgress(text: string): ReadResult {
  try {
    return readProgressUnguarded(text);
  } catch {
    // A value no check foresaw: the file's fault, reported as a record that cannot be read.
    return { ok: false, error: 'shape' };
  }
}

function readProgressUnguarded(text: string): ReadResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, error: 'json' };
  }
  if (!isObject(value)) return { ok: false, error: 'shape' };
  if (value.version === PROGRESS_VERSION) {
    const record = validV3(value);
    return record ? { ok: true, record, migrated: false } : { ok: false, error: 'shape' };
  }
  if (value.version === 2) {
    const record = validV2(value);
    return record ? { ok: true, record, migrated: true } : { ok: false, error: 'shape' };
  }
  if (value.version === 1) {
    const record = migrateV1(value);
    return record ? { ok: true, record, migrated: true } : { ok: false, error: 'shape' };
  }
  return { ok: false, error: 'version' };
}

// ---- storage ----------------------------------------------------------------------------

/**
 * Loads the record from storage. A corrupt record is kept under BACKUP_KEY and removed from
 * the main key, so the learner can start again and the old text is not lost.
 */
export function loadProgress(store: KeyValueStore): { record: Progress; status: LoadStatus } {
  let raw: string | null;
  try {
    raw = store.getItem(PROGRESS_KEY);
  } catch {
    return { record: emptyProgress(), status: 'unavailable' };
  }
  if (raw === null) return { record: emptyProgress(), status: 'empty' };
  const result = readProgress(raw);
  if (result.ok) {
    if (result.migrated) saveProgress(store, result.record);
    return { record: result.record, status: result.migrated ? 'migrated' : 'ok' };
  }
  try {
    store.setItem(BACKUP_KEY, raw);
    store.removeItem(PROGRESS_KEY);
  } catch {
    // Storage refused the backup; the corrupt text stays where it was, untouched.
  }
  return { record: emptyProgress(), status: 'corrupt' };
}

/** Saves the record; false when storage is unavailable or full. */
export function saveProgress(store: KeyValueStore, record: Progress): boolean {
  try {
    store.setItem(PROGRESS_KEY, JSON.stringify(record));
    return true;
  } catch {
    return false;
  }
}

/** Removes the record (the backup of a corrupt record stays). */
export function clearProgress(store: KeyValueStore): boolean {
  try {
    store.removeItem(PROGRESS_KEY);
    return true;
  } catch {
    return false;
  }
}

/** The record as a JSON file's text. */
export function exportProgress(record: Progress): string {
  return `${JSON.stringify(record, null, 2)}\n`;
}

/** Reads an exported file; the same validation and migration as loading. */
export const importProgress = readProgress;

// ---- updates ----------------------------------------------------------------------------

function withLesson(record: Progress, lessonId: string, change: (l: LessonRecord) => LessonRecord): Progress {
  return { ...record, lessons: { ...record.lessons, [lessonId]: change({ ...own(record.lessons, lessonId) }) } };
}

/** Notes that the learner reached the end of a lesson's text (the first time counts). */
export function markReachedEnd(record: Progress, lessonId: string, courseId: string, now: Date): Progress {
  return withLesson(record, lessonId, (l) => ({ ...l, course: courseId, reachedEndAt: l.reachedEndAt ?? now.toISOString() }));
}

/** Keeps the latest result of a lesson's quiz. */
export function recordQuiz(record: Progress, lessonId: string, courseId: string, correct: number, total: number, now: Date): Progress {
  return withLesson(record, lessonId, (l) => ({ ...l, course: courseId, quiz: { correct, total, at: now.toISOString() } }));
}

/** Marks a lesson learned (keeping the first time it was learned). */
export function markLearned(record: Progress, lessonId: string, courseId: string, now: Date): Progress {
  return withLesson(record, lessonId, (l) => ({ ...l, course: courseId, learnedAt: l.learnedAt ?? now.toISOString() }));
}

/** Takes back "learned" (and "reached the end", so the lesson is read again); quiz results stay. */
export function unmarkLearned(record: Progress, lessonId: string): Progress {
  if (!own(record.lessons, lessonId)) return record;
  return withLesson(record, lessonId, ({ learnedAt: _l, reachedEndAt: _r, ...rest }) => rest);
}

export function isLearned(record: Progress, lessonId: string): boolean {
  return own(record.lessons, lessonId)?.learnedAt !== undefined;
}

/**
 * A lesson with a quiz counts as learned once the learner has reached its end and submitted
 * the quiz; returns the record with that settled. Lessons without a quiz are marked by hand.
 */
export function settleLesson(record: Progress, lessonId: string, courseId: string, hasQuiz: boolean, now: Date): Progress {
  const l = own(record.lessons, lessonId);
  if (!hasQuiz || !l || l.learnedAt || !l.reachedEndAt || !l.quiz) return record;
  return markLearned(record, lessonId, courseId, now);
}

/** Keeps an exam attempt, newest last. */
export function addAttempt(record: Progress, courseId: string, attempt: ExamAttempt): Progress {
  return { ...record, exams: { ...record.exams, [courseId]: [...(own(record.exams, courseId) ?? []), attempt] } };
}

/** The best attempt (highest percent, then earliest), if any. */
export function bestAttempt(attempts: readonly ExamAttempt[]): ExamAttempt | undefined {
  let best: ExamAttempt | undefined;
  for (const a of attempts) if (!best || a.percent > best.percent) best = a;
  return best;
}

/** How far the learner is through a course. */
export interface CourseProgress {
  learned: number;
  total: number;
  percent: number;
  /** The first lesson not yet learned, in study order; undefined when all are learned. */
  next?: string;
  /** Whether the learner has opened any lesson of it. */
  started: boolean;
}

/**
 * The courses, of `courseIds`, that the record may hold lessons of: those its lessons name. A
 * lesson recorded without its course (a record migrated from version 1) could belong to any, so
 * then every course is. A course not returned has no progress: 已学 0 of its lessons.
 */
export function coursesTouched(record: Progress, courseIds: readonly string[]): string[] {
  const named = new Set<string>();
  for (const l of Object.values(record.lessons)) {
    if (l.course === undefined) return [...courseIds];
    named.add(l.course);
  }
  return courseIds.filter((id) => named.has(id));
}

export function courseProgress(record: Progress, lessonIds: readonly string[]): CourseProgress {
  const learned = lessonIds.filter((id) => isLearned(record, id)).length;
  const total = lessonIds.length;
  return {
    learned,
    total,
    percent: total === 0 ? 0 : Math.floor((learned * 100) / total),
    next: lessonIds.find((id) => !isLearned(record, id)),
    started: lessonIds.some((id) => own(record.lessons, id) !== undefined),
  };
}

/**
 * Records the completion of every course whose current lessons are all learned. The completion
 * date is when its last lesson was learned; once recorded it stays, with the 学时 of that day,
 * even if lessons are added or the course is removed later.
 */
export function settleCourses(record: Progress, catalogue: readonly CatalogueCourse[]): Progress {
  let courses = record.courses;
  for (const course of catalogue) {
    if (own(courses, course.id) || course.lessons.length === 0) continue;
    const times = course.lessons.map((l) => own(record.lessons, l.id)?.learnedAt);
    if (times.some((t) => t === undefined)) continue;
    const completedAt = (times as string[]).reduce((a, b) => (Date.parse(a) >= Date.parse(b) ? a : b));
    courses = { ...courses, [course.id]: { completedAt, hours: course.hours } };
  }
  return courses === record.courses ? record : { ...record, courses };
}

/** 学时 per Beijing calendar year, newest year first; a course counts in the year it was completed. */
export function hoursByYear(record: Progress): { year: number; hours: number; courses: string[] }[] {
  const years = new Map<number, { hours: number; courses: string[] }>();
  for (const [id, c] of Object.entries(record.courses)) {
    const year = shanghaiYear(new Date(c.completedAt));
    const entry = years.get(year) ?? { hours: 0, courses: [] };
    entry.hours += c.hours;
    entry.courses.push(id);
    years.set(year, entry);
  }
  return [...years.entries()].sort(([a], [b]) => b - a).map(([year, e]) => ({ year, hours: Math.round(e.hours * 10) / 10, courses: e.courses.sort() }));
}

/** A learned lesson as the record page lists it. */
export interface LearnedLesson {
  id: string;
  learnedAt: string;
  /** Title from the current catalogue; undefined when the lesson has been removed or its course is not loaded. */
  title?: string;
  courseId?: string;
  removed: boolean;
}

/**
 * Learned lessons, newest first; those not in the current catalogue are flagged as removed. A
 * catalogue may lack courses whose lessons could not be read (`unloaded`): a lesson of such a
 * course (or of no recorded course, while any is unloaded) is not removed, only without a title.
 */
export function learnedLessons(record: Progress, catalogue: readonly CatalogueCourse[], unloaded: ReadonlySet<string> = new Set()): LearnedLesson[] {
  const known = new Map<string, { title: string; courseId: string }>();
  for (const c of catalogue) for (const l of c.lessons) known.set(l.id, { title: l.title, courseId: c.id });
  const list: LearnedLesson[] = [];
  for (const [id, l] of Object.entries(record.lessons)) {
    if (!l.learnedAt) continue;
    const k = known.get(id);
    const unknown = !k && (l.course === undefined ? unloaded.size > 0 : unloaded.has(l.course));
    list.push({ id, learnedAt: l.learnedAt, title: k?.title, courseId: k?.courseId ?? l.course, removed: !k && !unknown });
  }
  return list.sort((a, b) => Date.parse(b.learnedAt) - Date.parse(a.learnedAt) || a.id.localeCompare(b.id));
}

/** Keeps the reader's answer to a day's 每日一题; a day already answered keeps its first answer. */
export function recordDaily(record: Progress, day: string, answer: DailyAnswer): Progress {
  if (own(record.daily, day)) return record;
  return { ...record, daily: { ...record.daily, [day]: answer } };
}

/** The days answered, newest first, with their answers. */
export function dailyHistory(record: Progress): { day: string; answer: DailyAnswer }[] {
  return Object.entries(record.daily)
    .sort(([a], [b]) => (a < b ? 1 : a > b ? -1 : 0))
    .map(([day, answer]) => ({ day, answer }));
}
