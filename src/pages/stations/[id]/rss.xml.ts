/** /stations/<id>/rss.xml — one station's news, activities, exchange posts and diary. */
import { keyedBySite } from '../../../lib/cache-keys.content.ts';
import type { APIRoute } from 'astro';
import { getStations } from '../../../lib/collections.content.ts';
import { feedItems, rssResponse } from '../../../lib/feeds/feed-entries.content.ts';
import { t } from '../../../i18n/t.ts';

export async function getStaticPaths() {
  return keyedBySite((await getStations()).map((s) => ({ params: { id: s.id }, props: { name: s.name } })));
}

export const GET: APIRoute<{ name: string }> = async ({ params, props, site }) => {
  const items = await feedItems(params.id);
  return rssResponse(t('feed.station', { name: props.name }), t('feed.station', { name: props.name }), site, Object.values(items));
};
