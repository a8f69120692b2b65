/**
 * Scheduled publishing (定时发布): an entry whose publish time is later than the build time is
 * left out of the built site entirely, and appears in the first build after that time. The
 * build time is the moment `npm run build` started, or BUILD_NOW when set (tests and rebuilds
 * of a past state), written in Beijing time ("2026-11-20 09:30") or as an ISO instant.
 */
import { toInstant } from './dates.ts';

/** The build's "now": BUILD_NOW when set, else the real clock. A bad BUILD_NOW is an error. */
export function buildNow(env: Record<string, string | undefined> = process.env, clock: () => Date = () => new Date()): Date {
  const raw = env.BUILD_NOW?.trim();
  if (!raw) return clock();
  const at = toInstant(raw);
  if (!at) throw new Error(`BUILD_NOW：无法识别的时间“${raw}”，应写作 2026-11-20 09:30 或 2026-11-20T01:30:00Z`);
  return at;
}

/** Whether an entry with this publish time belongs in a site built at `now` (the same minute counts). */
export function isReleased(publishTime: Date | undefined, now: Date): boolean {
  return publishTime === undefined || publishTime.getTime() <= now.getTime();
}

/** Publish times that fell due after the last build and by `now`: a rebuild would publish them. */
export function dueSince(publishTimes: Iterable<Date>, lastBuild: Date, now: Date): Date[] {
  return [...publishTimes].filter((d) => d.getTime() > lastBuild.getTime() && d.getTime() <= now.getTime()).sort((a, b) => a.getTime() - b.getTime());
}
