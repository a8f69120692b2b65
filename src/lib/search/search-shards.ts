/**
 * The search index is split into shards so that neither indexing memory nor the bytes of a
 * first search grow with the whole archive. Dated pages go to the shard of their period (a
 * calendar year by default, so a closed year's shard never changes); undated pages (stations,
 * single pages) go to the base shard. Pages that name a shard of their own (the party school's
 * lessons: `school`) can grow without bound: they stay in the base shard while few, and get
 * their own shard, which a first search does not load, once they are many. The base shard is Pagefind's primary
 * bundle at /pagefind/; every other shard is its own bundle at /pagefind/<id>/, merged in the
 * browser with `mergeIndex`. This module is shared by the indexer (Node) and the search page (browser).
 */
import { PAGEFIND_BASE, pagefindShardHref } from '../publishing.ts';

/** The shard of pages without a date. */
export const BASE_SHARD = 'base';

/** The shard of the party school's course and lesson pages (undated, and as many as the school writes). */
export const SCHOOL_SHARD = 'school';

/**
 * Pages naming a shard stay in the base shard up to this many; more get a shard of their own,
 * loaded only when a search runs short, is filtered to their type, or the reader asks for more.
 * At about 20 bytes a page (Pagefind's metadata and a common word's index chunk, gzipped) this
 * keeps their share of a first search under 40 KB. Below it a shard of their own would cost
 * more: every bundle a search loads brings its own index chunk (29 KB for the demo's 15 lessons).
 */
export const FIRST_SEARCH_MAX_PAGES = 2000;

/** The file, inside the primary bundle, that lists the shards. */
export const MANIFEST_FILE = 'shards.json';

