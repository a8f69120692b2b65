import { describe, expect, it } from 'vitest';
import { buildNow, isReleased } from '../../src/lib/schedule.ts';

describe('scheduled publishing', () => {
  const clock = () => new Date('2026-11-30T00:00:00Z');
  it.each([
    [undefined, '2026-11-30T00:00:00.000Z', 'the real clock when BUILD_NOW is unset'],
    ['', '2026-11-30T00:00:00.000Z', 'the real clock when BUILD_NOW is empty'],
    ['2026-12-01 09:30', '2026-12-01T01:30:00.000Z', 'Beijing time'],
    ['2026-12-01T01:30:00Z', '2026-12-01T01:30:00.000Z', 'an ISO instant'],
  ])('BUILD_NOW=%j gives %s (%s)', (value, iso, _why) => expect(buildNow({ BUILD_NOW: value }, clock).toISOString()).toBe(iso));

  it('a malformed BUILD_NOW is a one-line error naming the variable', () => {
    expect(() => buildNow({ BUILD_NOW: 'tomorrow' }, clock)).toThrow(/^BUILD_NOW：无法识别的时间“tomorrow”/);
  });

  const now = new Date('2026-12-01T01:30:00Z');
  it.each([
    ['2026-12-01T01:29:00Z', true, 'a minute before'],
    ['2026-12-01T01:30:00Z', true, 'the same instant'],
    ['2026-12-01T01:31:00Z', false, 'a minute after'],
  ])('published %s is released: %s (%s)', (iso, released) => expect(isReleased(new Date(iso), now)).toBe(released));
  it('an entry without a publish time is always released', () => expect(isReleased(undefined, now)).toBe(true));
});
