import { describe, expect, it } from 'vitest';
import { SYLLABUS_PAGE_SIZE, courseLessonsFile, courseSummaries, syllabusPages } from '../../src/lib/school/syllabus.ts';
import { readCourseLessons } from '../../src/lib/school/school.ts';

const numbers = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('syllabusPages: a course’s syllabus in pages of bounded size', () => {
  it('is a page of 30 to 50 lessons', () => {
    expect(SYLLABUS_PAGE_SIZE).toBeGreaterThanOrEqual(30);
    expect(SYLLABUS_PAGE_SIZE).toBeLessThanOrEqual(50);
  });

  it.each([0, 1, 4, SYLLABUS_PAGE_SIZE])('keeps a course of %i lessons on the course page alone', (n) => {
    const pages = syllabusPages(numbers(n), 'xinren-peixun');
    expect(pages).toHaveLength(1);
    expect(pages[0]).toMatchObject({ page: 1, pages: 1, path: undefined, href: '/school/xinren-peixun/', start: 1, total: n, items: numbers(n) });
    expect(pages[0]?.nextHref).toBeUndefined();
  });

  it('puts the rest of a long course at /school/<course>/page/<n>/, in study order, each lesson once', () => {
    const lessons = numbers(SYLLABUS_PAGE_SIZE * 2 + 5);
    const pages = syllabusPages(lessons, 'c');
    expect(pages.map((p) => [p.path, p.href, p.start, p.items.length])).toEqual([
      [undefined, '/school/c/', 1, SYLLABUS_PAGE_SIZE],
      ['page/2', '/school/c/page/2/', SYLLABUS_PAGE_SIZE + 1, SYLLABUS_PAGE_SIZE],
      ['page/3', '/school/c/page/3/', SYLLABUS_PAGE_SIZE * 2 + 1, 5],
    ]);
    expect(pages.flatMap((p) => p.items)).toEqual(lessons);
    expect(pages.every((p) => p.items[0] === p.start)).toBe(true);
    expect(pages[1]).toMatchObject({ prevHref: '/school/c/', nextHref: '/school/c/page/3/', pages: 3, total: lessons.length });
  });

  it('keeps every page the same size however long the course', () => {
    const pages = syllabusPages(numbers(1234), 'c');
    expect(Math.max(...pages.map((p) => p.items.length))).toBe(SYLLABUS_PAGE_SIZE);
  });
});

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
