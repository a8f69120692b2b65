/**
 * Filter pages with a bounded number of combinations (one facet at a time): the static routes of a
 * list and its filters, and the values a facet takes.
 * Plain data in, plain data out.
 */
import { filterHref } from '../publishing.ts';
import { type ListPage, paginate } from './pagination.ts';

/** A way to filter a list: its address segment and the slugs an item has for it. */
export interface Facet<T> {
  /** Address segment, e.g. "category" gives /news/category/<slug>/. */
  key: string;
  /** Slugs of the item for this facet (none, one or several). */
  values: (item: T) => readonly string[];
}

/** A list page at a static address, ready for getStaticPaths. */
export interface RoutedPage<T> extends ListPage<T> {
  /** The rest parameter: undefined for the base page, else e.g. "category/tongzhi/page/2". */
  path: string | undefined;
  /** The facet this page filters by, if any. */
  filter?: { key: string; value: string };
}

function restOf(base: string, href: string): string | undefined {
  const rest = href.slice(base.length).replace(/\/$/, '');
  return rest === '' ? undefined : rest;
}

/**
 * Every page of a list and of its filter pages: the whole list at `base`, and one paginated
 * list per facet value at `base/<key>/<slug>/`. Only values some item has get a page, so the
 * number of pages stays bounded by the data.
 */
export function listRoutes<T>(items: readonly T[], base: string, facets: readonly Facet<T>[] = []): RoutedPage<T>[] {
  const routes: RoutedPage<T>[] = paginate(items, base).map((p) => ({ ...p, path: restOf(base, p.href) }));
  for (const facet of facets) {
    for (const value of facetValues(items, facet.values)) {
      const filterBase = filterHref(base, facet.key, value.value);
      const matching = items.filter((item) => facet.values(item).includes(value.value));
      for (const p of paginate(matching, filterBase)) {
        routes.push({ ...p, path: restOf(base, p.href), filter: { key: facet.key, value: value.value } });
      }
    }
  }
  return routes;
}

/** Distinct values of a facet with how many items have each, most frequent first, then by value. */
export function facetValues<T>(items: readonly T[], values: (item: T) => readonly string[]): { value: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const item of items) for (const v of new Set(values(item))) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}
