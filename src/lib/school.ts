/**
 * Arranging the party school's content for pages and for the browser: the catalogue the
 * learner's record is checked against, lesson neighbours, JSON islands and message filling.
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

/** The catalogue of courses and lessons as the learner's record needs it. */
export function buildCatalogue(courses: readonly CourseLike[], lessons: readonly LessonLike[]): CatalogueCourse[] {
  return courses.map((c) => ({
    id: c.id,
    title: c.data.title,
    hours: c.data.hours,
    lessons: lessonsOf(lessons, c.id).map((l) => ({ id: l.id, title: l.data.title, hasQuiz: l.data.quiz.length > 0 })),
  }));
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

/** Fills `{name}` placeholders; unknown placeholders stay as written. */
export function fill(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (params[name] === undefined ? whole : String(params[name])));
}

/** The letter shown before an option: A, B, C … */
export function optionLetter(index: number): string {
  return String.fromCharCode(65 + index);
}

/** "A、C" for a list of option indices, in order. */
export function answerLetters(indices: readonly number[]): string {
  return [...indices].sort((a, b) => a - b).map(optionLetter).join('、');
}
