/**
 * Build-time side of the sections table (`sections.ts`): the list routes, filter bars and the
 * station pages' "latest" blocks, read from the content. The four list routes and the station
 * page call these instead of repeating the queries.
 */
import type { CollectionEntry } from 'astro:content';
import { getDated, getStreets, stationMap } from './collections.content.ts';
import { listRoutes, type RoutedPage } from './lists/facets.ts';
import { filterNav, type FilterNav } from './lists/filter-bar.ts';
import { derived } from './lists/memo.ts';
import { entryHref } from './publishing.ts';
import { filterSpecs, SECTIONS, STATION_BLOCKS, streetIndex, type ListSection, type ListSectionDef } from './sections.ts';
import { tagSlugs } from './slugs.ts';

const section = <C extends ListSection>(name: C) => SECTIONS[name] as unknown as ListSectionDef<C>;

/** The props of a list section's page: the page of (possibly filtered) entries it shows. */
export interface SectionPageProps<C extends ListSection> {
  route: RoutedPage<CollectionEntry<C>>;
}

/** getStaticPaths of a list section: its pages and its filter pages. */
export async function sectionPaths<C extends ListSection>(name: C): Promise<{ params: { list: string | undefined }; props: SectionPageProps<C> }[]> {
  const def = section(name);
  const entries = await getDated(name);
  const facets = def.facets(streetIndex((await stationMap()).values()));
  return listRoutes(entries, def.base, Object.values(facets)).map((route) => ({ params: { list: route.path }, props: { route } }));
}

/** The filter bar of a list section's page, with the active filter if any. */
export async function sectionNav<C extends ListSection>(name: C, current?: { key: string; value: string }): Promise<FilterNav> {
  const def = section(name);
  const all = await getDated(name);
  const stations = await stationMap();
  const streetNames = new Map((await getStreets()).map((s) => [s.id, s.data.name]));
  let tags: ReadonlyMap<string, string> | undefined;
  const names = {
    station: (id: string) => stations.get(id)?.name ?? id,
    street: (id: string) => streetNames.get(id) ?? id,
    tag: (slug: string) => {
      tags ??= derived(all, 'tagSlugs', (list) => tagSlugs(list.flatMap((e) => (e.data as { tags: string[] }).tags)));
      return tags.get(slug) ?? slug;
    },
  };
  return filterNav(all, def.base, filterSpecs(name, streetIndex(stations.values()), names), current);
}

/** A link in a station page's "latest" block. */
export interface LatestLink {
  href: string;
  title: string;
  date: Date;
}

/** One "latest" block of a station page: the section's newest entries of that station. */
export type LatestBlock = {
  [C in ListSection]: {
    section: C;
    id: string;
    heading: ListSectionDef<C>['latest']['heading'];
    empty: ListSectionDef<C>['latest']['empty'];
    entries: CollectionEntry<C>[];
    links: LatestLink[];
  };
}[ListSection];

/** The "latest" blocks of a station page, in STATION_BLOCKS order, `limit` entries each. */
export async function stationLatest(station: string, limit = 5): Promise<LatestBlock[]> {
  return Promise.all(
    STATION_BLOCKS.map(async (name) => {
      const def = section(name);
      const entries = (await getDated(name)).filter((e) => def.stationOf(e) === station).slice(0, limit);
      const links = entries.map((e) => ({ href: entryHref(e), title: e.data.title, date: def.dateOf(e) }));
      return { section: name, ...def.latest, entries, links } as LatestBlock;
    }),
  );
}
