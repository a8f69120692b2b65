/** Feed items of every dated collection, and the RSS response they become. */
import rss from '@astrojs/rss';
import type { CollectionEntry } from 'astro:content';
import { getColumns, getDated, getSettings } from '../collections.content.ts';
import { entryHref } from '../publishing.ts';
import { escapeXml, feedSafeItem, mergeFeedItems, xmlSafe, type FeedItem } from './feeds.ts';
import { SECTIONS, type FeedSection, type SectionDef } from '../sections.ts';

/** Feed items of each collection (from the sections table), optionally only those of one station. */
export async function feedItems(station?: string): Promise<{ [K in FeedSection]: FeedItem[] }> {
  const columns = new Map((await getColumns()).map((c) => [c.id, c.data.title]));
  const context = { columnTitle: (id: string) => columns.get(id) ?? id };
  const items = async <C extends FeedSection>(name: C): Promise<FeedItem[]> => {
    const section = SECTIONS[name] as unknown as SectionDef<C>;
    const entries = await getDated(name);
    const own = station === undefined ? entries : entries.filter((e) => section.stationOf(e) === station);
    return own.map((e) => section.feedItem(e, context));
  };
  // Theory articles belong to no station: a station's feed has none.
  return {
    news: await items('news'),
    activities: await items('activities'),
    theory: station === undefined ? await items('theory') : [],
    exchange: await items('exchange'),
    diary: await items('diary'),
  };
}

/** Theory items of one column. */
export async function columnItems(column: CollectionEntry<'columns'>): Promise<FeedItem[]> {
  return (await getDated('theory'))
    .filter((e) => e.data.column.id === column.id)
    .map((e) => ({ title: e.data.title, link: entryHref(e), pubDate: e.data.published, description: e.data.summary, categories: e.data.tags }));
}

/**
 * An RSS 2.0 response. Every string goes through @astrojs/rss's XML builder, which escapes it;
 * the one hand-written part (customData, parsed as XML by @astrojs/rss) is escaped here. A
 * settings value such as `<x:script xmlns:x="http://www.w3.org/1999/xhtml">` would otherwise
 * run as script from the site's origin when the feed is opened in a browser.
 */
export async function rssResponse(title: string, description: string, site: URL | undefined, lists: FeedItem[][]): Promise<Response> {
  if (!site) throw new Error('astro.config: 缺少 site，无法生成订阅');
  const settings = await getSettings();
  return rss({
    title: xmlSafe(title),
    description: xmlSafe(description),
    site,
    items: mergeFeedItems(lists).map(feedSafeItem),
    customData: `<language>zh-cn</language><copyright>${escapeXml(settings.organiser)}</copyright>`,
    trailingSlash: true,
  });
}
