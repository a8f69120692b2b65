/**
 * Whether an activity is still ahead or over, decided against "now". The built page never
 * decides this: the browser calls these functions at view time (see ActivityPhases.astro).
 */

export type Phase = 'upcoming' | 'ongoing' | 'past';

/** Phase of an activity at `now`: before its start, between start and end, or after its end. */
export function activityPhase(start: Date, end: Date, now: Date): Phase {
  if (now.getTime() < start.getTime()) return 'upcoming';
  if (now.getTime() <= end.getTime()) return 'ongoing';
  return 'past';
}

/**
 * Splits activities into those not yet over (soonest first) and those over (latest first).
 * Ongoing activities count as upcoming: a reader can still join them.
 */
export function splitByPhase<T extends { start: Date; end: Date }>(items: readonly T[], now: Date): { upcoming: T[]; past: T[] } {
  const upcoming = items.filter((i) => activityPhase(i.start, i.end, now) !== 'past').sort((a, b) => a.start.getTime() - b.start.getTime());
  const past = items.filter((i) => activityPhase(i.start, i.end, now) === 'past').sort((a, b) => b.start.getTime() - a.start.getTime());
  return { upcoming, past };
}
