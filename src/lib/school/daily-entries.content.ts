/**
 * Build-time data for 每日一题: every exam question, in the daily order, with the lesson that
 * teaches it. The pages publish this list; the browser picks the day's entry.
 */
import { getCourses, getExams, getLessons } from '../collections.content.ts';
import { dailyList } from './daily-question.ts';
import type { QuestionType } from '../schema/enums.ts';

/** One entry of the published daily list. */
export interface DailyEntry {
  key: string;
  question: string;
  type: QuestionType;
  options: string[];
  answer: number[];
  explanation: string;
  /** The course it comes from. */
  course: string;
  lesson: { href: string; title: string };
}

/** The daily list, built once per build. */
let cached: Promise<DailyEntry[]> | undefined;
export function getDailyEntries(): Promise<DailyEntry[]> {
  cached ??= (async () => {
    const [courses, lessons, exams] = await Promise.all([getCourses(), getLessons(), getExams()]);
    const courseTitle = new Map(courses.map((c) => [c.id, c.data.title]));
    const lessonById = new Map(lessons.map((l) => [l.id, l]));
    const list = dailyList(exams.map((e) => ({ id: e.id, questions: e.data.questions.map((q) => ({ ...q, course: e.data.course.id })) })));
    return list.map((q): DailyEntry => {
      const lesson = lessonById.get(q.lesson.id);
      if (!lesson) throw new Error(`content/exams/${q.exam}.yaml: 字段 questions.lesson：课时“${q.lesson.id}”不存在`);
      return {
        key: q.key,
        question: q.question,
        type: q.type,
        options: q.options,
        answer: q.answer,
        explanation: q.explanation,
        course: courseTitle.get(q.course) ?? q.course,
        lesson: { href: `/school/${lesson.data.course.id}/${lesson.id}/`, title: lesson.data.title },
      };
    });
  })();
  return cached;
}
