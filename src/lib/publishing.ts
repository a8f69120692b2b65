/**
 * Bridges content entries to the plain list logic of `lists.ts`: what each entry is filtered,
 * related and linked by. Addresses of entries are built here and nowhere else.
 */
import type { CollectionEntry } from 'astro:content';
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
      return diaryHref(entry.id);
  }
}

/**
 * Address of a single page: /<id>/. The id is a file name the validator has checked; it is
 * encoded all the same, so no id could ever turn into another path or another site's address.
 */
export function pageHref(id: string): string {
  return `/${encodeURIComponent(id)}/`;
}

/** A diary entry's own page: /diary/<id>/ */
export function diaryHref(id: string): string {
  return `/diary/${id}/`;
}

/** One station's diary list: /diary/station/<station>/ (the station facet of sections.ts). */
export function diaryStationHref(station: string): string {
  return `/diary/station/${station}/`;
}

/** The same entry inside its month archive, by its in-page anchor: /diary/month/2026-11/#<id> */
export function diaryAnchorHref(entry: { id: string; data: { date: Date } }): string {
  return `${diaryMonthHref(entry.data.date)}#${entry.id}`;
}

/** A lesson of the online party school: /school/<course>/<lesson>/ */
export function lessonHref(entry: { id: string; data: { course: { id: string } } }): string {
  return `/school/${entry.data.course.id}/${entry.id}/`;
}

/** The list of topics: /topics/ */
export const TOPICS_BASE = '/topics/';

/** One topic's page: /topics/<id>/ */
export function topicHref(id: string): string {
  return `${TOPICS_BASE}${id}/`;
}

/** One section of a topic, paginated: /topics/<id>/<section>/ */
export function topicSectionHref(id: string, section: string): string {
  return `${topicHref(id)}${section}/`;
}

/** One topic's RSS feed: /topics/<id>/rss.xml */
export function topicFeedHref(id: string): string {
  return `${topicHref(id)}rss.xml`;
}

/** Archive page of the Beijing month an instant falls in: /diary/month/2026-11/ */
export function diaryMonthHref(date: Date): string {
  return `/diary/month/${monthKey(date)}/`;
}

/** "2026-11" for an instant, in Beijing time. */
export function monthKey(date: Date): string {
  const d = new Date(date.getTime() + 8 * 60 * 60 * 1000);
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
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
