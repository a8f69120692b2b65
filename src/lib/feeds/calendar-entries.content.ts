/** Turns activity entries into calendar input and a calendar into an HTTP response. */
import type { CollectionEntry } from 'astro:content';
import { getDated, stationMap } from '../collections.content.ts';
import { buildCalendar, prepareEvents, type CalendarActivity } from './calendar.ts';

/** Calendar input for activity entries, with the organising station's official name. */
export async function toCalendarActivities(entries: readonly CollectionEntry<'activities'>[]): Promise<CalendarActivity[]> {
  const stations = await stationMap();
  return entries.map((e) => ({
    id: e.id,
    title: e.data.title,
    start: e.data.start,
    end: e.data.end,
    place: e.data.place,
    summary: e.data.summary,
    cancelled: e.data.cancelled,
    organiser: stations.get(e.data.station.id)?.name ?? e.data.station.id,
    kind: e.data.kind,
  }));
}

/** When the calendars were generated (one value per build, so all files agree). */
const BUILD_STAMP = new Date();

let prepared: Promise<void> | undefined;

/** A text/calendar response; `site` comes from astro.config. */
export async function calendarResponse(activities: CalendarActivity[], name: string, site: URL | undefined): Promise<Response> {
  if (!site) throw new Error('astro.config: 缺少 site，无法生成日历');
  // Every published activity's event is written once, together, before the first calendar.
  prepared ??= getDated('activities').then(async (all) => prepareEvents(await toCalendarActivities(all), { site, stamp: BUILD_STAMP }));
  await prepared;
  const body = buildCalendar(activities, { site, name, stamp: BUILD_STAMP });
  return new Response(body, { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
}
