import { describe, expect, it } from 'vitest';
import { activityPhase, formatActivityTime, splitByPhase } from '../../src/lib/activity-phase.ts';

const at = (s: string) => new Date(`${s}:00+08:00`);
const start = at('2026-12-05T14:00');
const end = at('2026-12-05T16:00');

describe('activityPhase', () => {
  it.each([
    ['2026-11-27T09:00', 'upcoming'],
    ['2026-12-05T13:59', 'upcoming'],
    ['2026-12-05T14:00', 'ongoing'],
    ['2026-12-05T16:00', 'ongoing'],
    ['2026-12-05T16:01', 'past'],
    ['2027-03-01T00:00', 'past'],
  ])('at %s it is %s', (now, phase) => expect(activityPhase(start, end, at(now))).toBe(phase));
});

describe('splitByPhase', () => {
  const items = [
    { id: 'dec20', start: at('2026-12-20T09:00'), end: at('2026-12-20T11:00') },
    { id: 'nov10', start: at('2026-11-10T09:00'), end: at('2026-11-10T11:00') },
    { id: 'today', start: at('2026-11-27T08:00'), end: at('2026-11-27T18:00') },
    { id: 'dec01', start: at('2026-12-01T09:00'), end: at('2026-12-01T11:00') },
    { id: 'nov20', start: at('2026-11-20T09:00'), end: at('2026-11-20T11:00') },
  ];
  it('puts not-yet-over activities soonest first, ongoing included', () => {
    expect(splitByPhase(items, at('2026-11-27T10:00')).upcoming.map((i) => i.id)).toEqual(['today', 'dec01', 'dec20']);
  });
  it('puts finished activities latest first', () => {
    expect(splitByPhase(items, at('2026-11-27T10:00')).past.map((i) => i.id)).toEqual(['nov20', 'nov10']);
  });
  it('moves everything to past once the clock passes the last end', () => {
    const { upcoming, past } = splitByPhase(items, at('2027-06-01T00:00'));
    expect(upcoming).toEqual([]);
    expect(past.map((i) => i.id)).toEqual(['dec20', 'dec01', 'today', 'nov20', 'nov10']);
  });
});

describe('formatActivityTime', () => {
  it.each([
    ['2026-12-05T14:00', '2026-12-05T16:00', '2026年12月5日 14:00—16:00'],
    ['2026-12-31T20:00', '2027-01-01T01:00', '2026年12月31日 20:00 — 2027年1月1日 01:00'],
  ])('%s to %s → %s', (s, e, text) => expect(formatActivityTime(at(s), at(e))).toBe(text));
});
