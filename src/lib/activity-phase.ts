/**
 * Whether an activity is still ahead or over, decided against "now". The built page never
 * decides this: the browser calls these functions at view time (see ActivityPhases.astro).
 */
import { formatDate, formatTime } from './dates.ts';

export type Phase = 'upcoming' | 'ongoing' | 'past';

/** The dictionary key of each phase's label. */
export const PHASE_KEYS = {
  upcoming: 'stations.activities.upcoming',
  ongoing: 'stations.activities.ongoing',
  past: 'stations.activities.ended',
} as const satisfies Record<Phase, string>;

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

/** "2026年12月5日 14:00—16:00", or both dates when the activity spans days. */
export function formatActivityTime(start: Date, end: Date): string {
  const startDay = formatDate(start);
  const endDay = formatDate(end);
  return startDay === endDay ? `${startDay} ${formatTime(start)}—${formatTime(end)}` : `${startDay} ${formatTime(start)} — ${endDay} ${formatTime(end)}`;
}
