/** /theory/<column>/rss.xml — one theory column. */
import { keyedBySite } from '../../../lib/cache-keys.content.ts';
import type { APIRoute } from 'astro';
import type { CollectionEntry } from 'astro:content';
import { getColumns } from '../../../lib/collections.content.ts';
import { columnItems, rssResponse } from '../../../lib/feeds/feed-entries.content.ts';
import { t } from '../../../i18n/t.ts';

export async function getStaticPaths() {
  return keyedBySite((await getColumns()).map((column) => ({ params: { column: column.id }, props: { column } })));
}

export const GET: APIRoute<{ column: CollectionEntry<'columns'> }> = async ({ props, site }) =>
  rssResponse(t('feed.column', { name: props.column.data.title }), props.column.data.description, site, [await columnItems(props.column)]);
