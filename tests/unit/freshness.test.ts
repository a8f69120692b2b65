import { describe, expect, it } from 'vitest';
import { STALE_DAYS, isStale, latestByStation, latestOf } from '../../src/lib/stations/freshness.ts';

const d = (iso: string) => new Date(iso);

describe('latestByStation', () => {
  it('keeps the newest date per station and skips district-wide entries', () => {
    const latest = latestByStation([
      { station: 'lingxiu', date: d('2026-11-01T00:00:00Z') },
      { station: 'lingxiu', date: d('2026-11-20T00:00:00Z') },
      { station: 'wanshang', date: d('2026-10-01T00:00:00Z') },
      { date: d('2026-11-25T00:00:00Z') },
    ]);
    expect([...latest.entries()].map(([k, v]) => [k, v.toISOString()])).toEqual([
      ['lingxiu', '2026-11-20T00:00:00.000Z'],
      ['wanshang', '2026-10-01T00:00:00.000Z'],
    ]);
  });
});

describe('latestOf', () => {
  it('takes the newest over all kinds', () => {
    expect(latestOf({ news: d('2026-11-01T00:00:00Z'), diary: d('2026-11-10T00:00:00Z') })?.toISOString()).toBe('2026-11-10T00:00:00.000Z');
  });
  it('is undefined without any entry', () => expect(latestOf({})).toBeUndefined());
});

describe(`isStale: nothing in the last ${STALE_DAYS} Beijing calendar days (the inspection's rule)`, () => {
  const now = d('2026-11-27T12:00:00Z');
  it.each([
    ['no entry at all', undefined, true],
    ['exactly 14 days ago', d('2026-11-13T12:00:00Z'), false],
    ['14 calendar days ago, early that morning in Beijing', d('2026-11-12T16:00:00Z'), false],
    ['15 calendar days ago, late that evening in Beijing', d('2026-11-12T15:59:00Z'), true],
    ['yesterday', d('2026-11-26T12:00:00Z'), false],
    ['an activity announced for next week', d('2026-12-04T12:00:00Z'), false],
    ['an invalid date', new Date('x'), true],
  ])('%s → %s', (_, latest, expected) => expect(isStale(latest, now)).toBe(expected));

  it('accepts epoch milliseconds, as the browser script passes them', () => {
    expect(isStale(d('2026-11-01T00:00:00Z').getTime(), now.getTime())).toBe(true);
  });
  it('honours a custom window', () => expect(isStale(d('2026-11-20T12:00:00Z'), now, 5)).toBe(true));
});
