/**
 * The search index is split into shards so that neither indexing memory nor the bytes of a
 * first search grow with the whole archive. Dated pages go to the shard of their period (a
 * calendar year by default, so a closed year's shard never changes); undated pages (stations,
 * lessons, single pages) go to the base shard. The base shard is Pagefind's primary bundle at
 * /pagefind/; every other shard is its own bundle at /pagefind/<id>/, merged in the browser with
 * `mergeIndex`. This module is shared by the indexer (Node) and the search page (browser).
 */

/** The shard of pages without a date. */
export const BASE_SHARD = 'base';

/** The file, inside the primary bundle, that lists the shards. */
export const MANIFEST_FILE = 'shards.json';

export interface ShardInfo {
  /** `base`, `2025` (a year) or `2025-04` (a period of fewer months, starting that month). */
  id: string;
  /** Bundle path, relative to the site root, with slashes at both ends. */
  path: string;
  /** Years whose pages this shard holds (empty for the base shard). */
  years: string[];
  /** Pages indexed. */
  pages: number;
}

export interface ShardManifest {
  /** Months per dated shard (12: one a year). */
  months: number;
  /** Shards: base first, then dated shards newest first. */
  shards: ShardInfo[];
  /** How many of the newest dated shards a first search loads (with the base shard). */
  recent: number;
}

/** Checks a shard length in months: a whole divisor of 12, so periods never straddle a year. */
export function validShardMonths(months: number): boolean {
  return Number.isInteger(months) && months > 0 && 12 % months === 0;
}

/**
 * The shard a page belongs to, from its Pagefind sort date (`2026-11-20T09:30`, Beijing time) or
 * its year filter when it has no sort date. `months` is the period length (12 = one shard a year).
 */
export function shardOf(date: { sortdate?: string; year?: string }, months = 12): string {
  if (!validShardMonths(months)) throw new Error(`shard length must divide 12 months, got ${months}`);
  const m = /^(\d{4})-(\d{2})/.exec(date.sortdate ?? '');
  const year = m?.[1] ?? (/^\d{4}$/.test(date.year ?? '') ? date.year : undefined);
  if (!year) return BASE_SHARD;
  if (months === 12) return year;
  // Without a month (only a year filter) the page goes to the year's first period.
  const month = m ? Number(m[2]) : 1;
  const start = Math.floor((month - 1) / months) * months + 1;
  return `${year}-${String(start).padStart(2, '0')}`;
}

/** The year of a shard id (undefined for the base shard). */
export function shardYear(id: string): string | undefined {
  return /^(\d{4})/.exec(id)?.[1];
}

/** The bundle path of a shard: the base shard is the primary bundle. */
export function shardPath(id: string): string {
  return id === BASE_SHARD ? '/pagefind/' : `/pagefind/${id}/`;
}

/** Shard ids in merge order: base first (the primary bundle), then dated shards newest first. */
export function mergeOrder(ids: Iterable<string>): string[] {
  const unique = [...new Set(ids)];
  const dated = unique.filter((id) => id !== BASE_SHARD).sort((a, b) => (a < b ? 1 : a > b ? -1 : 0));
  return [...(unique.includes(BASE_SHARD) ? [BASE_SHARD] : []), ...dated];
}

/**
 * The shards a search needs before it runs: the base shard and the `recent` newest dated
 * shards, plus every shard holding the filtered year (so a year filter finds old pages at once).
 * In merge order.
 */
export function firstShards(manifest: ShardManifest, year = ''): string[] {
  const order = mergeOrder(manifest.shards.map((s) => s.id));
  const dated = order.filter((id) => id !== BASE_SHARD);
  const wanted = new Set([BASE_SHARD, ...dated.slice(0, Math.max(0, manifest.recent))]);
  if (year) for (const s of manifest.shards) if (s.years.includes(year)) wanted.add(s.id);
  return order.filter((id) => wanted.has(id));
}

/**
 * How many of the newest dated shards count as recent: those of the current year and later (a
 * site announces future activities), at least one. Early in a year the current shard is small;
 * the search page then merges older shards because results run short.
 */
export function recentCount(ids: Iterable<string>, currentYear: string): number {
  const years = [...ids].map(shardYear).filter((y): y is string => y !== undefined);
  return Math.min(years.length, Math.max(1, years.filter((y) => y >= currentYear).length));
}

/**
 * Whether a search result belongs to a search over these shards, from the date and year the
 * page gave Pagefind. Pagefind searches every shard merged so far in the session; a search
 * keeps only its own shards, so the same address always gives the same results.
 */
export function inShards(shards: ReadonlySet<string>, months: number, page: { sortdate?: string; year?: string }): boolean {
  return shards.has(shardOf(page, months));
}

/** The next `count` shards to merge (newest not yet loaded first); all of them when count is omitted. */
export function nextShards(manifest: ShardManifest, loaded: Iterable<string>, count = Infinity): string[] {
  const have = new Set(loaded);
  return mergeOrder(manifest.shards.map((s) => s.id))
    .filter((id) => !have.has(id))
    .slice(0, count);
}

/** The years of the shards not yet loaded, for the "search older" control: `2024—2025`, `2025`, or undefined. */
export function unloadedYears(manifest: ShardManifest, loaded: Iterable<string>): string | undefined {
  const years = [...new Set(nextShards(manifest, loaded).map(shardYear))].filter((y): y is string => y !== undefined).sort();
  const from = years[0];
  const to = years[years.length - 1];
  return from === undefined ? undefined : from === to ? from : `${from}—${to}`;
}
