/**
 * Arranging the party school's content for pages and for the browser: the catalogue the
 * learner's record is checked against, lesson neighbours and JSON islands.
 */
import type { CatalogueCourse } from './progress.ts';

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

/**
 * The catalogue the learner's record is checked against, of the courses whose lessons are known
 * (fetched from their lessons.json), in the order of `courses`.
 */
export function catalogueOf(courses: readonly CourseSummary[], lessons: ReadonlyMap<string, readonly LessonLink[]>): CatalogueCourse[] {
  return courses.flatMap((c) => {
    const list = lessons.get(c.id);
    return list ? [{ id: c.id, title: c.title, hours: c.hours, lessons: list.map(({ id, title, hasQuiz }) => ({ id, title, hasQuiz })) }] : [];
  });
}

/** A lesson as the school's scripts know it: listed in a course's lessons.json, in study order. */
export interface LessonLink {
  id: string;
  title: string;
  /** The lesson's address. */
  href: string;
  hasQuiz: boolean;
}

/** The body of /school/<course>/lessons.json. */
export interface CourseLessonsFile {
  course: string;
  lessons: LessonLink[];
}

/** A course as the record page lists it: its lessons stay in its lessons.json until needed. */
export interface CourseSummary {
  id: string;
  title: string;
  hours: number;
  /** Address of the course's lessons.json. */
  lessonsUrl: string;
}

const isText = (v: unknown): v is string => typeof v === 'string' && v !== '';

/**
 * The lessons of a fetched lessons.json, checked: undefined unless it is the file of `courseId`
 * and every lesson has an id, a title, a same-site address and a quiz flag (a script must never
 * follow a link it did not expect, whatever a cache or a proxy handed it).
 */
export function readCourseLessons(value: unknown, courseId: string): LessonLink[] | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { course, lessons } = value as Partial<Record<keyof CourseLessonsFile, unknown>>;
  if (course !== courseId || !Array.isArray(lessons)) return undefined;
  const out: LessonLink[] = [];
  for (const l of lessons as unknown[]) {
    if (typeof l !== 'object' || l === null) return undefined;
    const { id, title, href, hasQuiz } = l as Partial<Record<keyof LessonLink, unknown>>;
    if (!isText(id) || !isText(title) || !isText(href) || !href.startsWith('/') || href.startsWith('//') || typeof hasQuiz !== 'boolean') return undefined;
    out.push({ id, title, href, hasQuiz });
  }
  return out;
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

/** The letter shown before an option: A, B, C … */
export function optionLetter(index: number): string {
  return String.fromCharCode(65 + index);
}

/** "A、C" for a list of option indices, in order. */
export function answerLetters(indices: readonly number[]): string {
  return [...indices]
    .sort((a, b) => a - b)
    .map(optionLetter)
    .join('、');
}
