/**
 * Bridges content entries to the plain list logic of `lists.ts`: what each entry is filtered,
 * related and linked by. Addresses of entries are built here and nowhere else.
 */
import type { CollectionEntry } from 'astro:content';
import { monthKey } from './dates.ts';
import type { ItemFacts, PostFacts } from './lists.ts';

/** Where an entry of a dated collection lives. */
export function entryHref(
  entry:
    | CollectionEntry<'news'>
    | CollectionEntry<'activities'>
    | CollectionEntry<'theory'>
    | CollectionEntry<'exchange'>
    | CollectionEntry<'diary'>,
): string {
  switch (entry.collection) {
    case 'news':
      return `/news/${entry.id}/`;
    case 'activities':
      return `/activities/${entry.id}/`;
    case 'theory':
      return `/theory/${entry.data.column.id}/${entry.id}/`;
    case 'exchange':
      return `/exchange/${entry.id}/`;
    case 'diary':
      return `${diaryMonthHref(entry.data.date)}#${entry.id}`;
  }
}

/** Archive page of the Beijing month an instant falls in: /diary/month/2026-11/ */
export function diaryMonthHref(date: Date): string {
  return `/diary/month/${monthKey(date)}/`;
}


/** Street of a station id, from a lookup of station id → street id. */
type StreetOf = (station: string | undefined) => string | undefined;

export function newsFacts(e: CollectionEntry<'news'>, streetOf: StreetOf): ItemFacts {
  const station = e.data.station?.id;
  return { id: e.id, date: e.data.published, station, street: streetOf(station), category: e.data.category, tags: e.data.tags };
}

export function activityFacts(e: CollectionEntry<'activities'>, streetOf: StreetOf): ItemFacts {
  const station = e.data.station.id;
  return { id: e.id, date: e.data.start, station, street: streetOf(station), kind: e.data.kind, tags: e.data.tags };
}

export function theoryFacts(e: CollectionEntry<'theory'>): ItemFacts {
  return { id: e.id, date: e.data.published, category: e.data.column.id, tags: e.data.tags };
}

export function exchangeFacts(e: CollectionEntry<'exchange'>, streetOf: StreetOf): ItemFacts & PostFacts {
  const station = e.data.station.id;
  return {
    id: e.id,
    date: e.data.published,
    station,
    street: streetOf(station),
    topic: e.data.topic,
    tags: e.data.tags,
    replyTo: e.data.replyTo?.id,
  };
}

export function diaryFacts(e: CollectionEntry<'diary'>, streetOf: StreetOf): ItemFacts {
  const station = e.data.station.id;
  return { id: e.id, date: e.data.date, station, street: streetOf(station), tags: e.data.tags };
}