export interface ShardInfo {
  /** `base`, `school` (a named undated shard), `2025` (a year) or `2025-04` (a period of fewer months, starting that month). */
  id: string;
  /** Bundle path, relative to the site root, with slashes at both ends. */
  path: string;
  /** Years whose pages this shard holds (empty for the base shard). */
  years: string[];
  /** Pages indexed. */
  pages: number;
  /** Named undated shards: the type filter values of their pages (a search filtered to one loads the shard at once). */
  types?: string[];
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

/** Folder names Pagefind uses inside a bundle, where a named shard's bundle also lives. */
const BUNDLE_FOLDERS = new Set(['fragment', 'index', 'filter']);

/** Whether an id names an undated shard of its own (lower-case letters; not `base` nor a folder of Pagefind's). */
export function isNamedShard(id: string | undefined): id is string {
  return id !== undefined && id !== BASE_SHARD && !BUNDLE_FOLDERS.has(id) && /^[a-z]+$/.test(id);
}

/** What a page tells Pagefind that decides its shard: its sort date, year filter and named shard. */
export interface ShardMark {
  sortdate?: string | undefined;
  year?: string | undefined;
  /** A named undated shard the page asks for (`school`); a dated page ignores it. */
  shard?: string | undefined;
}

/**
 * The shard a page belongs to, from its Pagefind sort date (`2026-11-20T09:30`, Beijing time) or
 * its year filter when it has no sort date; an undated page goes to the shard it names, if any,
 * or to the base shard. `months` is the period length (12 = one shard a year).
 */
export function shardOf(date: ShardMark, months = 12): string {
  if (!validShardMonths(months)) throw new Error(`shard length must divide 12 months, got ${months}`);
  const m = /^(\d{4})-(\d{2})/.exec(date.sortdate ?? '');
  const year = m?.[1] ?? (/^\d{4}$/.test(date.year ?? '') ? date.year : undefined);
  if (!year) return isNamedShard(date.shard) ? date.shard : BASE_SHARD;
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
  return id === BASE_SHARD ? PAGEFIND_BASE : pagefindShardHref(id);
}

/**
 * Shard ids in merge order: base first (the primary bundle), then named undated shards (by
 * name), then dated shards newest first. A search that runs short widens in this order, so the
 * school's lessons come before older years.
 */
export function mergeOrder(ids: Iterable<string>): string[] {
  const unique = [...new Set(ids)];
  const named = unique.filter(isNamedShard).sort();
  const dated = unique.filter((id) => id !== BASE_SHARD && !isNamedShard(id)).sort((a, b) => (a < b ? 1 : a > b ? -1 : 0));
  return [...(unique.includes(BASE_SHARD) ? [BASE_SHARD] : []), ...named, ...dated];
}

/**
 * The shards a search needs before it runs: the base shard and the `recent` newest dated shards;
 * plus every shard holding the filtered year (so a year filter finds old pages at once) and every
 * named shard holding the filtered type. In merge order.
 */
export function firstShards(manifest: ShardManifest, year = '', type = ''): string[] {
  const order = mergeOrder(manifest.shards.map((s) => s.id));
  const dated = order.filter((id) => id !== BASE_SHARD && !isNamedShard(id));
  const wanted = new Set([BASE_SHARD, ...dated.slice(0, Math.max(0, manifest.recent))]);
  for (const s of manifest.shards) {
    if (type && isNamedShard(s.id) && s.types?.includes(type)) wanted.add(s.id);
    if (year && s.years.includes(year)) wanted.add(s.id);
  }
  return order.filter((id) => wanted.has(id));
}

/**
 * How many of the newest dated shards count as recent: those of the current period (`current`,
 * the shard id of the build's date: `2026`, or `2026-10` for quarters) and later (a site
 * announces future activities), at least one. Early in a period the current shard is small; the
 * search page then merges older shards because results run short.
 */
export function recentCount(ids: Iterable<string>, current: string): number {
  const dated = [...ids].filter((id) => shardYear(id) !== undefined);
  return Math.min(dated.length, Math.max(1, dated.filter((id) => id >= current).length));
}

/** Shard lengths the indexer chooses from, longest first: a year, a half-year, a quarter, a month. */
export const SHARD_MONTHS = [12, 6, 3, 1] as const;

/** The shard of a monthly shard id (`2026-11`) for a shard length: `2026`, `2026-07`, `2026-10`; other ids unchanged. */
export function periodOf(id: string, months: number): string {
  return /^\d{4}-\d{2}$/.test(id) ? shardOf({ sortdate: id }, months) : id;
}

/**
 * The shard length of a site, from its dated pages per month (`2026-11` → count): the longest
 * whose every period holds at most `maxPages` pages, so that the shard a first search loads stays
 * small as the district's archive grows (at 6,000 entries a year: quarters). A month when none does.
 */
export function chooseShardMonths(perMonth: ReadonlyMap<string, number>, maxPages = FIRST_SEARCH_MAX_PAGES): number {
  for (const months of SHARD_MONTHS) {
    const perPeriod = new Map<string, number>();
    for (const [id, pages] of perMonth) perPeriod.set(periodOf(id, months), (perPeriod.get(periodOf(id, months)) ?? 0) + pages);
    if ([...perPeriod.values()].every((pages) => pages <= maxPages)) return months;
  }
  return 1;
}

/**
 * Whether a search result belongs to a search over these shards, from the date and year the
 * page gave Pagefind. Pagefind searches every shard merged so far in the session; a search
 * keeps only its own shards, so the same address always gives the same results.
 */
export function inShards(shards: ReadonlySet<string>, months: number, page: ShardMark, present?: ReadonlySet<string>): boolean {
  return shards.has(placedIn(shardOf(page, months), present));
}

/** Where a page of shard `id` was indexed: a named shard that was not made (its pages were few) is in the base shard. */
export function placedIn(id: string, present?: ReadonlySet<string>): string {
  return present && isNamedShard(id) && !present.has(id) ? BASE_SHARD : id;
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

/** The named undated shards not yet loaded (`school`), for the "search more" control. */
export function unloadedNamed(manifest: ShardManifest, loaded: Iterable<string>): string[] {
  return nextShards(manifest, loaded).filter(isNamedShard);
}
