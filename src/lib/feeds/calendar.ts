/**
 * iCalendar output for activities, built with the `ics` package. Times are written in UTC
 * (…Z), which every calendar converts correctly; the editor's Beijing times are already
 * instants by the time they get here. UIDs are `<activity id>@<site host>` so that re-importing
 * a feed updates an event instead of duplicating it.
 *
 * SEQUENCE: the content model keeps no revision counter, so an event is 0 while it stands and
 * 1 once cancelled — a cancellation is the one change a subscriber must see replace the
 * earlier version. The calendar is a published feed (METHOD:PUBLISH), so a cancellation is
 * expressed as STATUS:CANCELLED on the event, not as an iTIP METHOD:CANCEL message.
 */
import { createEvents, type EventAttributes } from 'ics';
import { t } from '../../i18n/t.ts';
import { activityHref } from '../publishing.ts';

/** What the calendar needs to know about one activity. */
export interface CalendarActivity {
  id: string;
  title: string;
  start: Date;
  end: Date;
  place: string;
  summary: string;
  cancelled: boolean;
  /** Organising station's official name. */
  organiser: string;
  /** Activity kind, e.g. 送政策. */
  kind: string;
}

export interface CalendarOptions {
  /** Absolute site origin, e.g. https://louyu.example.gov.cn */
  site: URL | string;
  /** Calendar name shown by the subscriber's app. */
  name: string;
  /** DTSTAMP of every event: when this calendar was generated. */
  stamp: Date;
}

/** Stable UID of an activity's event. */
export function eventUid(id: string, site: URL | string): string {
  return `${id}@${new URL(site).host}`;
}

/** Address of an activity's page. */
export function activityUrl(id: string, site: URL | string): string {
  return new URL(activityHref(id), site).href;
}

/**
 * `ics` accepts and validates `timestamp` (DTSTAMP) but its type declarations omit it; without
 * it the library stamps "now" on every event.
 */
type StampedEvent = EventAttributes & { timestamp?: number };

/**
 * Text fit for an iCalendar value: RFC 5545 allows no control characters in TEXT but tab and the
 * escaped line break, and a bare CR would end the line early. Line breaks (CRLF, CR or LF) become
 * LF, which `ics` writes as "\n"; every other control character is dropped.
 */
export function calendarText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
}

/**
 * Folds every content line at 75 octets, as RFC 5545 §3.1 requires (a Chinese character is 3
 * octets in UTF-8, so the `ics` package's 75-character folding gives lines of up to 225). The
 * output of `ics` is unfolded first, then each line is cut before the character that would pass
 * the limit, never inside one; a continuation line starts with one space, which counts.
 */
export function foldCalendar(ics: string): string {
  const lines = ics.replace(/\r\n[ \t]/g, '').split('\r\n');
  const folded = lines.map((line) => {
    // No character is more than 4 octets: a line this short needs no folding.
    if (line.length * 4 <= 75) return line;
    const parts: string[] = [];
    let current = '';
    let octets = 0;
    for (const char of line) {
      const size = utf8Octets(char.codePointAt(0) as number);
      const limit = parts.length === 0 ? 75 : 74;
      if (octets + size > limit) {
        parts.push(current);
        current = '';
        octets = 0;
      }
      current += char;
      octets += size;
    }
    parts.push(current);
    return parts.join('\r\n ');
  });
  return folded.join('\r\n');
}

/** Octets of one code point in UTF-8. */
function utf8Octets(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

/**
 * The `ics` attributes of one activity's event: the event alone, the same in every calendar
 * holding it (the calendar's name is the calendar's, see buildCalendar).
 */
export function eventAttributes(a: CalendarActivity, options: Omit<CalendarOptions, 'name'>): StampedEvent {
  const url = activityUrl(a.id, options.site);
  const title = calendarText(a.title);
  return {
    uid: eventUid(a.id, options.site),
    sequence: a.cancelled ? 1 : 0,
    status: a.cancelled ? 'CANCELLED' : 'CONFIRMED',
    title: a.cancelled ? t('feed.cancelled', { title }) : title,
    description: t('feed.eventDetails', { summary: calendarText(a.summary), organiser: calendarText(a.organiser), url }),
    location: calendarText(a.place),
    url,
    categories: [calendarText(a.kind)],
    start: a.start.getTime(),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: a.end.getTime(),
    endInputType: 'utc',
    endOutputType: 'utc',
    timestamp: options.stamp.getTime(),
    productId: PRODUCT_ID,
  };
}

/** A VCALENDAR holding one event per activity; throws with the library's message on bad input. */
export function buildCalendar(activities: readonly CalendarActivity[], options: CalendarOptions): string {
  const calendar = { productId: PRODUCT_ID, method: 'PUBLISH', calName: calendarText(options.name) } as const;
  const header = generated(createEvents([], calendar));
  const end = 'END:VCALENDAR\r\n';
  if (!header.endsWith(end)) throw new Error('日历生成失败：日历头格式异常');
  const events = eventBlocks(activities.map((a) => eventAttributes(a, options))).join('');
  return foldCalendar(header.slice(0, -end.length) + events + end);
}

/**
 * Writes the events of these activities ahead of the calendars that hold them, in one call of
 * the library (a call costs about three events' worth on its own). The build calls it once with
 * every activity, so each activity's own calendar file then costs no library call at all.
 */
export function prepareEvents(activities: readonly CalendarActivity[], options: Omit<CalendarOptions, 'name'>): void {
  eventBlocks(activities.map((a) => eventAttributes(a, options)));
}

const PRODUCT_ID = 'louyu-dangjian/calendar';

/** The text `ics` generated, or its error as ours. */
function generated({ error, value }: { error: Error | null; value?: string | null | undefined }): string {
  if (error || value === null || value === undefined) throw new Error(`日历生成失败：${error?.message ?? '未知错误'}`);
  return value;
}

const BEGIN_EVENT = 'BEGIN:VEVENT\r\n';
const END_EVENT = 'END:VEVENT\r\n';
const written = new Map<string, string>();

/**
 * Each event's lines, BEGIN:VEVENT to END:VEVENT, as `ics` writes them (validated and formatted
 * by the library), kept for the build: an activity is in the site's calendar, its station's and
 * its own, and the library's validation was most of the cost of writing 1,500 calendar files.
 * Kept by the attributes themselves, so different data never shares an entry; the events not yet
 * written are written together in one call.
 */
function eventBlocks(events: readonly StampedEvent[]): string[] {
  const keys = events.map((e) => JSON.stringify(e));
  const missing = events.filter((_, i) => !written.has(keys[i] as string));
  if (missing.length > 0) {
    const text = generated(createEvents([...missing], { productId: PRODUCT_ID }));
    const blocks: string[] = [];
    for (let from = text.indexOf(BEGIN_EVENT); from >= 0; from = text.indexOf(BEGIN_EVENT, from + 1)) {
      const to = text.indexOf(END_EVENT, from);
      if (to < 0) break;
      blocks.push(text.slice(from, to + END_EVENT.length));
    }
    if (blocks.length !== missing.length) throw new Error('日历生成失败：事件格式异常');
    missing.forEach((e, i) => written.set(JSON.stringify(e), blocks[i] as string));
  }
  return keys.map((k) => written.get(k) as string);
}
