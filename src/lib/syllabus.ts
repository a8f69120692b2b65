/**
 * A course's lessons as the build publishes them: the body of the course's lessons.json that the
 * school's scripts fetch when a learner has progress in it, and the course list the record page
 * carries instead of every lesson (a course of a thousand lessons must not put a thousand
 * entries in every school page).
 */
import { courseLessonsHref, lessonHref } from './publishing.ts';
import { lessonsOf, type CourseLessonsFile, type CourseLike, type CourseSummary, type LessonLike } from './school.ts';

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
