import yaml from 'js-yaml';
import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import {
  beijingDay,
  beijingNoon,
  calendarDaysBetween,
  compactStamp,
  dayNumber,
  formatDate,
  formatDateTime,
  isoShanghai,
  monthKey,
  startOfNextBeijingDay,
  toInstant,
  wallClockParts,
} from '../../src/lib/dates.ts';
import { makeSchemas } from '../../src/lib/schema/schema.ts';

describe('toInstant reads editor-written times as Beijing time', () => {
  it.each([
    ['2026-11-20 09:30', '2026-11-20T01:30:00.000Z'],
    ['2026-11-20T09:30', '2026-11-20T01:30:00.000Z'],
    ['2026-11-20', '2026-11-19T16:00:00.000Z'],
    ['2026-11-20T09:30:00+08:00', '2026-11-20T01:30:00.000Z'],
    ['2026-11-20T01:30:00Z', '2026-11-20T01:30:00.000Z'],
  ])('%s', (input, expected) => {
    expect(toInstant(input)?.toISOString()).toBe(expected);
  });

  it('reads a YAML bare date (UTC midnight) as that day in Beijing', () => {
    expect(formatDate(toInstant(new Date('2026-11-20T00:00:00Z'))!)).toBe('2026年11月20日');
  });

  it.each(['2026-02-30', '2026-11-20 25:00', 'next friday', '', '20261120'])('rejects %j', (input) => {
    expect(toInstant(input)).toBeUndefined();
  });
});

describe('formatting in Beijing time', () => {
  const instant = new Date('2026-11-26T17:05:00Z'); // 2026-11-27 01:05 in Beijing
  it('formats the date in Chinese', () => expect(formatDate(instant)).toBe('2026年11月27日'));
  it('formats the publish time', () => expect(formatDateTime(instant)).toBe('2026-11-27 01:05'));
  it('gives an ISO value with the +08:00 offset', () => expect(isoShanghai(instant)).toBe('2026-11-27T01:05:00+08:00'));
});

describe('YAML timestamps are Beijing wall-clock times', () => {
  // js-yaml (and Astro's front-matter reader) turn an unquoted `2026-11-20 09:30:00` into a Date
  // whose UTC fields are what the editor wrote; the site means Beijing time by it.
  it.each([
    ['2026-11-20 09:30:00', '2026-11-20 09:30'],
    ['2026-11-20T23:59:59', '2026-11-20 23:59'],
    ['2026-11-20', '2026-11-20 00:00'],
  ])('unquoted %s in YAML shows as %s', (written, shown) => {
    const parsed = yaml.load(`t: ${written}`) as { t: unknown };
    expect(parsed.t).toBeInstanceOf(Date);
    expect(formatDateTime(toInstant(parsed.t)!)).toBe(shown);
  });

  it('reads the quoted and unquoted forms with seconds as the same instant', () => {
    const unquoted = (yaml.load('t: 2026-11-20 09:30:00') as { t: unknown }).t;
    expect(toInstant(unquoted)?.toISOString()).toBe(toInstant('2026-11-20 09:30:00')?.toISOString());
    expect(toInstant('2026-11-20 09:30:00')?.toISOString()).toBe('2026-11-20T01:30:00.000Z');
  });

  it('the schema accepts seconds and keeps Beijing time', () => {
    const schemas = makeSchemas({ ref: () => z.string(), image: () => z.never() });
    const shape = schemas.activities.shape as Record<string, z.ZodType>;
    const start = shape['start']!.parse(yaml.load('2026-11-20 09:30:00')) as Date;
    expect(formatDateTime(start)).toBe('2026-11-20 09:30');
  });
});

describe('Beijing calendar helpers', () => {
  it.each([
    ['2026-11-30T15:59:59Z', '2026-11'],
    ['2026-11-30T16:00:00Z', '2026-12'],
    ['2026-12-31T16:00:00Z', '2027-01'],
  ])('monthKey(%s) is %s', (iso, key) => expect(monthKey(new Date(iso))).toBe(key));

  it('compactStamp gives the Beijing date and time to the second', () => {
    expect(compactStamp(new Date('2026-11-27T10:30:05Z'))).toBe('20261127-183005');
  });

  it.each([
    ['2026-11-20 09:30', { year: '2026', month: '11', day: '20', hour: '09', minute: '30', second: '00' }],
    ['2026-11-20 09:30:15', { year: '2026', month: '11', day: '20', hour: '09', minute: '30', second: '15' }],
    ['2026-11-20', { year: '2026', month: '11', day: '20', hour: '00', minute: '00', second: '00' }],
    ['soon', undefined],
  ])('wallClockParts(%j)', (text, parts) => expect(wallClockParts(text)).toEqual(parts));
});

describe('day arithmetic in Beijing calendar days', () => {
  it('dayNumber counts days from 1970-01-01, one per calendar day', () => {
    expect(dayNumber('1970-01-02')).toBe(1);
    expect(dayNumber('2026-12-01') - dayNumber('2026-11-30')).toBe(1);
  });
  it('beijingNoon falls on the same Beijing day', () => expect(beijingDay(beijingNoon('2026-11-30'))).toBe('2026-11-30'));
  it('startOfNextBeijingDay is the next 00:00 +08:00, whatever the time of day', () => {
    expect(startOfNextBeijingDay(new Date('2026-06-29T16:00:00Z')).toISOString()).toBe('2026-06-30T16:00:00.000Z');
    expect(startOfNextBeijingDay(new Date('2026-06-30T15:59:00Z')).toISOString()).toBe('2026-06-30T16:00:00.000Z');
  });
  it.each([
    ['the same day', '2026-11-20T00:30:00Z', '2026-11-20T15:00:00Z', 0],
    ['one minute across Beijing midnight', '2026-11-20T15:59:00Z', '2026-11-20T16:00:00Z', 1],
    ['backwards', '2026-11-21T04:00:00Z', '2026-11-20T04:00:00Z', -1],
  ])('calendarDaysBetween: %s', (_, from, to, days) => expect(calendarDaysBetween(new Date(from), new Date(to))).toBe(days));
});
