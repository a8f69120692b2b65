import { describe, expect, it } from 'vitest';
import { beijingDay, dayNumber } from '../../src/lib/dates.ts';
import { dailyList, dailyOrder, dailyPosition, pickDaily, questionKey, streak } from '../../src/lib/school/daily-question.ts';

const bank = (id: string, n: number) => ({ id, questions: Array.from({ length: n }, (_, i) => ({ question: `${id} 第${i + 1}题` })) });
const exams = [bank('b-course', 7), bank('a-course', 5)];

describe('the Beijing day of an instant', () => {
  it.each([
    ['one second before midnight in Beijing', '2026-11-30T23:59:59+08:00', '2026-11-30'],
    ['midnight in Beijing', '2026-12-01T00:00:00+08:00', '2026-12-01'],
    ['16:00 UTC is already the next day in Beijing', '2026-11-30T16:00:00Z', '2026-12-01'],
    ['15:59 UTC is still the same day', '2026-11-30T15:59:59Z', '2026-11-30'],
    ['evening in New York is the next morning in Beijing', '2026-11-30T20:30:00-05:00', '2026-12-01'],
  ])('%s', (_name, instant, day) => {
    expect(beijingDay(new Date(instant))).toBe(day);
  });

  it('numbers days from 1970-01-01, one a day', () => {
    expect(dayNumber('1970-01-02')).toBe(1);
    expect(dayNumber('2026-12-01') - dayNumber('2026-11-30')).toBe(1);
  });
});

describe('the daily draw', () => {
  const list = dailyList(exams);

  it('holds every question of every bank exactly once', () => {
    expect(list).toHaveLength(12);
    expect(new Set(list.map((q) => q.key)).size).toBe(12);
    expect(list.map((q) => q.question).sort()).toEqual(exams.flatMap((e) => e.questions.map((q) => q.question)).sort());
  });

  it('is deterministic: the same banks give the same order, whatever order the exams come in', () => {
    expect(dailyList([...exams].reverse()).map((q) => q.key)).toEqual(list.map((q) => q.key));
    expect(dailyOrder(12)).toEqual(dailyOrder(12));
  });

  it('is shuffled, not bank order', () => {
    expect(dailyOrder(12)).not.toEqual([...Array(12).keys()]);
  });

  it('gives everyone the same question on the same Beijing day', () => {
    const morning = pickDaily(list, new Date('2026-11-30T00:00:00+08:00'));
    const evening = pickDaily(list, new Date('2026-11-30T23:59:59+08:00'));
    const abroad = pickDaily(list, new Date('2026-11-30T10:00:00-05:00')); // 23:00 in Beijing
    expect(evening).toBe(morning);
    expect(abroad).toBe(morning);
  });

  it('changes at 00:00 +08:00, not at midnight UTC', () => {
    const before = pickDaily(list, new Date('2026-11-30T15:59:59Z'));
    const after = pickDaily(list, new Date('2026-11-30T16:00:00Z'));
    const utcMidnight = pickDaily(list, new Date('2026-12-01T00:00:00Z'));
    expect(after).not.toBe(before);
    expect(utcMidnight).toBe(after);
  });

  it.each([1, 2, 12, 40])('never repeats within %i consecutive days, from any start', (size) => {
    // The Beijing day of 2026-01-01 plus n days (08:00 in Beijing, so no day boundary is near).
    const day = (n: number) => beijingDay(new Date(Date.UTC(2026, 0, 1 + n)));
    for (let from = 0; from < 3 * size; from++) {
      const window = Array.from({ length: size }, (_, i) => dailyPosition(size, day(from + i)));
      expect(new Set(window).size).toBe(size);
    }
  });

  it('an empty list has no question', () => {
    expect(pickDaily([], new Date())).toBeUndefined();
  });

  it('keys a question by its exam and text, not by its place in the bank', () => {
    expect(questionKey('a-course', '题目')).toBe(questionKey('a-course', ' 题目 '));
    expect(questionKey('a-course', '题目')).not.toBe(questionKey('b-course', '题目'));
    expect(questionKey('a-course', '题目')).toMatch(/^[a-z0-9][a-z0-9-]*$/);
  });
});

describe('the streak', () => {
  it.each([
    { name: 'nothing answered', days: [], today: '2026-11-30', current: 0, longest: 0 },
    { name: 'answered today only', days: ['2026-11-30'], today: '2026-11-30', current: 1, longest: 1 },
    { name: 'three days in a row up to today', days: ['2026-11-28', '2026-11-29', '2026-11-30'], today: '2026-11-30', current: 3, longest: 3 },
    { name: 'today not yet answered keeps yesterday’s run', days: ['2026-11-28', '2026-11-29'], today: '2026-11-30', current: 2, longest: 2 },
    { name: 'a missed day breaks the run', days: ['2026-11-26', '2026-11-27', '2026-11-28', '2026-11-30'], today: '2026-11-30', current: 1, longest: 3 },
    { name: 'two missed days end it', days: ['2026-11-27', '2026-11-28'], today: '2026-11-30', current: 0, longest: 2 },
    { name: 'across a month and year end', days: ['2026-12-30', '2026-12-31', '2027-01-01'], today: '2027-01-01', current: 3, longest: 3 },
  ])('$name', ({ days, today, current, longest }) => {
    expect(streak(days, today)).toEqual({ current, longest });
  });

  it('counts Beijing days, wherever the reader is', () => {
    // Answered at 20:30 in New York on the 29th and on the 30th: Beijing mornings of the 30th and 1st.
    const answers = ['2026-11-29T20:30:00-05:00', '2026-11-30T20:30:00-05:00'].map((t) => beijingDay(new Date(t)));
    expect(answers).toEqual(['2026-11-30', '2026-12-01']);
    expect(streak(answers, beijingDay(new Date('2026-12-01T09:00:00+08:00')))).toEqual({ current: 2, longest: 2 });
    // Two answers on one Beijing day (before and after UTC midnight) count once.
    const sameDay = ['2026-11-30T01:00:00Z', '2026-11-30T15:00:00Z'].map((t) => beijingDay(new Date(t)));
    expect(streak(sameDay, '2026-11-30')).toEqual({ current: 1, longest: 1 });
  });
});
