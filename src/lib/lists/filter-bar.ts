/**
 * The filter bar of a list page: one group of links per facet, and which one is current.
 * Plain data in, plain data out.
 */
import { filterHref } from '../publishing.ts';
import { type Facet, facetValues } from './facets.ts';
import { derived } from './memo.ts';

/** A link of a filter bar. */
export interface FilterLink {
  label: string;
  href: string;
  count: number;
  current: boolean;
}

/**
 * The links of one facet's filter bar: one per value that has items, pointing at
 * `<base><key>/<slug>/`. `order` "count" puts the most frequent first; "slug-desc" sorts by slug,
 * largest first (years: newest first).
 */
export function facetLinks<T>(
  items: readonly T[],
  base: string,
  facet: Facet<T>,
  labelOf: (slug: string) => string,
  current?: { key: string; value: string },
  order: 'count' | 'slug-desc' = 'count',
): FilterLink[] {
  const values = [...derived(items, `facet:${facet.key}`, () => facetValues(items, facet.values))];
  if (order === 'slug-desc') values.sort((a, b) => b.value.localeCompare(a.value));
  return values.map((v) => ({
    label: labelOf(v.value),
    href: filterHref(base, facet.key, v.value),
    count: v.count,
    current: current?.key === facet.key && current.value === v.value,
  }));
}

/** How one facet appears in a list's filter bar. */
export interface FacetSpec<T> {
  facet: Facet<T>;
  /** Heading of the facet's group, e.g. 栏目. */
  group: string;
  /** The label shown for one of its slugs. */
  labelOf: (slug: string) => string;
  order?: 'count' | 'slug-desc';
  /** Start folded (many values, e.g. 31 stations). */
  fold?: boolean;
}

/** Everything a list page's filter bar needs: the groups, the active filter and its base address. */
export interface FilterNav {
  groups: { label: string; links: FilterLink[]; fold?: boolean }[];
  filter?: { label: string; value: string };
  listBase: string;
}

/** Builds a list page's filter bar from its facet specs and the filter the page shows, if any. */
export function filterNav<T>(items: readonly T[], base: string, specs: readonly FacetSpec<T>[], current?: { key: string; value: string }): FilterNav {
  const groups = specs.map((s) => ({
    label: s.group,
    links: facetLinks(items, base, s.facet, s.labelOf, current, s.order),
    ...(s.fold ? { fold: true } : {}),
  }));
  const active = current && specs.find((s) => s.facet.key === current.key);
  return {
    groups,
    filter: current && active ? { label: active.group, value: active.labelOf(current.value) } : undefined,
    listBase: current ? `${base}${current.key}/${current.value}/` : base,
  };
}
