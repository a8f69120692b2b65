import { describe, expect, it } from 'vitest';
import { courseLessonsFile, courseSummaries } from '../../src/lib/syllabus.ts';
import { readCourseLessons } from '../../src/lib/school.ts';

describe('courseLessonsFile: the lessons.json of a course', () => {
  const lesson = (id: string, course: string, order: number, quiz: number) => ({
    id,
    data: { title: `课${id}`, course: { id: course }, order, minutes: 10, quiz: Array.from({ length: quiz }) },
  });
  const file = courseLessonsFile('a', [lesson('b-1', 'b', 1, 1), lesson('a-2', 'a', 2, 0), lesson('a-1', 'a', 1, 2)]);

  it('lists the course’s lessons only, in study order, with address and quiz flag', () => {
    expect(file).toEqual({
      course: 'a',
      lessons: [
        { id: 'a-1', title: '课a-1', href: '/school/a/a-1/', hasQuiz: true },
        { id: 'a-2', title: '课a-2', href: '/school/a/a-2/', hasQuiz: false },
      ],
    });
  });

  it('is what the browser accepts for that course', () => {
    expect(readCourseLessons(JSON.parse(JSON.stringify(file)), 'a')).toEqual(file.lessons);
  });
});

describe('courseSummaries: the record page’s course list', () => {
  it('names each course with its hours and the address of its lessons, not the lessons', () => {
    expect(courseSummaries([{ id: 'a', data: { title: '甲', hours: 2 } }])).toEqual([{ id: 'a', title: '甲', hours: 2, lessonsUrl: '/school/a/lessons.json' }]);
  });
});
