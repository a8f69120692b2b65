/**
 * What a content page tells Pagefind about itself: its type, station, street and year as
 * filters, its date as a sort key, and display metadata (date, image, buildings, column, author). Pages build a
 * SearchRecord; BaseLayout turns it into `data-pagefind-*` attributes via `searchAttributes`.
 */
import { formatDate, shanghaiParts } from '../dates.ts';

export interface SearchRecord {
  /** Content type shown and filtered on, from the dictionary (动态, 活动, 理论 …). */
  type: string;
  /** Official station name, when the page belongs to one station. */
  station?: string;
  /** Street (街道/社区) name, when known. */
  street?: string;
  /** Publish, start or entry date; gives the year filter and the date sort. */
  date?: Date;
  /** Image address and its text alternative. */
  image?: string;
  imageAlt?: string;
  /** Column, category or topic the entry is filed under (metadata only: not indexed as text). */
  column?: string;
  /** Author, when the entry names one (metadata only). */
  author?: string;
  /** Names of the buildings a station serves (station pages only). */
  buildings?: string[];
  /**
   * The named search shard of an undated page whose numbers can grow without bound (the school's
   * courses and lessons: `school`, see src/lib/search/search-shards.ts). Dated pages go by their date.
   */
  shard?: string;
}

/** One `data-pagefind-*` attribute to emit on an empty, hidden element. */
export interface SearchAttribute {
  kind: 'filter' | 'meta' | 'sort';
  key: string;
  value: string;
}

/** Lexically sortable Beijing-time key, e.g. 2026-11-20T09:30. */
export function sortKey(date: Date): string {
  const p = shanghaiParts(date);
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

/** A value for a `data-pagefind-*` "key:value" attribute: a comma would start a second pair. */
export function pagefindValue(value: string | undefined): string | undefined {
  return value?.replace(/[,\s]+/g, ' ').trim();
}

/** The Pagefind attributes a page carries, in a stable order; empty values are left out. */
export function searchAttributes(record: SearchRecord): SearchAttribute[] {
  const out: SearchAttribute[] = [];
  const add = (kind: SearchAttribute['kind'], key: string, value: string | undefined) => {
    const clean = pagefindValue(value);
    if (clean) out.push({ kind, key, value: clean });
  };
  add('filter', 'type', record.type);
  add('meta', 'type', record.type);
  add('filter', 'station', record.station);
  add('meta', 'station', record.station);
  add('filter', 'street', record.street);
  if (record.date) {
    add('filter', 'year', shanghaiParts(record.date).year);
    add('sort', 'date', sortKey(record.date));
    add('meta', 'date', formatDate(record.date));
    add('meta', 'sortdate', sortKey(record.date));
  }
  add('meta', 'image', record.image);
  add('meta', 'image_alt', record.imageAlt);
  add('meta', 'buildings', record.buildings?.join('、'));
  add('meta', 'column', record.column);
  add('meta', 'author', record.author);
  add('meta', 'shard', record.shard);
  return out;
}
