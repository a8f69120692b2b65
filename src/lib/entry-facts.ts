/**
 * The bridge from content entries to the plain list logic of `lists.ts`: what each entry is
 * filtered, related and threaded by. (It sat in publishing.ts, which made lists.ts and
 * publishing.ts import each other.)
 */
import type { CollectionEntry } from 'astro:content';
import type { ItemFacts, PostFacts } from './lists.ts';

export function newsFacts(e: CollectionEntry<'news'>): ItemFacts {
  return { id: e.id, date: e.data.published, station: e.data.station?.id, category: e.data.category, tags: e.data.tags };
}

export function activityFacts(e: CollectionEntry<'activities'>): ItemFacts {
  return { id: e.id, date: e.data.start, station: e.data.station.id, kind: e.data.kind, tags: e.data.tags };
}

export function theoryFacts(e: CollectionEntry<'theory'>): ItemFacts {
  return { id: e.id, date: e.data.published, category: e.data.column.id, tags: e.data.tags };
}

export function exchangeFacts(e: CollectionEntry<'exchange'>): ItemFacts & PostFacts {
  return { id: e.id, date: e.data.published, station: e.data.station.id, topic: e.data.topic, tags: e.data.tags, replyTo: e.data.replyTo?.id };
}

export function diaryFacts(e: CollectionEntry<'diary'>): ItemFacts {
  return { id: e.id, date: e.data.date, station: e.data.station.id, tags: e.data.tags };
}
