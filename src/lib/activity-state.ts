/**
 * Whether an activity is still to come, under way or over. Static pages render a first answer
 * at build time; a small script repeats it with the reader's clock.
 */
export type ActivityState = 'upcoming' | 'ongoing' | 'ended';

/** The state of an activity running from `start` to `end` at `now` (Dates or epoch ms). */
export function activityState(start: Date | number, end: Date | number, now: Date | number): ActivityState {
  const ms = (d: Date | number) => (typeof d === 'number' ? d : d.getTime());
  if (ms(now) < ms(start)) return 'upcoming';
  return ms(now) <= ms(end) ? 'ongoing' : 'ended';
}
