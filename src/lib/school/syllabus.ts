/**
 * A course's lessons as the build publishes them: the syllabus split into pages of bounded size
 * (a course of a thousand lessons must not make a page of a thousand links), the body of the
 * course's lessons.json that the school's scripts fetch when a learner has progress in it, and
 * the course list the record page carries instead of every lesson.
 */
import { paginate, type ListPage } from '../lists.ts';
import { courseHref, courseLessonsHref, lessonHref } from '../publishing.ts';
import { lessonsOf, type CourseLessonsFile, type CourseLike, type CourseSummary, type LessonLike } from './school.ts';

/** Lessons per syllabus page: a course this long or shorter has one page and no page links. */
export const SYLLABUS_PAGE_SIZE = 30;

/** One page of a course's syllabus, ready for getStaticPaths. */
export interface SyllabusPage<T> extends ListPage<T> {
  /** The rest parameter: undefined for the course's own page, else "page/<n>". */
  path: string | undefined;
  /** The study-order number of the page's first lesson (1 on the first page). */
  start: number;
}

/** A course's syllabus in pages: /school/<course>/, then /school/<course>/page/<n>/. */
export function syllabusPages<T>(lessons: readonly T[], courseId: string, size: number = SYLLABUS_PAGE_SIZE): SyllabusPage<T>[] {
  const base = courseHref(courseId);
  return paginate(lessons, base, size).map((p) => {
    const rest = p.href.slice(base.length).replace(/\/$/, '');
    return { ...p, path: rest === '' ? undefined : rest, start: (p.page - 1) * size + 1 };
  });
}

/** The body of /school/<course>/lessons.json: the course's lessons in study order. */
export function courseLessonsFile(courseId: string, lessons: readonly LessonLike[]): CourseLessonsFile {
  return {
    course: courseId,
    lessons: lessonsOf(lessons, courseId).map((l) => ({
      id: l.id,
      title: l.data.title,
      href: lessonHref(courseId, l.id),
      hasQuiz: l.data.quiz.length > 0,
    })),
  };
}

/** The courses as the record page lists them, each with the address of its lessons. */
export function courseSummaries(courses: readonly CourseLike[]): CourseSummary[] {
  return courses.map((c) => ({ id: c.id, title: c.data.title, hours: c.data.hours, lessonsUrl: courseLessonsHref(c.id) }));
}
