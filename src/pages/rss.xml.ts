/** /rss.xml — every update: news, activities, theory, exchange and diary. */
import type { APIRoute } from 'astro';
import { getSettings } from '../lib/collections.content.ts';
import { feedItems, rssResponse } from '../lib/feeds/feed-entries.content.ts';
import { t } from '../i18n/t.ts';

export const GET: APIRoute = async ({ site }) => {
  const settings = await getSettings();
  const items = await feedItems();
  return rssResponse(`${settings.title} ${t('feed.all')}`, settings.description, site, Object.values(items));
};
