/**
 * The search page's state lives in its address (/search/?q=…&type=…&station=…&year=…&sort=date)
 * so a search can be linked, bookmarked and walked back with the Back button.
 */
import type { SortOrder } from './search-rank.ts';

export interface SearchState {
  q: string;
  type: string;
  station: string;
  year: string;
  sort: SortOrder;
}

/** The filters the page offers, in the order they are shown; each is a Pagefind filter key. */
export const FILTER_KEYS = ['type', 'station', 'year'] as const;

/** Reads the state from an address's query string; unknown values fall back to defaults. */
export function readState(params: URLSearchParams): SearchState {
  const get = (key: string) => (params.get(key) ?? '').trim();
  return { q: get('q'), type: get('type'), station: get('station'), year: get('year'), sort: get('sort') === 'date' ? 'date' : 'relevance' };
}

/** The query string for a state, leaving out empty filters and the default sort. */
export function writeState(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const key of FILTER_KEYS) if (state[key]) params.set(key, state[key]);
  if (state.sort === 'date') params.set('sort', 'date');
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The Pagefind `filters` option for a state: only the filters that are set. */
export function pagefindFilters(state: SearchState): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of FILTER_KEYS) if (state[key]) out[key] = state[key];
  return out;
}

/**
 * Filter options to offer: the values the site has (the search page lists them at build time),
 * in a stable order (types in the given order, years newest first, others by Chinese
 * collation), plus the current value even when it is not among them, so an address's choice is
 * never silently lost.
 */
export function filterOptions(key: string, counts: Record<string, number>, current: string, typeOrder: string[] = []): string[] {
  const values = new Set(Object.keys(counts));
  if (current) values.add(current);
  const list = [...values];
  if (key === 'year') return list.sort((a, b) => b.localeCompare(a));
  if (key === 'type') {
    const rank = (v: string) => (typeOrder.includes(v) ? typeOrder.indexOf(v) : typeOrder.length);
    return list.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b, 'zh-CN'));
  }
  return list.sort((a, b) => a.localeCompare(b, 'zh-CN'));
}

/** How many filters are set (the sort order is not a filter); shown on the folded 筛选 button. */
export function activeFilterCount(state: SearchState): number {
  return FILTER_KEYS.filter((key) => state[key] !== '').length;
}
