/** /activities.ics — for calendar subscription: the last twelve months' activities and every upcoming one. */
import type { APIRoute } from 'astro';
import { getDated, getSettings } from '../lib/collections.content.ts';
import { calendarResponse, subscribedWindow, toCalendarActivities } from '../lib/feeds/calendar-entries.content.ts';
import { t } from '../i18n/t.ts';

export const GET: APIRoute = async ({ site }) => {
  const settings = await getSettings();
  return calendarResponse(
    subscribedWindow(await toCalendarActivities(await getDated('activities'))),
    t('activities.calendarFeed', { name: settings.title }),
    site,
  );
};
