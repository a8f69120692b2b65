/** /stations/<id>/activities.ics — one station's activities, in the same window as /activities.ics. */
import { keyedBySite } from '../../../lib/cache-keys.content.ts';
import type { APIRoute } from 'astro';
import { getDated, getStations } from '../../../lib/collections.content.ts';
import { calendarResponse, subscribedWindow, toCalendarActivities } from '../../../lib/feeds/calendar-entries.content.ts';
import { t } from '../../../i18n/t.ts';

export async function getStaticPaths() {
  return keyedBySite((await getStations()).map((s) => ({ params: { id: s.id }, props: { name: s.name } })));
}

export const GET: APIRoute<{ name: string }> = async ({ params, props, site }) => {
  const own = (await getDated('activities')).filter((a) => a.data.station.id === params.id);
  return calendarResponse(subscribedWindow(await toCalendarActivities(own)), t('activities.calendarFeed', { name: props.name }), site);
};
