/**
 * List logic shared by every section: pagination with stable addresses, filter pages with a
 * bounded number of combinations (one facet at a time), related items, previous/next and
 * exchange threads. Everything here is plain data in, plain data out.
 */
import { monthKey } from './dates.ts';
import { filterHref, pageHref } from './publishing.ts';

/** Entries per list page. */
export const PAGE_SIZE = 10;

/** One page of a list. */
export interface ListPage<T> {
  items: T[];
  /** 1-based page number. */
  page: number;
  /** Number of pages; at least 1, even for an empty list. */
  pages: number;
  /** Entries in the whole list. */
  total: number;
  /** Address of this page. */
  href: string;
  prevHref?: string;
  nextHref?: string;
}

/** Splits a list into pages; an empty list still has one (empty) page. */
export function paginate<T>(items: readonly T[], base: string, size: number = PAGE_SIZE): ListPage<T>[] {
  const pages = Math.max(1, Math.ceil(items.length / size));
  return Array.from({ length: pages }, (_, i) => {
    const page = i + 1;
    return {
      items: items.slice(i * size, page * size),
      page,
      pages,
      total: items.length,
      href: pageHref(base, page),
      prevHref: page > 1 ? pageHref(base, page - 1) : undefined,
      nextHref: page < pages ? pageHref(base, page + 1) : undefined,
    };
  });
}

/** A gap in a page window: pages left out between two shown numbers. */
export const PAGE_GAP = 'gap' as const;

/**
 * The page numbers a list page links to: the first and last page, and `around` pages either side
 * of the current one, with a gap where pages are left out (a gap of a single page shows that page
 * instead). A decade's news list has some 1,800 pages; linking every one from every page made
 * each page larger and slower to build as the archive grew (and the build grow with its square).
 */
export function pageWindow(page: number, pages: number, around = 2): (number | typeof PAGE_GAP)[] {
  const shown = new Set<number>([1, pages]);
  for (let n = page - around; n <= page + around; n++) if (n >= 1 && n <= pages) shown.add(n);
  const sorted = [...shown].filter((n) => n >= 1 && n <= pages).sort((a, b) => a - b);
  const out: (number | typeof PAGE_GAP)[] = [];
  for (const n of sorted) {
    const last = out.at(-1);
    if (typeof last === 'number' && n - last === 2) out.push(last + 1);
    else if (typeof last === 'number' && n - last > 2) out.push(PAGE_GAP);
    out.push(n);
  }
  return out;
}

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

/** What an item is filtered and related by. */
export interface ItemFacts {
  id: string;
  date: Date;
  station?: string;
  category?: string;
  kind?: string;
  topic?: string;
  tags?: readonly string[];
}

/** How many items on each side of `self`, in time, each shared station or tag list offers as candidates. */
export const RELATED_WINDOW = 12;

/**
 * Items related to `self`: scored by shared tags (2 each) and same station (1), excluding self
 * and items sharing nothing. Among equal scores the item nearest in time wins, then the newer,
 * then the smaller id, so the choice is stable from build to build.
 *
 * Candidates are the `RELATED_WINDOW` items nearest in time on each side of `self` in each list
 * it shares (its station's, each of its tags'), not the whole lists: a decade's archive has
 * thousands of entries per station or tag, so scanning them would make every article page cost
 * more as the archive grows (and the whole build grow with its square). The window keeps each
 * page's cost fixed and keeps an old article's related items from its own period instead of
 * pointing every page at the same few newest ones.
 */
