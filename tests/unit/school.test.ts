import { describe, expect, it } from 'vitest';
import { fill } from '../../src/i18n/fill.ts';
import { answerLetters, catalogueOf, lessonsOf, neighbours, readCourseLessons, totalMinutes, type LessonLink } from '../../src/lib/school/school.ts';

const lesson = (id: string, course: string, order: number, quiz = 1) => ({
  id,
  data: { title: `课${id}`, course: { id: course }, order, minutes: 10, quiz: Array.from({ length: quiz }) },
});
const lessons = [lesson('b-1', 'b', 1), lesson('a-2', 'a', 2, 0), lesson('a-1', 'a', 1)];

describe('school catalogue', () => {
  it('orders a course’s lessons by their order field', () => {
    expect(lessonsOf(lessons, 'a').map((l) => l.id)).toEqual(['a-1', 'a-2']);
  });
  it('builds the catalogue the learner’s record is checked against from the courses whose lessons are fetched', () => {
    const courses = [
      { id: 'a', title: '甲', hours: 2, lessonsUrl: '/school/a/lessons.json' },
      { id: 'b', title: '乙', hours: 1, lessonsUrl: '/school/b/lessons.json' },
    ];
    const fetched = new Map([['a', [{ id: 'a-1', title: '课一', href: '/school/a/a-1/', hasQuiz: true }]]]);
    expect(catalogueOf(courses, fetched)).toEqual([{ id: 'a', title: '甲', hours: 2, lessons: [{ id: 'a-1', title: '课一', hasQuiz: true }] }]);
  });
  it('adds up the minutes', () => expect(totalMinutes(lessons)).toBe(30));
});

describe('neighbours', () => {
  const list = [{ id: 'x' }, { id: 'y' }, { id: 'z' }];
  it.each([
    ['x', undefined, 'y'],
    ['y', 'x', 'z'],
    ['z', 'y', undefined],
  ])('%s sits between %s and %s', (id, prev, next) => {
    const n = neighbours(list, id);
    expect([n.prev?.id, n.next?.id]).toEqual([prev, next]);
  });
  it('has none for an unknown id', () => expect(neighbours(list, 'q')).toEqual({}));
});

describe('fill and answerLetters', () => {
  it('fills placeholders and leaves unknown ones', () => expect(fill('第 {n} 题 {x}', { n: 2 })).toBe('第 2 题 {x}'));
  it('hands a missing placeholder to the caller when asked (t() refuses it)', () => expect(fill('{a}{b}', { a: 1 }, (name) => `<${name}>`)).toBe('1<b>'));
  it('writes option indices as sorted letters', () => expect(answerLetters([2, 0])).toBe('A、C'));
});

describe('readCourseLessons: a fetched lessons.json is used only when it is what the page asked for', () => {
  const lesson: LessonLink = { id: 'a-1', title: '课一', href: '/school/a/a-1/', hasQuiz: false };
  it('reads the lessons of the asked course in their order', () => {
    const second = { ...lesson, id: 'a-2', href: '/school/a/a-2/', hasQuiz: true };
    expect(readCourseLessons({ course: 'a', lessons: [lesson, second] }, 'a')).toEqual([lesson, second]);
  });
  it('reads an empty course', () => expect(readCourseLessons({ course: 'a', lessons: [] }, 'a')).toEqual([]));
  it.each([
    ['another course’s file', { course: 'b', lessons: [lesson] }],
    ['not an object', 'x'],
    ['null', null],
    ['no lesson list', { course: 'a' }],
    ['a lesson without a title', { course: 'a', lessons: [{ ...lesson, title: '' }] }],
    ['a lesson without a quiz flag', { course: 'a', lessons: [{ id: 'a-1', title: '课一', href: '/school/a/a-1/' }] }],
    ['a script address', { course: 'a', lessons: [{ ...lesson, href: 'javascript:alert(1)' }] }],
    ['another site’s address', { course: 'a', lessons: [{ ...lesson, href: '//evil.example/x/' }] }],
    ['an absolute address', { course: 'a', lessons: [{ ...lesson, href: 'https://evil.example/x/' }] }],
  ])('refuses %s', (_, value) => expect(readCourseLessons(value, 'a')).toBeUndefined());
});
