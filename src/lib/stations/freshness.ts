/**
 * Which stations have gone quiet. A station is stale when none of its news, activities, diary
 * entries or exchange posts is dated within the last STALE_DAYS days. The page is static, so the
 * build decides a first answer and a small script repeats the same rule with the reader's clock.
 */

export const STALE_DAYS = 14;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The kinds of entry that count as a sign of life. */
export const FRESHNESS_KINDS = ['news', 'activities', 'diary', 'exchange'] as const;
export type FreshnessKind = (typeof FRESHNESS_KINDS)[number];

/** Latest date per kind for one station; a kind with no entry is absent. */
export type LatestDates = Partial<Record<FreshnessKind, Date>>;

/** A dated entry with the station it belongs to (none for district-wide news). */
export interface StationDated {
  station?: string;
  date: Date;
}

/** The latest date per station of one kind of entry. */
export function latestByStation(entries: Iterable<StationDated>): Map<string, Date> {
  const latest = new Map<string, Date>();
  for (const { station, date } of entries) {
    if (!station) continue;
    const seen = latest.get(station);
    if (!seen || date.getTime() > seen.getTime()) latest.set(station, date);
  }
  return latest;
}

/** The most recent of a station's dates, or undefined when it has none. */
export function latestOf(dates: LatestDates): Date | undefined {
  let latest: Date | undefined;
  for (const kind of FRESHNESS_KINDS) {
    const d = dates[kind];
    if (d && (!latest || d.getTime() > latest.getTime())) latest = d;
  }
  return latest;
}

/**
 * Whether nothing happened within `days` days before `now`. A date in the future (an activity
 * announced ahead) counts as fresh; no date at all is stale.
 */
export function isStale(latest: Date | number | undefined, now: Date | number, days = STALE_DAYS): boolean {
  if (latest === undefined) return true;
  const t = typeof latest === 'number' ? latest : latest.getTime();
  if (Number.isNaN(t)) return true;
  const n = typeof now === 'number' ? now : now.getTime();
  return t < n - days * DAY_MS;
}
