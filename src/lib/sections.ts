/**
 * The filter facets of each list section, in one place: getStaticPaths (which cannot see a
 * page's own constants) and the page body both read them from here.
 */
import type { CollectionEntry } from 'astro:content';
import { shanghaiYear } from './dates.ts';
import type { Facet } from './lists.ts';
import { CATEGORY_SLUGS, KIND_SLUGS, TOPIC_SLUGS, tagSlug } from './slugs.ts';

type Facets<C extends 'news' | 'activities' | 'exchange' | 'diary'> = Record<string, Facet<CollectionEntry<C>>>;

export const NEWS_BASE = '/news/';
export const NEWS_FACETS = {
  category: { key: 'category', values: (e) => [CATEGORY_SLUGS[e.data.category]] },
  station: { key: 'station', values: (e) => (e.data.station ? [e.data.station.id] : []) },
  year: { key: 'year', values: (e) => [String(shanghaiYear(e.data.published))] },
  tag: { key: 'tag', values: (e) => e.data.tags.map(tagSlug) },
} satisfies Facets<'news'>;

export const ACTIVITIES_BASE = '/activities/';
export const ACTIVITY_FACETS = {
  kind: { key: 'kind', values: (e) => [KIND_SLUGS[e.data.kind]] },
  station: { key: 'station', values: (e) => [e.data.station.id] },
  year: { key: 'year', values: (e) => [String(shanghaiYear(e.data.start))] },
} satisfies Facets<'activities'>;

export const EXCHANGE_BASE = '/exchange/';
export const EXCHANGE_FACETS = {
  topic: { key: 'topic', values: (e) => [TOPIC_SLUGS[e.data.topic]] },
  station: { key: 'station', values: (e) => [e.data.station.id] },
  tag: { key: 'tag', values: (e) => e.data.tags.map(tagSlug) },
} satisfies Facets<'exchange'>;

export const DIARY_BASE = '/diary/';
export const DIARY_FACETS = {
  station: { key: 'station', values: (e) => [e.data.station.id] },
} satisfies Facets<'diary'>;
