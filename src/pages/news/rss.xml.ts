/** /news/rss.xml — news only. */
import type { APIRoute } from 'astro';
import { getSettings } from '../../lib/collections.content.ts';
import { feedItems, rssResponse } from '../../lib/feeds/feed-entries.content.ts';
import { t } from '../../i18n/t.ts';

export const GET: APIRoute = async ({ site }) => {
  const settings = await getSettings();
  return rssResponse(`${settings.title} ${t('feed.news')}`, t('news.description'), site, [(await feedItems()).news]);
};
