/**
 * Addresses of the site, built here and nowhere else (pages and components call these helpers,
 * never a template literal). What each entry is filtered and related by is `entry-facts.ts`.
 */
import type { CollectionEntry } from 'astro:content';
import { monthKey } from './dates.ts';
import { CATEGORY_SLUGS, KIND_SLUGS, TOPIC_SLUGS, tagSlug } from './slugs.ts';

/** /news/<id>/ */
export const newsHref = (id: string) => `/news/${id}/`;
/** /activities/<id>/ */
export const activityHref = (id: string) => `/activities/${id}/`;
/** /activities/<id>/poster/ */
export const activityPosterHref = (id: string) => `${activityHref(id)}poster/`;
/** /activities/<id>/event.ics */
export const activityIcsHref = (id: string) => `${activityHref(id)}event.ics`;
/** /theory/<column>/ */
export const columnHref = (column: string) => `/theory/${column}/`;
/** /theory/<column>/<id>/ */
export const theoryHref = (column: string, id: string) => `${columnHref(column)}${id}/`;
/** /theory/<column>/rss.xml */
export const columnRssHref = (column: string) => `${columnHref(column)}rss.xml`;
/** /school/<course>/ */
export const courseHref = (course: string) => `/school/${course}/`;
/** /school/<course>/<lesson>/ */
export const lessonHref = (course: string, lesson: string) => `${courseHref(course)}${lesson}/`;
/** /school/<course>/exam/ */
export const examHref = (course: string) => `${courseHref(course)}exam/`;
/** A course's lessons in study order, as JSON for the school's scripts: /school/<course>/lessons.json */
export const courseLessonsHref = (course: string) => `${courseHref(course)}lessons.json`;
/** /stations/<id>/ */
export const stationHref = (id: string) => `/stations/${id}/`;
/** /stations/<id>/poster/ */
export const stationPosterHref = (id: string) => `${stationHref(id)}poster/`;
/** /stations/<id>/rss.xml */
export const stationRssHref = (id: string) => `${stationHref(id)}rss.xml`;
/** /stations/<id>/activities.ics */
export const stationIcsHref = (id: string) => `${stationHref(id)}activities.ics`;
/** /exchange/<id>/ */
export const exchangeHref = (id: string) => `/exchange/${id}/`;
/** The news feed. */
export const NEWS_RSS_HREF = '/news/rss.xml';
/** The calendar of every activity. */
export const ACTIVITIES_ICS_HREF = '/activities.ics';
/** A single page at the top level: /about/ */
export const singlePageHref = (id: string) => `/${encodeURIComponent(id)}/`;

/** Address of page `n` of a list whose first page is `base` (ends with "/"). */
export function pageHref(base: string, n: number): string {
  return n <= 1 ? base : `${base}page/${n}/`;
}

/** A filtered list: `<base><facet key>/<value slug>/`, e.g. /news/category/tongzhi/. */
export const filterHref = (base: string, key: string, value: string) => `${base}${key}/${value}/`;
/** /news/category/<slug>/ */
export const newsCategoryHref = (category: keyof typeof CATEGORY_SLUGS) => filterHref('/news/', 'category', CATEGORY_SLUGS[category]);
/** /news/tag/<slug>/ */
export const newsTagHref = (tag: string) => filterHref('/news/', 'tag', tagSlug(tag));
/** /activities/kind/<slug>/ */
export const activityKindHref = (kind: keyof typeof KIND_SLUGS) => filterHref('/activities/', 'kind', KIND_SLUGS[kind]);
/** /exchange/topic/<slug>/ */
export const exchangeTopicHref = (topic: keyof typeof TOPIC_SLUGS) => filterHref('/exchange/', 'topic', TOPIC_SLUGS[topic]);
/** /exchange/tag/<slug>/ */
export const exchangeTagHref = (tag: string) => filterHref('/exchange/', 'tag', tagSlug(tag));

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
      return newsHref(entry.id);
    case 'activities':
      return activityHref(entry.id);
    case 'theory':
      return theoryHref(entry.data.column.id, entry.id);
    case 'exchange':
      return exchangeHref(entry.id);
    case 'diary':
      return diaryHref(entry.id);
  }
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

/** Archive page of a month key: /diary/month/2026-11/ */
export const diaryMonthKeyHref = (month: string) => `/diary/month/${month}/`;

/** Archive page of the Beijing month an instant falls in: /diary/month/2026-11/ */
export function diaryMonthHref(date: Date): string {
  return diaryMonthKeyHref(monthKey(date));
}
