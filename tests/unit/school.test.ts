import { describe, expect, it } from 'vitest';
import { answerLetters, buildCatalogue, fill, lessonsOf, neighbours, totalMinutes } from '../../src/lib/school.ts';

const lesson = (id: string, course: string, order: number, quiz = 1) => ({
  id,
  data: { title: `课${id}`, course: { id: course }, order, minutes: 10, quiz: Array.from({ length: quiz }) },
});
const lessons = [lesson('b-1', 'b', 1), lesson('a-2', 'a', 2, 0), lesson('a-1', 'a', 1)];

describe('school catalogue', () => {
  it('orders a course’s lessons by their order field', () => {
    expect(lessonsOf(lessons, 'a').map((l) => l.id)).toEqual(['a-1', 'a-2']);
  });
  it('builds the catalogue the learner’s record is checked against', () => {
    expect(buildCatalogue([{ id: 'a', data: { title: '甲', hours: 2 } }], lessons)).toEqual([
      { id: 'a', title: '甲', hours: 2, lessons: [{ id: 'a-1', title: '课a-1', hasQuiz: true }, { id: 'a-2', title: '课a-2', hasQuiz: false }] },
    ]);
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
  it('writes option indices as sorted letters', () => expect(answerLetters([2, 0])).toBe('A、C'));
});

