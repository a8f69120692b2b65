/** /stations/<id>/activities.ics — one station's activities. */
import { keyedBySite } from '../../../lib/data/cache-keys.node.ts';
import type { APIRoute } from 'astro';
import { getDated, getStations } from '../../../lib/data/content.ts';
import { calendarResponse, toCalendarActivities } from '../../../lib/data/calendar-entries.ts';
import { t } from '../../../i18n/t.ts';

export async function getStaticPaths() {
  return keyedBySite((await getStations()).map((s) => ({ params: { id: s.id }, props: { name: s.name } })));
}

export const GET: APIRoute<{ name: string }> = async ({ params, props, site }) => {
  const own = (await getDated('activities')).filter((a) => a.data.station.id === params.id);
  return calendarResponse(await toCalendarActivities(own), t('activities.calendarFeed', { name: props.name }), site);
};