export function relatedItems<T extends ItemFacts>(self: T, all: readonly T[], limit = 3, exclude?: (item: T) => boolean): T[] {
  const index = relatedIndex(all);
  const selfTags = new Set(self.tags ?? []);
  const candidates = new Set<T>();
  const gather = (list: readonly T[] | undefined) => {
    if (!list) return;
    const at = positionOf(list, self.id);
    // `self` is in every list of its keys when it comes from `all`; otherwise, where it would be.
    const centre = at >= 0 ? at : insertionPoint(list, self);
    const from = Math.max(0, centre - RELATED_WINDOW);
    const to = Math.min(list.length, centre + RELATED_WINDOW + 1);
    for (let i = from; i < to; i++) candidates.add(list[i] as T);
  };
  if (self.station !== undefined) gather(index.byStation.get(self.station));
  for (const tag of selfTags) gather(index.byTag.get(tag));
  type Ranked = { item: T; score: number; distance: number; time: number };
  const selfTime = self.date.getTime();
  const best: Ranked[] = [];
  const before = (a: Ranked, b: Ranked) =>
    a.score !== b.score
      ? a.score > b.score
      : a.distance !== b.distance
        ? a.distance < b.distance
        : a.time !== b.time
          ? a.time > b.time
          : a.item.id.localeCompare(b.item.id) < 0;
  for (const item of candidates) {
    if (item.id === self.id || exclude?.(item)) continue;
    let score = self.station !== undefined && item.station === self.station ? 1 : 0;
    const tags = item.tags ?? [];
    for (let i = 0; i < tags.length; i++) if (selfTags.has(tags[i] as string) && tags.indexOf(tags[i] as string) === i) score += 2;
    const time = item.date.getTime();
    const candidate = { item, score, distance: Math.abs(time - selfTime), time };
    // Insert in order, keeping only the best `limit`.
    let at = best.length;
    while (at > 0 && before(candidate, best[at - 1] as Ranked)) at--;
    if (at >= limit) continue;
    best.splice(at, 0, candidate);
    if (best.length > limit) best.pop();
  }
  return best.map((b) => b.item);
}

