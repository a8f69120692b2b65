/** /activities/<id>/event.ics — one activity for "加入日历". */
import { keyedByEntry } from '../../../lib/cache-keys.content.ts';
import type { APIRoute } from 'astro';
import type { CollectionEntry } from 'astro:content';
import { getDated } from '../../../lib/collections.content.ts';
import { calendarResponse, toCalendarActivities } from '../../../lib/feeds/calendar-entries.content.ts';

export async function getStaticPaths() {
  return keyedByEntry(
    (await getDated('activities')).map((entry) => ({ params: { id: entry.id }, props: { entry } })),
    (p) => p.entry,
  );
}

export const GET: APIRoute<{ entry: CollectionEntry<'activities'> }> = async ({ props, site }) =>
  calendarResponse(await toCalendarActivities([props.entry]), props.entry.data.title, site);
