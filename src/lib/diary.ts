/** Diary logic: an entry's neighbours are the entries of the same station, not of the whole diary. */
import { neighbours } from './lists/neighbours.ts';

/** What a diary entry is placed by. */
export interface DiaryFacts {
  id: string;
  station: string;
}

/** A newest-first list split by station, each part keeping the list's order. */
export function byStation<T extends DiaryFacts>(list: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of list) {
    const own = out.get(item.station);
    if (own) own.push(item);
    else out.set(item.station, [item]);
  }
  return out;
}

/**
 * 上一篇 (newer) and 下一篇 (older) of an entry among its own station's entries, given the
 * newest-first list already split by station (see byStation).
 */
export function stationNeighbours<T extends DiaryFacts>(stations: ReadonlyMap<string, readonly T[]>, self: DiaryFacts): { newer?: T; older?: T } {
  return neighbours(stations.get(self.station) ?? [], self.id);
}
