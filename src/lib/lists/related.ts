/**
 * Related items: what an entry is filtered and related by, and the few entries nearest to it in
 * time that share its station or tags.
 * Plain data in, plain data out.
 */
import { positionOf } from './neighbours.ts';

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
    relatedIndexes.set(all, index);
  }
  return index;
}
