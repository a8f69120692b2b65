import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, isoShanghai, toInstant } from '../../src/lib/dates.ts';

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
