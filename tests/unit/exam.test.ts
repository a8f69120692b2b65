import { describe, expect, it } from 'vitest';
import { drawIndices, formatClock, isCorrect, scorePaper, secondsLeft, seededRandom } from '../../src/lib/school/exam.ts';

describe('drawIndices', () => {
  it('gives the same paper for the same seed', () => {
    expect(drawIndices(20, 10, 42)).toEqual(drawIndices(20, 10, 42));
  });
  it('gives a different paper for another seed', () => {
    expect(drawIndices(20, 10, 1)).not.toEqual(drawIndices(20, 10, 2));
  });
  it.each([1, 7, 99, 123456])('draws distinct in-range questions (seed %i)', (seed) => {
    const drawn = drawIndices(15, 10, seed);
    expect(drawn).toHaveLength(10);
    expect(new Set(drawn).size).toBe(10);
    expect(drawn.every((i) => i >= 0 && i < 15)).toBe(true);
  });
  it('caps the count at the bank size and uses every question', () => {
    expect(drawIndices(4, 10, 3).sort()).toEqual([0, 1, 2, 3]);
  });
  it('draws nothing from an empty bank', () => expect(drawIndices(0, 5, 3)).toEqual([]));
  it('reaches every question over many seeds', () => {
    const seen = new Set<number>();
    for (let s = 0; s < 200; s++) for (const i of drawIndices(12, 3, s)) seen.add(i);
    expect(seen.size).toBe(12);
  });
  it('seededRandom stays in [0, 1)', () => {
    const r = seededRandom(9);
    for (let i = 0; i < 1000; i++) {
      const x = r();
      expect(x >= 0 && x < 1).toBe(true);
    }
  });
});

describe('isCorrect', () => {
  const single = { type: 'single', answer: [2] } as const;
  const multiple = { type: 'multiple', answer: [0, 2] } as const;
  const truefalse = { type: 'truefalse', answer: [1] } as const;
  it.each([
    ['single: the right option', single, [2], true],
    ['single: a wrong option', single, [1], false],
    ['single: no answer', single, [], false],
    ['single: two options including the right one', single, [1, 2], false],
    ['multiple: all right options in any order', multiple, [2, 0], true],
    ['multiple: one right option missing', multiple, [0], false],
    ['multiple: a wrong option added', multiple, [0, 1, 2], false],
    ['multiple: a right option repeated', multiple, [0, 0, 2], false],
    ['truefalse: right', truefalse, [1], true],
    ['truefalse: wrong', truefalse, [0], false],
  ] as const)('%s', (_name, q, chosen, expected) => {
    expect(isCorrect(q, chosen)).toBe(expected);
  });
});

describe('scorePaper', () => {
  const paper = Array.from({ length: 10 }, () => ({ type: 'single' as const, answer: [0] }));
  const answers = (right: number) => paper.map((_, i) => (i < right ? [0] : [1]));
  it.each([
    [10, 100, true],
    [6, 60, true],
    [5, 50, false],
    [0, 0, false],
  ])('%i of 10 right is %i%% (passed: %s at 60)', (right, percent, passed) => {
    const s = scorePaper(paper, answers(right), 60);
    expect([s.correct, s.total, s.percent, s.passed]).toEqual([right, 10, percent, passed]);
  });
  it('passes exactly at the mark even when the percent is not whole', () => {
    const three = paper.slice(0, 3);
    expect(scorePaper(three, [[0], [0], [1]], 66.67).passed).toBe(false);
    expect(scorePaper(three, [[0], [0], [1]], 66).passed).toBe(true);
    expect(scorePaper(three, [[0], [0], [1]], 60).percent).toBe(66);
  });
  it('counts a missing response as wrong and lists results in order', () => {
    expect(scorePaper(paper.slice(0, 2), [[0]], 60).results).toEqual([true, false]);
  });
  it('never passes an empty paper', () => expect(scorePaper([], [], 0).passed).toBe(false));
});

describe('countdown', () => {
  it('counts down from the limit and stops at zero', () => {
    expect(secondsLeft(15, 0, 0)).toBe(900);
    expect(secondsLeft(15, 0, 840_500)).toBe(60);
    expect(secondsLeft(15, 0, 10_000_000)).toBe(0);
  });
  it.each([
    [900, '15:00'],
    [61, '01:01'],
    [0, '00:00'],
    [-3, '00:00'],
  ])('formats %i seconds as %s', (s, text) => expect(formatClock(s)).toBe(text));
});
