/**
 * Cache keys for Astro's incremental build (`experimental.incrementalBuild`): a page returned
 * from `getStaticPaths` with a `cacheKey` is copied from the previous build when its key and its
 * code (the page's module graph, which holds the dictionary and every component) are unchanged.
 * A key must therefore change whenever any content the page shows changes. Every key is made
 * here, from the same queries the pages read (./collections.content.ts), never by hand in a page.
 *
 * Two kinds of page:
 * - an entry's own page (news, activity, theory, exchange, diary, lesson, static page, and the
 *   activity's poster and calendar file) shows that entry's body, the front matter of the other
 *   entries of its collection (related items, neighbours) and of the collections every page
 *   shows (SHARED: settings, footer pages, stations, topics, …): its key is made of those.
 *   Correcting one entry's text renders that entry's pages again; a new or retitled news item
 *   renders the news pages again, not the activities' or the lessons'.
 * - a station's page and poster show the station whole and the front matter of the sections'
 *   entries (its latest news, activities…).
 * - a section's list pages (news, activities, exchange, diary, a theory column, a diary month)
 *   show the entries on the page whole and their collection's front matter.
 * - every other page (topics, feeds, the school's syllabus and exam) may show any entry's body
 *   or excerpt: its key covers every entry, whole.
 * Both cover the settings (a collection) and which entries are published at this build's time
 * (drafts and 定时发布 are decided in ./collections.content.ts), but not the build time itself, so an
 * unchanged site is copied whole from one build to the next.
 *
 * Build time only, like every .content.ts module.
 */
import { hashParts as hash } from './cache-key-hash.node.ts';
import { getCollection, type CollectionEntry, type CollectionKey } from 'astro:content';
import { getCourses, getDated, getLessons, getTopics } from './collections.content.ts';
// Every collection of the content model (the settings are one of them).
import { COLLECTIONS } from './schema/enums.ts';

type AnyEntry = CollectionEntry<CollectionKey>;

/** Bump when what a key covers changes in a way the module graph does not show. */
const FORMAT = 1;

/**
 * One entry, whole: front matter and body. Most collections do not keep the body (`retainBody`
 * is off), but every entry carries the digest of its file, which the body is part of.
 */
const wholeEntry = (e: AnyEntry) => {
  const { digest, body } = e as { digest?: string | number; body?: string };
  if (digest === undefined && body === undefined) throw new Error(`${e.collection}/${e.id}: no digest to key its pages by`);
  return `${e.collection}/${e.id}\n${JSON.stringify(e.data)}\n${String(digest ?? '')}\n${body ?? ''}`;
};
/** One entry's front matter only. */
const frontMatter = (e: AnyEntry) => `${e.collection}/${e.id}\n${JSON.stringify(e.data)}`;

/** Collections every page shows some front matter of: settings, the footer's pages, stations and streets (names), topics (backlinks), columns and courses (section names). */
const SHARED = ['settings', 'pages', 'streets', 'stations', 'topics', 'columns', 'courses'] as const satisfies readonly CollectionKey[];

interface Keys {
  /** Per collection: every entry's front matter and which entries are published now. */
  frontMatter: Map<CollectionKey, string>;
  /** Every entry of every collection, whole, and which are published now. */
  whole: string;
}

let keys: Promise<Keys> | undefined;

/** The site's keys, worked out once per build. */
function siteKeys(): Promise<Keys> {
  keys ??= (async () => {
    // Which entries are published now (drafts and 定时发布 are decided in ./collections.content.ts), in the order pages list them.
    const released = new Map<CollectionKey, string>();
    for (const c of ['news', 'activities', 'theory', 'exchange', 'diary'] as const) released.set(c, (await getDated(c)).map((e) => e.id).join('\n'));
    released.set('lessons', (await getLessons()).map((e) => e.id).join('\n'));
    released.set('topics', (await getTopics()).map((e) => e.id).join('\n'));
    released.set('courses', (await getCourses()).map((e) => e.id).join('\n'));
    const frontMatterKeys = new Map<CollectionKey, string>();
    const wholeParts: string[] = [`louyu-cache-key ${FORMAT}`];
    for (const c of COLLECTIONS) {
      const entries: AnyEntry[] = await getCollection(c);
      const base = [`louyu-cache-key ${FORMAT} ${c}`, released.get(c) ?? ''];
      frontMatterKeys.set(c, hash([...base, ...entries.map(frontMatter)]));
      wholeParts.push(hash([...base, ...entries.map(wholeEntry)]));
    }
    return { frontMatter: frontMatterKeys, whole: hash(wholeParts) };
  })();
  return keys;
}

interface StaticPath<P> {
  params: Record<string, string | undefined>;
  props: P;
}

/**
 * Paths of pages that show one entry whole (`entryOf`), the front matter of the other entries of
 * its collection (related items, neighbours) and of the shared collections, and of the
 * collections in `alsoShows` (a station's page lists the titles of its latest news, activities…).
 */
export async function keyedByEntry<P>(
  paths: StaticPath<P>[],
  entryOf: (props: P) => AnyEntry,
  alsoShows: readonly CollectionKey[] = [],
): Promise<(StaticPath<P> & { cacheKey: string })[]> {
  const { frontMatter: fm } = await siteKeys();
  const shared = [...SHARED, ...alsoShows].map((c) => fm.get(c) ?? '');
  return paths.map((p) => {
    const entry = entryOf(p.props);
    return { ...p, cacheKey: hash([...shared, fm.get(entry.collection) ?? '', wholeEntry(entry)]) };
  });
}

/** The sections a station's page and poster list entries of (their front matter: titles, dates, places). */
export const STATION_SHOWS = ['news', 'activities', 'theory', 'exchange', 'diary'] as const satisfies readonly CollectionKey[];

/**
 * Paths of a section's list pages: they show the entries on the page (`itemsOf`) whole (the
 * diary's lists show every entry's text), the front matter of the rest of their collection
 * (filter bars, counts, month links) and of the shared collections. Correcting one entry's text
 * renders again only the list pages that show it.
 */
export async function keyedByList<P>(
  paths: StaticPath<P>[],
  collection: CollectionKey,
  itemsOf: (props: P) => readonly AnyEntry[],
): Promise<(StaticPath<P> & { cacheKey: string })[]> {
  const { frontMatter: fm } = await siteKeys();
  const shared = [...SHARED.map((c) => fm.get(c) ?? ''), fm.get(collection) ?? ''];
  return paths.map((p) => ({ ...p, cacheKey: hash([...shared, ...itemsOf(p.props).map(wholeEntry)]) }));
}

/** Paths of pages that may show any entry whole. */
export async function keyedBySite<P>(paths: StaticPath<P>[]): Promise<(StaticPath<P> & { cacheKey: string })[]> {
  const site = (await siteKeys()).whole;
  return paths.map((p) => ({ ...p, cacheKey: site }));
}
