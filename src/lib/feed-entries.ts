/** Feed items of every dated collection, and the RSS response they become. */
import rss from '@astrojs/rss';
import type { CollectionEntry } from 'astro:content';
import { getColumns, getDated, getSettings } from './content.ts';
import { entryHref } from './publishing.ts';
import { escapeXml, feedSafeItem, mergeFeedItems, textOfHtml, xmlSafe, type FeedItem } from './feeds.ts';
import { formatActivityTime } from './activity-phase.ts';
import { t } from '../i18n/t.ts';

/** Characters of a diary entry's text that its feed item carries. */
const DIARY_DESCRIPTION_LENGTH = 120;

/** Feed items of each collection, optionally only those of one station. */
export async function feedItems(station?: string): Promise<{ [K in 'news' | 'activities' | 'theory' | 'exchange' | 'diary']: FeedItem[] }> {
  const own = <T extends { data: { station?: { id: string } } }>(list: T[]) =>
    station === undefined ? list : list.filter((e) => e.data.station?.id === station);
  const columns = new Map((await getColumns()).map((c) => [c.id, c.data.title]));
  const news = own(await getDated('news')).map((e): FeedItem => ({
    title: e.data.title,
    link: entryHref(e),
    pubDate: e.data.published,
    description: e.data.summary,
    categories: [e.data.category, ...e.data.tags],
  }));
  const activities = own(await getDated('activities')).map((e): FeedItem => ({
    title: e.data.cancelled ? t('feed.cancelled', { title: e.data.title }) : e.data.title,
    link: entryHref(e),
    pubDate: e.data.start,
    description: `${formatActivityTime(e.data.start, e.data.end)}，${e.data.place}。${e.data.summary}`,
    categories: [e.data.kind, ...e.data.tags],
  }));
  const theory =
    station === undefined
      ? (await getDated('theory')).map((e): FeedItem => ({
          title: e.data.title,
          link: entryHref(e),
          pubDate: e.data.published,
          description: e.data.summary,
          categories: [columns.get(e.data.column.id) ?? e.data.column.id, ...e.data.tags],
        }))
      : [];
  const exchange = own(await getDated('exchange')).map((e): FeedItem => ({
    title: e.data.title,
    link: entryHref(e),
    pubDate: e.data.published,
    description: e.data.summary,
    categories: [e.data.topic, ...e.data.tags],
  }));
  const diary = own(await getDated('diary')).map((e): FeedItem => ({
    title: e.data.title,
    link: entryHref(e),
    pubDate: e.data.date,
    // The rendered, sanitised page text: never raw Markdown, which may hold removed markup.
    description: textOfHtml(e.rendered?.html ?? '', DIARY_DESCRIPTION_LENGTH) || e.data.title,
    categories: e.data.tags,
  }));
  return { news, activities, theory, exchange, diary };
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
