/**
 * The sections of dated entries, defined once: the `SECTIONS` table gives each its base address,
 * words, how an entry is dated and tied to a station, its filter facets and filter bar, how an
 * entry becomes a feed item, and its "latest" block on station pages. The four list routes
 * (news, activities, exchange, diary), `feeds/feed-entries.content.ts` and the station pages all read it.
 * getStaticPaths (which cannot see a page's own constants) and the page body both read the
 * facets from here. The street facet needs the station → street map from the data, so each
 * section has a function (newsFacets, …) that adds it to the section's fixed facets.
 */
import type { CollectionEntry } from 'astro:content';
import { t } from '../i18n/t.ts';
import type { MessageKey } from '../i18n/zh-CN.ts';
import { formatActivityTime } from './activity-phase.ts';
import { shanghaiYear } from './dates.ts';
import { textOfHtml, type FeedItem } from './feeds/feeds.ts';
import type { Facet } from './lists/facets.ts';
import type { FacetSpec } from './lists/filter-bar.ts';
import { ACTIVITIES_BASE, ACTIVITIES_ICS_HREF, DIARY_BASE, entryHref, EXCHANGE_BASE, NEWS_BASE, NEWS_RSS_HREF, THEORY_BASE } from './publishing.ts';
import { CATEGORY_SLUGS, fromSlug, KIND_SLUGS, TOPIC_SLUGS, tagSlug } from './slugs.ts';

/** Characters of a diary entry's text that its feed item carries. */
const DIARY_DESCRIPTION_LENGTH = 120;

/** Station id → street id. */
export type StreetIndex = ReadonlyMap<string, string>;

/** The station → street map of the given stations (e.g. `(await stationMap()).values()`). */
export function streetIndex(stations: Iterable<{ id: string; street: { id: string } }>): Map<string, string> {
  return new Map([...stations].map((s) => [s.id, s.street.id]));
}

/** The street facet: an entry's street is its station's; an entry without a station has none. */
export function streetFacet<T>(streets: StreetIndex, stationOf: (item: T) => string | undefined): Facet<T> {
  return {
    key: 'street',
    values: (item) => {
      const station = stationOf(item);
      const street = station === undefined ? undefined : streets.get(station);
      return street === undefined ? [] : [street];
    },
  };
}

type Facets<C extends 'news' | 'activities' | 'exchange' | 'diary'> = Record<string, Facet<CollectionEntry<C>>>;

export const NEWS_FACETS = {
  category: { key: 'category', values: (e) => [CATEGORY_SLUGS[e.data.category]] },
  station: { key: 'station', values: (e) => (e.data.station ? [e.data.station.id] : []) },
  year: { key: 'year', values: (e) => [String(shanghaiYear(e.data.published))] },
  tag: { key: 'tag', values: (e) => e.data.tags.map(tagSlug) },
} satisfies Facets<'news'>;

/** The news facets with the street facet (district-wide news has no street). */
export function newsFacets(streets: StreetIndex) {
  return { ...NEWS_FACETS, street: streetFacet<CollectionEntry<'news'>>(streets, (e) => e.data.station?.id) } satisfies Facets<'news'>;
}

export const ACTIVITY_FACETS = {
  kind: { key: 'kind', values: (e) => [KIND_SLUGS[e.data.kind]] },
  station: { key: 'station', values: (e) => [e.data.station.id] },
  year: { key: 'year', values: (e) => [String(shanghaiYear(e.data.start))] },
} satisfies Facets<'activities'>;

/** The activities facets with the street facet. */
export function activityFacets(streets: StreetIndex) {
  return { ...ACTIVITY_FACETS, street: streetFacet<CollectionEntry<'activities'>>(streets, (e) => e.data.station.id) } satisfies Facets<'activities'>;
}

export const EXCHANGE_FACETS = {
  topic: { key: 'topic', values: (e) => [TOPIC_SLUGS[e.data.topic]] },
  station: { key: 'station', values: (e) => [e.data.station.id] },
  tag: { key: 'tag', values: (e) => e.data.tags.map(tagSlug) },
} satisfies Facets<'exchange'>;

