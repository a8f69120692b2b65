import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { drawPaper, scorePaper, type Shufflable } from '../../src/lib/school/exam.ts';

interface Bank {
  draw: number;
  passMark: number;
  questions: (Shufflable & { question: string })[];
}

const dir = join(import.meta.dirname, '../../content/exams');
const banks = readdirSync(dir)
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => [f, yaml.load(readFileSync(join(dir, f), 'utf8')) as Bank] as const);

/** Always the first option. */
const firstOption = (): number[] => [0];
/** A for single and true/false, A+B+C for multiple choice. */
const abc = (q: Shufflable): number[] => (q.type === 'multiple' ? [0, 1, 2] : [0]);
const strategies = { 'always the first option': firstOption, 'always A (A+B+C for 多选)': abc };
const SEEDS = 2000;

describe.each(banks)('exam bank %s cannot be passed by a pattern', (_file, bank) => {
  it('has at least three banks to check', () => expect(banks.length).toBeGreaterThanOrEqual(3));

  it.each(Object.entries(strategies))('%s scores below the pass mark in content order (keys are spread)', (_name, guess) => {
    const score = scorePaper(bank.questions, bank.questions.map(guess), bank.passMark);
    expect(score.percent).toBeLessThan(bank.passMark);
  });

  it.each(Object.entries(strategies))('%s scores below the pass mark on average over %i seeds and rarely passes', (_name, guess) => {
    let sum = 0;
    let passed = 0;
    for (let seed = 0; seed < SEEDS; seed++) {
      const paper = drawPaper(bank.questions, bank.draw, seed * 2654435761);
      const score = scorePaper(paper, paper.map(guess), bank.passMark);
      sum += score.percent;
      if (score.passed) passed++;
    }
    expect(sum / SEEDS).toBeLessThan(bank.passMark * 0.75);
    // A lucky guesser can pass a 10-question paper now and then; a pattern must not be a way through.
    expect(passed / SEEDS).toBeLessThan(0.1);
  });

  it('the right answers always score full marks on a shuffled paper', () => {
    for (let seed = 0; seed < 200; seed++) {
      const paper = drawPaper(bank.questions, bank.draw, seed);
      expect(
        scorePaper(
          paper,
          paper.map((q) => [...q.answer]),
          bank.passMark,
        ).percent,
      ).toBe(100);
    }
  });
});

describe('drawPaper', () => {
  const bank: (Shufflable & { id: string })[] = Array.from({ length: 12 }, (_, i) => ({
    id: `q${i}`,
    type: i % 3 === 0 ? 'truefalse' : i % 3 === 1 ? 'single' : 'multiple',
    options: i % 3 === 0 ? ['正确', '错误'] : ['甲', '乙', '丙', '丁'],
    answer: i % 3 === 2 ? [0, 1, 2] : [0],
  }));

  it('gives the same paper for the same seed, so an attempt can be reviewed', () => {
    expect(drawPaper(bank, 8, 77)).toEqual(drawPaper(bank, 8, 77));
  });
  it('keeps each answer pointing at the same option text', () => {
    for (let seed = 0; seed < 100; seed++) {
      for (const q of drawPaper(bank, 8, seed)) {
        const original = bank.find((b) => b.id === q.id)!;
        expect(q.answer.map((a) => q.options[a]).sort()).toEqual(original.answer.map((a) => original.options[a]).sort());
        expect([...q.options].sort()).toEqual([...original.options].sort());
      }
    }
  });
  it('moves the key of a 单选 to every position over many seeds', () => {
    const positions = new Set<number>();
    for (let seed = 0; seed < 200; seed++) for (const q of drawPaper(bank, 12, seed)) if (q.type === 'single') positions.add(q.answer[0]!);
    expect(positions).toEqual(new Set([0, 1, 2, 3]));
  });
  it('changes the question order and the option order between seeds', () => {
    const a = drawPaper(bank, 12, 1);
    const b = drawPaper(bank, 12, 2);
    expect(a.map((q) => q.id)).not.toEqual(b.map((q) => q.id));
    expect(a.map((q) => q.options.join())).not.toEqual(bank.map((q) => q.options.join()));
  });
  it('keeps 正确 before 错误 in a 判断 question', () => {
    for (const q of drawPaper(bank, 12, 5)) if (q.type === 'truefalse') expect(q.options).toEqual(['正确', '错误']);
  });
  it('does not change the bank it draws from', () => {
    const before = JSON.stringify(bank);
    drawPaper(bank, 12, 9);
    expect(JSON.stringify(bank)).toBe(before);
  });
});
