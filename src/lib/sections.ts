/**
 * The filter facets of each list section, in one place: getStaticPaths (which cannot see a
 * page's own constants) and the page body both read them from here. The street facet needs the
 * station → street map from the data, so each section has a function (newsFacets, …) that adds
 * it to the section's fixed facets.
 */
import type { CollectionEntry } from 'astro:content';
import { shanghaiYear } from './dates.ts';
import type { Facet } from './lists.ts';
import { CATEGORY_SLUGS, KIND_SLUGS, TOPIC_SLUGS, tagSlug } from './slugs.ts';

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

export const NEWS_BASE = '/news/';
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

export const ACTIVITIES_BASE = '/activities/';
export const ACTIVITY_FACETS = {
  kind: { key: 'kind', values: (e) => [KIND_SLUGS[e.data.kind]] },
  station: { key: 'station', values: (e) => [e.data.station.id] },
  year: { key: 'year', values: (e) => [String(shanghaiYear(e.data.start))] },
} satisfies Facets<'activities'>;

/** The activities facets with the street facet. */
export function activityFacets(streets: StreetIndex) {
  return { ...ACTIVITY_FACETS, street: streetFacet<CollectionEntry<'activities'>>(streets, (e) => e.data.station.id) } satisfies Facets<'activities'>;
}

export const EXCHANGE_BASE = '/exchange/';
export const EXCHANGE_FACETS = {
  topic: { key: 'topic', values: (e) => [TOPIC_SLUGS[e.data.topic]] },
  station: { key: 'station', values: (e) => [e.data.station.id] },
  tag: { key: 'tag', values: (e) => e.data.tags.map(tagSlug) },
} satisfies Facets<'exchange'>;

/** The exchange facets with the street facet. */
export function exchangeFacets(streets: StreetIndex) {
  return { ...EXCHANGE_FACETS, street: streetFacet<CollectionEntry<'exchange'>>(streets, (e) => e.data.station.id) } satisfies Facets<'exchange'>;
}

export const DIARY_BASE = '/diary/';
export const DIARY_FACETS = {
  station: { key: 'station', values: (e) => [e.data.station.id] },
} satisfies Facets<'diary'>;

/** The diary facets with the street facet. */
export function diaryFacets(streets: StreetIndex) {
  return { ...DIARY_FACETS, street: streetFacet<CollectionEntry<'diary'>>(streets, (e) => e.data.station.id) } satisfies Facets<'diary'>;
}