/** The exchange facets with the street facet. */
export function exchangeFacets(streets: StreetIndex) {
  return { ...EXCHANGE_FACETS, street: streetFacet<CollectionEntry<'exchange'>>(streets, (e) => e.data.station.id) } satisfies Facets<'exchange'>;
}

export const DIARY_FACETS = {
  station: { key: 'station', values: (e) => [e.data.station.id] },
} satisfies Facets<'diary'>;

/** The diary facets with the street facet. */
export function diaryFacets(streets: StreetIndex) {
  return { ...DIARY_FACETS, street: streetFacet<CollectionEntry<'diary'>>(streets, (e) => e.data.station.id) } satisfies Facets<'diary'>;
}

/** The sections with a list route of their own. */
export const LIST_SECTIONS = ['news', 'activities', 'exchange', 'diary'] as const;
export type ListSection = (typeof LIST_SECTIONS)[number];
/** The sections whose entries go into feeds (theory's list routes are per column). */
export type FeedSection = ListSection | 'theory';

/** What a filter bar knows from the data to name a value. */
export interface LabelContext {
  station: (id: string) => string;
  street: (id: string) => string;
  tag: (slug: string) => string;
}

/** One group of a list's filter bar: which facet, its heading, how a value is named. */
export interface FilterDef {
  key: string;
  group: MessageKey;
  label: (slug: string, names: LabelContext) => string;
  order?: 'count' | 'slug-desc';
  fold?: boolean;
}

/** What a feed item needs besides the entry: theory columns' titles. */
export interface FeedContext {
  columnTitle: (id: string) => string;
}

export interface SectionDef<C extends FeedSection> {
  base: string;
  /** When an entry happened: the list order, the year facet and the feed date. */
  dateOf: (e: CollectionEntry<C>) => Date;
  /** The station an entry belongs to, if any. */
  stationOf: (e: CollectionEntry<C>) => string | undefined;
  feedItem: (e: CollectionEntry<C>, context: FeedContext) => FeedItem;
}

export interface ListSectionDef<C extends ListSection> extends SectionDef<C> {
  title: MessageKey;
  description: MessageKey;
  /** The section's facets, street included. */
  facets: (streets: StreetIndex) => Record<string, Facet<CollectionEntry<C>>>;
  /** The filter bar, in order. */
  filters: readonly FilterDef[];
  /** The section's feed, linked from its list pages. */
  feed?: { title: MessageKey; href: string; type?: 'text/calendar' };
  /** The block on a station page: its anchor id, heading and empty text. */
  latest: { id: string; heading: MessageKey; empty: MessageKey };
}

const byStation: FilterDef = { key: 'station', group: 'filter.station', label: (s, n) => n.station(s), fold: true };
const byStreet: FilterDef = { key: 'street', group: 'filter.street', label: (s, n) => n.street(s), fold: true };
const byYear: FilterDef = { key: 'year', group: 'filter.year', label: (s) => t('filter.yearValue', { year: s }), order: 'slug-desc' };
const byTag: FilterDef = { key: 'tag', group: 'filter.tag', label: (s, n) => n.tag(s), fold: true };

