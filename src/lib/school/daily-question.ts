/**
 * 每日一题: one question a day from the exam banks, the same for every reader on the same
 * Beijing calendar day. The site is static, so the build publishes the banks as one ordered
 * list and the browser picks the day's entry; the build-time pick is the fallback shown
 * without JavaScript.
 *
 * No question may repeat within the bank's size in days. For every window of N consecutive
 * days to hold N different questions (N = size of the list), each cycle must repeat the same
 * order: a new shuffle per cycle would let the end of one cycle and the start of the next
 * share a question. So the list is shuffled once, with a fixed seed, and day d takes entry
 * d mod N.
 */
import { beijingDay } from '../dates.ts';
import { drawIndices } from './exam.ts';

const DAY_MS = 86_400_000;

/** The fixed seed of the daily order (any constant; changing it reshuffles every day's question). */
export const DAILY_SEED = 20261130;

/** Days from 1970-01-01 to a "YYYY-MM-DD" day. */
export function dayNumber(day: string): number {
  return Math.floor(Date.parse(`${day}T00:00:00Z`) / DAY_MS);
}

/** The order in which a bank of `size` questions is asked, one per day (a seeded shuffle). */
export function dailyOrder(size: number, seed: number = DAILY_SEED): number[] {
  return drawIndices(size, size, seed);
}

/** Position in the published (already ordered) list for a Beijing day; -1 for an empty list. */
export function dailyPosition(listSize: number, day: string): number {
  if (listSize <= 0) return -1;
  const n = dayNumber(day) % listSize;
  return n < 0 ? n + listSize : n;
}

/** The day's entry of the published list, for an instant. */
export function pickDaily<T>(list: readonly T[], now: Date): T | undefined {
  return list[dailyPosition(list.length, beijingDay(now))];
}

/** A short stable hash (FNV-1a, 32 bit) in base 36. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

/**
 * A question's key in the learner's record: its exam and a hash of its text, so the record
 * survives questions being added, removed or reordered around it.
 */
export function questionKey(examId: string, question: string): string {
  return `${examId}-${hash(question.trim())}`;
}

/** What the daily list needs of an exam. */
export interface BankLike<Q extends { question: string }> {
  id: string;
  questions: readonly Q[];
}

/**
 * The published daily list: every question of every exam (exams by id, questions in bank
 * order), each with its key, shuffled into the daily order.
 */
export function dailyList<Q extends { question: string }>(exams: readonly BankLike<Q>[], seed: number = DAILY_SEED): (Q & { key: string; exam: string })[] {
  const all = [...exams]
    .sort((a, b) => a.id.localeCompare(b.id))
    .flatMap((e) => e.questions.map((q) => ({ ...q, key: questionKey(e.id, q.question), exam: e.id })));
  return dailyOrder(all.length, seed).map((i) => all[i] as Q & { key: string; exam: string });
}

/** A reader's run of days with an answer. */
export interface Streak {
  /** Consecutive days answered up to today, or up to yesterday while today is still open. */
  current: number;
  /** The longest run ever. */
  longest: number;
}

/** Streaks from the Beijing days the reader answered on, as of `today` (a Beijing day). */
export function streak(days: Iterable<string>, today: string): Streak {
  const numbers = [...new Set([...days].map(dayNumber))].filter((n) => Number.isFinite(n)).sort((a, b) => a - b);
  let longest = 0;
  let run = 0;
  let prev: number | undefined;
  for (const n of numbers) {
    run = prev !== undefined && n === prev + 1 ? run + 1 : 1;
    longest = Math.max(longest, run);
    prev = n;
  }
  const answered = new Set(numbers);
  const t = dayNumber(today);
  let current = 0;
  let d = answered.has(t) ? t : t - 1;
  while (answered.has(d)) {
    current++;
    d--;
  }
  return { current, longest };
}
