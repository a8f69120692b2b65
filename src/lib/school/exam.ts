/**
 * Exam logic: drawing questions from a bank with a seeded random generator (the same seed
 * always gives the same paper, so a test or a review can reproduce it) and scoring answers.
 * Single and true/false questions need the one right option; multiple choice is
 * all-or-nothing: every right option and no wrong one.
 */
import type { QuestionType } from '../schema/enums.ts';

/** What scoring needs of a question. */
export interface Scorable {
  type: QuestionType;
  answer: readonly number[];
}

/** A small, fast seeded generator (mulberry32) returning numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Picks `count` distinct positions of a bank of `size` questions, in drawn order.
 * A count larger than the bank is capped at the bank's size.
 */
export function drawIndices(size: number, count: number, seed: number): number[] {
  const random = seededRandom(seed);
  const pool = Array.from({ length: size }, (_, i) => i);
  const n = Math.max(0, Math.min(count, size));
  // Partial Fisher–Yates: the first n slots end up a uniform sample without repeats.
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(random() * (size - i));
    const picked = pool[j] as number;
    pool[j] = pool[i] as number;
    pool[i] = picked;
  }
  return pool.slice(0, n);
}

/** A question as the bank holds it: options in content order, answer as option positions. */
export interface Shufflable extends Scorable {
  options: readonly string[];
}

/**
 * Draws an exam paper: `count` questions of the bank in a seeded order, each with its options in
 * a seeded order and its answer renumbered to match (an exam must not be passable by always
 * picking A). True/false keeps 正确/错误 in place: reordering two fixed words only confuses.
 * The same bank and seed always give the same paper, so an attempt can be reproduced and reviewed.
 * Lesson quizzes do not use this: a self-check keeps its order.
 */
export function drawPaper<Q extends Shufflable>(bank: readonly Q[], count: number, seed: number): Q[] {
  const random = seededRandom(seed ^ 0x9e3779b9);
  return drawIndices(bank.length, count, seed).map((index) => {
    const q = bank[index] as Q;
    if (q.type === 'truefalse') return { ...q, options: [...q.options], answer: [...q.answer] };
    const order = drawIndices(q.options.length, q.options.length, Math.floor(random() * 2 ** 32));
    return {
      ...q,
      options: order.map((o) => q.options[o] as string),
      answer: q.answer.map((a) => order.indexOf(a)).sort((a, b) => a - b),
    };
  });
}

/** Whether the chosen option indices answer the question right. */
export function isCorrect(question: Scorable, chosen: readonly number[]): boolean {
  const picked = new Set(chosen);
  if (picked.size !== chosen.length) return false;
  if (question.type !== 'multiple' && chosen.length !== 1) return false;
  return picked.size === question.answer.length && question.answer.every((a) => picked.has(a));
}

/** The outcome of one paper. */
export interface Score {
  correct: number;
  total: number;
  /** Whole percent, rounded down so that a score never shows higher than earned. */
  percent: number;
  passed: boolean;
  /** Right or wrong, per question, in paper order. */
  results: boolean[];
}

/** Scores a paper against a pass mark given in percent (passing at exactly the mark). */
export function scorePaper(questions: readonly Scorable[], responses: readonly (readonly number[])[], passMark: number): Score {
  const results = questions.map((q, i) => isCorrect(q, responses[i] ?? []));
  const correct = results.filter(Boolean).length;
  const total = questions.length;
  return {
    correct,
    total,
    percent: total === 0 ? 0 : Math.floor((correct * 100) / total),
    passed: total > 0 && correct * 100 >= passMark * total,
    results,
  };
}

/** Seconds left of a time limit in minutes, started at `startedAt`, never below zero. */
export function secondsLeft(limitMinutes: number, startedAt: number, now: number): number {
  return Math.max(0, Math.ceil((startedAt + limitMinutes * 60_000 - now) / 1000));
}

/** "mm:ss" for a countdown. */
export function formatClock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  return `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}
