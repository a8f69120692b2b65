/**
 * Re-ranks Pagefind results the way a Chinese reader expects. Pagefind segments Chinese but can
 * fall back to single characters, so a query 地铁 may match a page that only contains 绿地.
 * Here a query is split on whitespace into terms; a term counts only where it appears
 * contiguously, as written (case- and width-insensitive). Pages that contain every term come
 * first, ordered by where they match; pages with only some terms come after, in a separate
 * group; pages with none of the terms are dropped.
 */

/** What the ranking needs of one Pagefind result (its `data()`). */
export interface SearchCandidate {
  url: string;
  /** Full indexed text of the page. */
  content: string;
  meta: Record<string, string | undefined>;
  filters?: Record<string, string[] | undefined>;
}

/** How well a candidate matches, best first. */
export const TIERS = [
  'station-for-building', // a station page whose building or station name holds every term
  'phrase-in-title', // the whole query, as written, in the title
  'terms-in-title', // every term in the title
  'phrase-in-text', // the whole query, as written, in the text
  'terms-in-text', // every term somewhere on the page
  'some-terms', // only some of the terms: shown apart
] as const;
export type Tier = (typeof TIERS)[number];

export interface Ranked<C extends SearchCandidate> {
  item: C;
  tier: Tier;
}

export interface RankedResults<C extends SearchCandidate> {
  /** Pages that contain every term as written. */
  full: Ranked<C>[];
  /** Pages that contain only some of the terms. */
  partial: Ranked<C>[];
  /** How many candidates held none of the terms. */
  dropped: number;
}

export type SortOrder = 'relevance' | 'date';

/** Folds width and case (全角 ＡＢＣ１ → abc1) so Latin and digits match however typed. */
export function normalize(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/**
 * Whitespace between Chinese characters removed: Chinese has no spaces, but extracted text may
 * gain some between elements. Spaces between Latin words or numbers stay (20 26 is not 2026).
 */
function compact(text: string): string {
  return text.replace(/(\p{Script=Han})\s+(?=\p{Script=Han})/gu, '$1');
}

const EDGE_PUNCTUATION = /^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu;

/** The query's words: split on whitespace (including 全角 spaces), edge punctuation trimmed, duplicates removed. */
export function queryTerms(query: string): string[] {
  const terms = normalize(query)
    .split(/\s+/)
    .map((t) => t.replace(EDGE_PUNCTUATION, ''))
    .filter((t) => t.length > 0);
  return [...new Set(terms)];
}

/** True when `term` occurs contiguously in `text` (both already normalized). */
function has(text: string, term: string): boolean {
  return text.includes(term) || compact(text).includes(term);
}

/** The tier of one candidate for these terms, or undefined when it holds none of them. */
export function tierOf(terms: string[], candidate: SearchCandidate): Tier | undefined {
  if (terms.length === 0) return undefined;
  const title = normalize(candidate.meta.title ?? '');
  const text = normalize(candidate.content);
  const phrase = compact(terms.join(' '));
  const names = [...(candidate.meta.buildings ?? '').split('、'), candidate.meta.buildings ? (candidate.meta.station ?? '') : '']
    .map(normalize)
    .filter((n) => n.length > 0);
  if (names.length > 0 && terms.every((t) => names.some((n) => has(n, t)))) return 'station-for-building';
  if (has(title, phrase)) return 'phrase-in-title';
  if (terms.every((t) => has(title, t))) return 'terms-in-title';
  const page = `${title}\n${text}`;
  if (has(text, phrase)) return 'phrase-in-text';
  const found = terms.filter((t) => has(page, t)).length;
  if (found === terms.length) return 'terms-in-text';
  if (found > 0) return 'some-terms';
  return undefined;
}

/**
 * Orders Pagefind's candidates (given in Pagefind's relevance order) for the query. By relevance:
 * by tier, Pagefind's order within a tier. By date: newest first within each group (the
 * `sortdate` meta, ISO-like), undated pages last.
 */
export function rankResults<C extends SearchCandidate>(query: string, candidates: C[], sort: SortOrder = 'relevance'): RankedResults<C> {
  const terms = queryTerms(query);
  const ranked: Ranked<C>[] = [];
  let dropped = 0;
  for (const item of candidates) {
    const tier = tierOf(terms, item);
    if (tier) ranked.push({ item, tier });
    else dropped += 1;
  }
  const byTier = (a: Ranked<C>, b: Ranked<C>) => TIERS.indexOf(a.tier) - TIERS.indexOf(b.tier);
  const byDate = (a: Ranked<C>, b: Ranked<C>) => {
    const da = a.item.meta.sortdate ?? '';
    const db = b.item.meta.sortdate ?? '';
    return da === db ? 0 : da === '' ? 1 : db === '' ? -1 : da < db ? 1 : -1;
  };
  const order = sort === 'date' ? byDate : byTier;
  const full = ranked.filter((r) => r.tier !== 'some-terms').sort(order);
  const partial = ranked.filter((r) => r.tier === 'some-terms').sort(sort === 'date' ? byDate : () => 0);
  return { full, partial, dropped };
}

/**
 * Whether to fetch another batch of result data. Each costs a request, so stop once enough full
 * matches are in hand, when Pagefind has no more, at the cap, or when the last batch kept nothing
 * (Pagefind orders by relevance, so what follows a batch of single-character coincidences is more
 * of them).
 */
export function shouldFetchMore(state: { fetched: number; total: number; full: number; lastBatchKept?: number }, enough = 10, cap = 40): boolean {
  if (state.lastBatchKept === 0) return false;
  return state.fetched < state.total && state.fetched < cap && state.full < enough;
}

/** A section of a page that Pagefind matched (a heading with an id and the text under it). */
export interface SubResult {
  title: string;
  url: string;
  excerpt: string;
}

/**
 * For pages that hold several entries (the diary's month pages), the entry to link to: the first
 * section whose title or excerpt holds every term as written, else the first section.
 */
export function pickSubResult<S extends SubResult>(query: string, subs: S[]): S | undefined {
  const terms = queryTerms(query);
  const text = (s: S) => normalize(`${s.title}\n${s.excerpt.replace(/<[^>]*>/g, '')}`);
  return subs.find((s) => terms.length > 0 && terms.every((t) => has(text(s), t))) ?? subs[0];
}
