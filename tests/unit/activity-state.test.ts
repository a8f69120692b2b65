import { describe, expect, it } from 'vitest';
import { activityState } from '../../src/lib/activity-state.ts';

const start = new Date('2026-12-05T06:00:00Z');
const end = new Date('2026-12-05T08:00:00Z');

describe('activityState', () => {
  it.each([
    ['a minute before the start', '2026-12-05T05:59:00Z', 'upcoming'],
    ['at the start', '2026-12-05T06:00:00Z', 'ongoing'],
    ['at the end', '2026-12-05T08:00:00Z', 'ongoing'],
    ['a minute after the end', '2026-12-05T08:01:00Z', 'ended'],
  ])('%s → %s', (_, now, expected) => expect(activityState(start, end, new Date(now))).toBe(expected));

  it('accepts epoch milliseconds', () => expect(activityState(start.getTime(), end.getTime(), 0)).toBe('upcoming'));
});
