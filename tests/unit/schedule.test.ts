import { describe, expect, it } from 'vitest';
import { buildNow, dueSince, isReleased } from '../../src/lib/schedule.ts';

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

describe('dueSince: what an hourly rebuild would publish', () => {
  const lastBuild = new Date('2026-12-01T00:00:00Z');
  const now = new Date('2026-12-01T02:00:00Z');
  it.each([
    ['2026-11-30T23:59:00Z', false, 'already published by the last build'],
    ['2026-12-01T00:00:00Z', false, 'published at the very moment of the last build'],
    ['2026-12-01T00:00:01Z', true, 'fell due after the last build'],
    ['2026-12-01T02:00:00Z', true, 'falls due right now'],
    ['2026-12-01T02:00:01Z', false, 'not yet due'],
  ])('%s: due=%s (%s)', (iso, due, _why) => expect(dueSince([new Date(iso)], lastBuild, now).length === 1).toBe(due));
});
