/** Where a learner left off: the course of the lesson they touched last. Pure. */
import type { Progress } from './progress.ts';

/** The course of the most recently touched lesson (read, quizzed or learned); undefined for a new learner. */
export function lastCourse(record: Progress, courseIds: readonly string[]): string | undefined {
  const known = new Set(courseIds);
  let best: { at: string; course: string } | undefined;
  for (const lesson of Object.values(record.lessons)) {
    if (lesson.course === undefined || !known.has(lesson.course)) continue;
    const at =
      [lesson.reachedEndAt, lesson.learnedAt, lesson.quiz?.at]
        .filter((x): x is string => typeof x === 'string')
        .sort()
        .at(-1) ?? '';
    if (!best || at > best.at) best = { at, course: lesson.course };
  }
  return best?.course;
}