/** The sections of dated entries. */
export const SECTIONS: { [C in ListSection]: ListSectionDef<C> } & { theory: SectionDef<'theory'> } = {
  news: {
    base: NEWS_BASE,
    title: 'news.title',
    description: 'news.description',
    dateOf: (e) => e.data.published,
    stationOf: (e) => e.data.station?.id,
    facets: newsFacets,
    filters: [{ key: 'category', group: 'filter.category', label: (s) => fromSlug(CATEGORY_SLUGS, s) ?? s }, byYear, byStation, byStreet, byTag],
    feedItem: (e) => ({
      title: e.data.title,
      link: entryHref(e),
      pubDate: e.data.published,
      description: e.data.summary,
      categories: [e.data.category, ...e.data.tags],
    }),
    feed: { title: 'feed.news', href: NEWS_RSS_HREF },
    latest: { id: 'news', heading: 'stations.news', empty: 'stations.news.empty' },
  },
  activities: {
    base: ACTIVITIES_BASE,
    title: 'activities.title',
    description: 'activities.description',
    dateOf: (e) => e.data.start,
    stationOf: (e) => e.data.station.id,
    facets: activityFacets,
    filters: [{ key: 'kind', group: 'filter.kind', label: (s) => fromSlug(KIND_SLUGS, s) ?? s }, byYear, byStation, byStreet],
    feedItem: (e) => ({
      title: e.data.cancelled ? t('feed.cancelled', { title: e.data.title }) : e.data.title,
      link: entryHref(e),
      pubDate: e.data.start,
      description: `${formatActivityTime(e.data.start, e.data.end)}，${e.data.place}。${e.data.summary}`,
      categories: [e.data.kind, ...e.data.tags],
    }),
    feed: { title: 'activities.subscribe', href: ACTIVITIES_ICS_HREF, type: 'text/calendar' },
    latest: { id: 'activities', heading: 'stations.activities', empty: 'stations.activities.empty' },
  },
  exchange: {
    base: EXCHANGE_BASE,
    title: 'exchange.title',
    description: 'exchange.description',
    dateOf: (e) => e.data.published,
    stationOf: (e) => e.data.station.id,
    facets: exchangeFacets,
    filters: [{ key: 'topic', group: 'filter.topic', label: (s) => fromSlug(TOPIC_SLUGS, s) ?? s }, byStation, byStreet, byTag],
    feedItem: (e) => ({
      title: e.data.title,
      link: entryHref(e),
      pubDate: e.data.published,
      description: e.data.summary,
      categories: [e.data.topic, ...e.data.tags],
    }),
    latest: { id: 'exchange', heading: 'stations.exchange', empty: 'stations.exchange.empty' },
  },
  diary: {
    base: DIARY_BASE,
    title: 'diary.title',
    description: 'diary.description',
    dateOf: (e) => e.data.date,
    stationOf: (e) => e.data.station.id,
    facets: diaryFacets,
    filters: [byStation, byStreet],
    feedItem: (e) => ({
      title: e.data.title,
      link: entryHref(e),
      pubDate: e.data.date,
      // The rendered, sanitised page text: never raw Markdown, which may hold removed markup.
      description: textOfHtml(e.rendered?.html ?? '', DIARY_DESCRIPTION_LENGTH) || e.data.title,
      categories: e.data.tags,
    }),
    latest: { id: 'diary', heading: 'stations.diary', empty: 'stations.diary.empty' },
  },
  theory: {
    base: THEORY_BASE,
    dateOf: (e) => e.data.published,
    stationOf: () => undefined,
    feedItem: (e, context) => ({
      title: e.data.title,
      link: entryHref(e),
      pubDate: e.data.published,
      description: e.data.summary,
      categories: [context.columnTitle(e.data.column.id), ...e.data.tags],
    }),
  },
};

/** The blocks of a station page's "latest" part, in order. */
export const STATION_BLOCKS = ['news', 'activities', 'diary', 'exchange'] as const satisfies readonly ListSection[];

/** A list section's filter bar specs for `filterNav`, with the data's names for values. */
export function filterSpecs<C extends ListSection>(name: C, streets: StreetIndex, names: LabelContext): FacetSpec<CollectionEntry<C>>[] {
  const section = SECTIONS[name] as unknown as ListSectionDef<C>;
  const facets = section.facets(streets);
  return section.filters.map((f) => {
    const facet = facets[f.key];
    if (!facet) throw new Error(`sections: ${name} has no facet "${f.key}"`);
    return {
      facet,
      group: t(f.group),
      labelOf: (slug: string) => f.label(slug, names),
      ...(f.order ? { order: f.order } : {}),
      ...(f.fold ? { fold: true } : {}),
    };
  });
}
