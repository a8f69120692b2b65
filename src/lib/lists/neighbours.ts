/**
 * Previous/next: an entry's position in a list, found by id without scanning it on every page.
 * Plain data in, plain data out.
 */
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
