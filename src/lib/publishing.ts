/**
 * Addresses of the site, built here and nowhere else (pages and components call these helpers,
 * never a template literal). What each entry is filtered and related by is `entry-facts.ts`.
 */
import type { CollectionEntry } from 'astro:content';
import { monthKey } from './dates.ts';
import { CATEGORY_SLUGS, KIND_SLUGS, TOPIC_SLUGS, tagSlug } from './slugs.ts';

/** The home page. */
export const HOME_HREF = '/';
/** Section roots, each the first page of its section's list (the nav, lists and breadcrumbs use these). */
export const NEWS_BASE = '/news/';
export const ACTIVITIES_BASE = '/activities/';
export const THEORY_BASE = '/theory/';
export const SCHOOL_BASE = '/school/';
export const STATIONS_BASE = '/stations/';
export const EXCHANGE_BASE = '/exchange/';
export const DIARY_BASE = '/diary/';
/** The list of topics: /topics/ */
export const TOPICS_BASE = '/topics/';
export const STATS_BASE = '/stats/';
/** The search page: /search/ */
export const SEARCH_HREF = '/search/';
/** The human-readable site map (网站地图): /sitemap/ */
export const SITEMAP_HREF = '/sitemap/';
/** The XML sitemap index written by @astrojs/sitemap. */
export const SITEMAP_XML_HREF = '/sitemap-index.xml';
/** The feed of every section together. */
export const SITE_RSS_HREF = '/rss.xml';
/** The site icon. */
export const FAVICON_HREF = '/favicon.svg';
/** The school's study record (学习记录): /school/record/ */
export const SCHOOL_RECORD_HREF = `${SCHOOL_BASE}record/`;
/** The daily question (每日一题): /school/daily/ */
export const SCHOOL_DAILY_HREF = `${SCHOOL_BASE}daily/`;
/** The school's web app manifest. */
export const SCHOOL_MANIFEST_HREF = '/school.webmanifest';
/** The school's service worker (its scope is SCHOOL_BASE). */
export const SCHOOL_SW_HREF = `${SCHOOL_BASE}sw.js`;
/** Station figures as CSV: /stats/stations.csv */
export const STATS_CSV_HREF = `${STATS_BASE}stations.csv`;
/** Pagefind's base bundle; a named or dated shard lives in a folder below it. */
export const PAGEFIND_BASE = '/pagefind/';
/** /pagefind/<shard>/ */
export const pagefindShardHref = (shard: string) => `${PAGEFIND_BASE}${shard}/`;
/** Decap CMS: its page, settings, bundle and preview styles. */
export const ADMIN_BASE = '/admin/';
export const ADMIN_CONFIG_HREF = `${ADMIN_BASE}config.yml`;
export const ADMIN_DECAP_HREF = `${ADMIN_BASE}decap/decap-cms.js`;
export const ADMIN_PREVIEW_CSS_HREF = `${ADMIN_BASE}preview.css`;
/** Where uploaded media are served from (the CMS's public_folder). */
export const MEDIA_UPLOADS_PATH = '/media/uploads';

