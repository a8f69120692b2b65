/**
 * Topics with the entries they gather, built once per build from the site's content: the pages
 * of /topics/, the home page, every page that links back to its topics, and the topic feeds all
 * read this.
 */
import type { CollectionEntry } from 'astro:content';
import { getDated, getLessons, getTopics, stationMap } from './collections.content.ts';
import { entryHref, lessonHref } from './publishing.ts';
import { gatherTopic, membershipKey, topicMembership, type Gatherable, type TopicFacts, type TopicGroup } from './topics.ts';
import type { TopicSection } from './schema/enums.ts';

/** An entry as a topic lists it. */
export interface TopicItem extends Gatherable {
  title: string;
  href: string;
  summary?: string;
  /** Official name of the station it comes from, if any. */
  station?: string;
}

/** A topic with what it gathers. */
export interface TopicView extends TopicFacts {
  entry: CollectionEntry<'topics'>;
  groups: TopicGroup<TopicItem>[];
  /** Number of entries gathered. */
  count: number;
}

/** The date-only facts of a topic entry. */
export function topicFacts(e: CollectionEntry<'topics'>): TopicFacts {
  return {
    id: e.id,
    start: e.data.start,
    end: e.data.end,
    tags: e.data.tags,
    picks: e.data.entries.map((p) => ({ section: p.type, id: p.entry.id })),
  };
}

let cached: Promise<{ topics: TopicView[]; membership: Map<string, string[]> }> | undefined;

async function gatherables(): Promise<TopicItem[]> {
  const stations = await stationMap();
  const stationOf = (id: string | undefined) => (id === undefined ? undefined : stations.get(id)?.name);
  const dated = <S extends 'news' | 'theory' | 'activities' | 'exchange' | 'diary'>(
    section: S,
    list: CollectionEntry<S>[],
    date: (e: CollectionEntry<S>) => Date,
  ) =>
    list.map((e): TopicItem => {
      const data = e.data as { title: string; tags: string[]; summary?: string; station?: { id: string } };
      return {
        section,
        id: e.id,
        date: date(e),
        tags: data.tags,
        title: data.title,
        href: entryHref(e),
        summary: data.summary,
        station: stationOf(data.station?.id),
      };
    });
  const lessons = (await getLessons()).map((e): TopicItem => ({
    section: 'lessons',
    id: e.id,
    tags: [],
    title: e.data.title,
    href: lessonHref(e.data.course.id, e.id),
    summary: e.data.summary,
  }));
  return [
    ...dated('news', await getDated('news'), (e) => e.data.published),
    ...dated('theory', await getDated('theory'), (e) => e.data.published),
    ...lessons,
    ...dated('activities', await getDated('activities'), (e) => e.data.start),
    ...dated('exchange', await getDated('exchange'), (e) => e.data.published),
    ...dated('diary', await getDated('diary'), (e) => e.data.date),
  ];
}

/** Every published topic with its entries (newest start first), and each entry's topics. */
export function topicData(): Promise<{ topics: TopicView[]; membership: Map<string, string[]> }> {
  cached ??= (async () => {
    const items = await gatherables();
    const topics = (await getTopics()).map((entry): TopicView => {
      const facts = topicFacts(entry);
      const groups = gatherTopic(facts, items);
      return { ...facts, entry, groups, count: groups.reduce((n, g) => n + g.items.length, 0) };
    });
    return { topics, membership: topicMembership(topics) };
  })();
  return cached;
}

/** The topics an entry belongs to. */
export async function topicsOf(section: TopicSection, id: string): Promise<TopicView[]> {
  const { topics, membership } = await topicData();
  const ids = new Set(membership.get(membershipKey(section, id)) ?? []);
  return topics.filter((t) => ids.has(t.id));
}