/** Newest first, then by id: the order of the related index's lists. */
function newestFirst(a: ItemFacts, b: ItemFacts): number {
  return b.date.getTime() - a.date.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Where `item` would go in a list sorted by `newestFirst` (binary search). */
function insertionPoint(list: readonly ItemFacts[], item: ItemFacts): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (newestFirst(list[mid] as ItemFacts, item) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

interface RelatedIndex<T> {
  byStation: Map<string, T[]>;
  byTag: Map<string, T[]>;
}
const relatedIndexes = new WeakMap<readonly ItemFacts[], RelatedIndex<ItemFacts>>();

/**
 * Items by station and by tag, each list newest first, built once per list (every article page
 * of a section shares it).
 */
function relatedIndex<T extends ItemFacts>(all: readonly T[]): RelatedIndex<T> {
  let index = relatedIndexes.get(all) as RelatedIndex<T> | undefined;
  if (!index) {
    index = { byStation: new Map(), byTag: new Map() };
    const add = (map: Map<string, T[]>, key: string, item: T) => {
      const list = map.get(key);
      if (list) list.push(item);
      else map.set(key, [item]);
    };
    for (const item of [...all].sort(newestFirst)) {
      if (item.station !== undefined) add(index.byStation, item.station, item);
      for (const tag of new Set(item.tags ?? [])) add(index.byTag, tag, item);
    }
    relatedIndexes.set(all, index as RelatedIndex<ItemFacts>);
  }
  return index;
}

const derivedValues = new WeakMap<object, Map<string, unknown>>();

/**
 * `derive(source)`, computed once per source and key. Content lists come from one cached query
 * per build, so a value every page needs (facts for related items, thread lists, tag labels) is
 * worked out once instead of once per page, which kept large builds from growing quadratically.
 */
export function derived<S extends object, R>(source: S, key: string, derive: (source: S) => R): R {
  let values = derivedValues.get(source);
  if (!values) derivedValues.set(source, (values = new Map()));
  if (!values.has(key)) values.set(key, derive(source));
  return values.get(key) as R;
}

const positions = new WeakMap<readonly { id: string }[], Map<string, number>>();

/**
 * Where the entry with this id is in a list (-1 when absent). The positions of a list are found
 * once and kept: every article page looks itself up in its section's list, and a scan per page
 * would make the build grow with the square of the number of entries.
 */
export function positionOf<T extends { id: string }>(list: readonly T[], id: string): number {
  let map = positions.get(list);
  if (!map) {
    map = new Map();
    for (let i = list.length - 1; i >= 0; i--) map.set((list[i] as T).id, i);
    positions.set(list, map);
  }
  return map.get(id) ?? -1;
}

/** The entry with this id in a list (see positionOf), or undefined. */
export function findById<T extends { id: string }>(list: readonly T[], id: string): T | undefined {
  return list[positionOf(list, id)];
}

/** Neighbours of an entry in a newest-first list: the newer one before it, the older one after. */
export function neighbours<T extends { id: string }>(list: readonly T[], id: string): { newer?: T; older?: T } {
  const i = positionOf(list, id);
  if (i < 0) return {};
  return { newer: list[i - 1], older: list[i + 1] };
}

/** A post of the exchange board, as far as threading is concerned. */
export interface PostFacts {
  id: string;
  date: Date;
  replyTo?: string;
}

/** An original post and all replies under it (replies to replies included), oldest reply first. */
export interface Thread<T> {
  root: T;
  replies: T[];
  /** Time of the latest post in the thread. */
  lastActivity: Date;
}

/**
 * The id of the original post a post belongs to. A reply to a missing post counts as an
 * original; in a reply loop (an editing mistake) the loop's smallest id is the original, so
 * every post of the loop lands in the same thread.
 */
export function rootId<T extends PostFacts>(byId: ReadonlyMap<string, T>, id: string): string {
  const path: string[] = [];
  let current = id;
  for (;;) {
    path.push(current);
    const parent = byId.get(current)?.replyTo;
    if (parent === undefined || !byId.has(parent)) return current;
    const loopStart = path.indexOf(parent);
    if (loopStart >= 0) return path.slice(loopStart).sort()[0] as string;
    current = parent;
  }
}

/**
 * The thread of each post, by post id: its root's and its replies'. A post page looks its thread
 * up here; searching the threads on every page cost 6,000 × 6,000 steps at 60,000 entries.
 * The first thread holding a post wins, as a search in thread order would find.
 */
export function threadIndex<T extends { id: string }>(threads: readonly Thread<T>[]): Map<string, Thread<T>> {
  const index = new Map<string, Thread<T>>();
  for (const thread of threads) {
    for (const post of [thread.root, ...thread.replies]) if (!index.has(post.id)) index.set(post.id, thread);
  }
  return index;
}

/** Threads of the board, the most recently active first. */
export function assembleThreads<T extends PostFacts>(posts: readonly T[]): Thread<T>[] {
  const byId = new Map(posts.map((p) => [p.id, p]));
  const groups = new Map<string, T[]>();
  for (const p of posts) {
    const root = rootId(byId, p.id);
    const members = groups.get(root);
    if (members) members.push(p);
    else groups.set(root, [p]);
  }
  const byTime = (a: T, b: T) => a.date.getTime() - b.date.getTime() || a.id.localeCompare(b.id);
  return [...groups]
    .map(([rid, members]) => {
      const root = byId.get(rid) as T;
      const replies = members.filter((m) => m.id !== rid).sort(byTime);
      const lastActivity = new Date(Math.max(root.date.getTime(), ...replies.map((r) => r.date.getTime())));
      return { root, replies, lastActivity };
    })
    .sort((a, b) => b.lastActivity.getTime() - a.lastActivity.getTime() || a.root.id.localeCompare(b.root.id));
}

/** Groups a newest-first list by Beijing calendar month ("2026-11"), keeping the order. */
export function groupByMonth<T extends { date: Date }>(items: readonly T[]): { month: string; items: T[] }[] {
  const groups: { month: string; items: T[] }[] = [];
  for (const item of items) {
    const month = monthKey(item.date);
    const last = groups.at(-1);
    if (last && last.month === month) last.items.push(item);
    else groups.push({ month, items: [item] });
  }
  return groups;
}

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