/** /news/<id>/ */
export const newsHref = (id: string) => `${NEWS_BASE}${id}/`;
/** /activities/<id>/ */
export const activityHref = (id: string) => `${ACTIVITIES_BASE}${id}/`;
/** /activities/<id>/poster/ */
export const activityPosterHref = (id: string) => `${activityHref(id)}poster/`;
/** /activities/<id>/event.ics */
export const activityIcsHref = (id: string) => `${activityHref(id)}event.ics`;
/** /theory/<column>/ */
export const columnHref = (column: string) => `${THEORY_BASE}${column}/`;
/** /theory/<column>/<id>/ */
export const theoryHref = (column: string, id: string) => `${columnHref(column)}${id}/`;
/** /theory/<column>/rss.xml */
export const columnRssHref = (column: string) => `${columnHref(column)}rss.xml`;
/** /school/<course>/ */
export const courseHref = (course: string) => `${SCHOOL_BASE}${course}/`;
/** /school/<course>/<lesson>/ */
export const lessonHref = (course: string, lesson: string) => `${courseHref(course)}${lesson}/`;
/** /school/<course>/exam/ */
export const examHref = (course: string) => `${courseHref(course)}exam/`;
/** A course's lessons in study order, as JSON for the school's scripts: /school/<course>/lessons.json */
export const courseLessonsHref = (course: string) => `${courseHref(course)}lessons.json`;
/** A course's save list for 离线保存本课程: /school/<course>/offline.json */
export const courseOfflineHref = (course: string) => `${courseHref(course)}offline.json`;
/** /stations/<id>/ */
export const stationHref = (id: string) => `${STATIONS_BASE}${id}/`;
/** /stations/<id>/poster/ */
export const stationPosterHref = (id: string) => `${stationHref(id)}poster/`;
/** /stations/<id>/rss.xml */
export const stationRssHref = (id: string) => `${stationHref(id)}rss.xml`;
/** /stations/<id>/activities.ics */
export const stationIcsHref = (id: string) => `${stationHref(id)}activities.ics`;
/** /exchange/<id>/ */
export const exchangeHref = (id: string) => `${EXCHANGE_BASE}${id}/`;
/** The news feed. */
export const NEWS_RSS_HREF = `${NEWS_BASE}rss.xml`;
/** The calendar of every activity. */
export const ACTIVITIES_ICS_HREF = '/activities.ics';
/** A single page at the top level: /about/ */
export const singlePageHref = (id: string) => `/${encodeURIComponent(id)}/`;

/** The rest parameter of page `n` of a paginated route (`[...page]`): none for the first page, else `page/<n>`. */
export function pageParam(n: number): string | undefined {
  return n <= 1 ? undefined : `page/${n}`;
}

/** Address of page `n` of a list whose first page is `base` (ends with "/"). */
export function pageHref(base: string, n: number): string {
  const rest = pageParam(n);
  return rest ? `${base}${rest}/` : base;
}

/** A filtered list: `<base><facet key>/<value slug>/`, e.g. /news/category/tongzhi/. */
export const filterHref = (base: string, key: string, value: string) => `${base}${key}/${value}/`;
/** /news/category/<slug>/ */
export const newsCategoryHref = (category: keyof typeof CATEGORY_SLUGS) => filterHref(NEWS_BASE, 'category', CATEGORY_SLUGS[category]);
/** /news/tag/<slug>/ */
export const newsTagHref = (tag: string) => filterHref(NEWS_BASE, 'tag', tagSlug(tag));
/** /activities/kind/<slug>/ */
export const activityKindHref = (kind: keyof typeof KIND_SLUGS) => filterHref(ACTIVITIES_BASE, 'kind', KIND_SLUGS[kind]);
/** /exchange/topic/<slug>/ */
export const exchangeTopicHref = (topic: keyof typeof TOPIC_SLUGS) => filterHref(EXCHANGE_BASE, 'topic', TOPIC_SLUGS[topic]);
/** /exchange/tag/<slug>/ */
export const exchangeTagHref = (tag: string) => filterHref(EXCHANGE_BASE, 'tag', tagSlug(tag));

/** Where an entry of a dated collection lives. */
export function entryHref(
  entry: CollectionEntry<'news'> | CollectionEntry<'activities'> | CollectionEntry<'theory'> | CollectionEntry<'exchange'> | CollectionEntry<'diary'>,
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
  return `${DIARY_BASE}${id}/`;
}

/** One station's diary list: /diary/station/<station>/ (the station facet of sections.ts). */
export function diaryStationHref(station: string): string {
  return filterHref(DIARY_BASE, 'station', station);
}

/** The same entry inside its month archive, by its in-page anchor: /diary/month/2026-11/#<id> */
export function diaryAnchorHref(entry: { id: string; data: { date: Date } }): string {
  return `${diaryMonthHref(entry.data.date)}#${entry.id}`;
}

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
export const diaryMonthKeyHref = (month: string) => `${DIARY_BASE}month/${month}/`;

/** Archive page of the Beijing month an instant falls in: /diary/month/2026-11/ */
export function diaryMonthHref(date: Date): string {
  return diaryMonthKeyHref(monthKey(date));
}
