import { describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { createEvents } from 'ics';
import {
  buildCalendar,
  calendarWindowStart,
  eventAttributes,
  eventUid,
  foldCalendar,
  inCalendarWindow,
  type CalendarActivity,
} from '../../src/lib/feeds/calendar.ts';

/** Minimal iCalendar reader: unfolds lines and returns each VEVENT as a property map. */
function parseEvents(ics: string): Record<string, string>[] {
  const lines = ics.replace(/\r\n[ \t]/g, '').split(/\r\n/);
  const events: Record<string, string>[] = [];
  let current: Record<string, string> | undefined;
  for (const line of lines) {
    if (line === 'BEGIN:VEVENT') current = {};
    else if (line === 'END:VEVENT' && current) {
      events.push(current);
      current = undefined;
    } else if (current) {
      const colon = line.indexOf(':');
      const name = line.slice(0, colon).split(';')[0]!;
      current[name] = line.slice(colon + 1);
    }
  }
  return events;
}

const at = (s: string) => new Date(`${s}:00+08:00`);
const base: CalendarActivity = {
  id: '2026-12-05-lingxiu-zhengce-jiedu',
  title: '小微企业税费政策解读会',
  start: at('2026-12-05T14:00'),
  end: at('2026-12-05T16:00'),
  place: '领秀大厦三层多功能厅',
  summary: '讲解小微企业税费优惠政策。',
  cancelled: false,
  organiser: '古城街道领秀大厦工作站',
  kind: '送政策',
};
const options = { site: 'https://louyu.example.gov.cn', name: '活动日历', stamp: new Date('2026-11-27T00:00:00Z') };

describe('buildCalendar', () => {
  const ics = buildCalendar([base, { ...base, id: 'quxiao', title: '已取消的活动', cancelled: true }], options);
  const [event, cancelled] = parseEvents(ics);

  it('is a VCALENDAR published with CRLF line ends', () => {
    expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(ics).toContain('\r\nMETHOD:PUBLISH\r\n');
    expect(ics.trimEnd().endsWith('END:VCALENDAR')).toBe(true);
    expect(parseEvents(ics)).toHaveLength(2);
  });

  it.each([
    ['DTSTART', '20261205T060000Z'],
    ['DTEND', '20261205T080000Z'],
    ['UID', '2026-12-05-lingxiu-zhengce-jiedu@louyu.example.gov.cn'],
    ['SEQUENCE', '0'],
    ['STATUS', 'CONFIRMED'],
    ['SUMMARY', '小微企业税费政策解读会'],
    ['LOCATION', '领秀大厦三层多功能厅'],
    ['URL', 'https://louyu.example.gov.cn/activities/2026-12-05-lingxiu-zhengce-jiedu/'],
    ['DTSTAMP', '20261127T000000Z'],
  ])('a standing event has %s %s (Beijing 14:00 is 06:00 UTC)', (name, value) => {
    expect(event?.[name]).toBe(value);
  });

  it.each([
    ['STATUS', 'CANCELLED'],
    ['SEQUENCE', '1'],
    ['UID', 'quxiao@louyu.example.gov.cn'],
  ])('a cancelled event has %s %s', (name, value) => expect(cancelled?.[name]).toBe(value));

  it('marks a cancelled event in its title too', () => expect(cancelled?.SUMMARY).toContain('已取消'));

  it('gives an empty but valid calendar for no activities', () => {
    const empty = buildCalendar([], options);
    expect(empty).toContain('BEGIN:VCALENDAR');
    expect(parseEvents(empty)).toEqual([]);
  });

  it('is deterministic for the same input', () => expect(buildCalendar([base], options)).toBe(buildCalendar([base], options)));
});

describe('eventUid', () => {
  it.each([
    ['a', 'https://louyu.example.gov.cn', 'a@louyu.example.gov.cn'],
    ['a', 'http://localhost:4332/', 'a@localhost:4332'],
  ])('%s on %s → %s', (id, site, uid) => expect(eventUid(id, site)).toBe(uid));
});

describe('hostile and long text', () => {
  const long = '党建'.repeat(60);
  const hostile: CalendarActivity = {
    ...base,
    title: `标题\r注入:BEGIN:VEVENT\u0007${long}`,
    place: '地点;有,逗号\\反斜杠\n第二行\r\nEND:VCALENDAR',
    summary: `摘要\u0000\u001b控制字符 😀 ${long}`,
    organiser: '古城街道领秀大厦工作站',
  };
  const ics = buildCalendar([hostile, base], options);

  it('folds every line at 75 octets, never inside a character', () => {
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line, 'utf8'), line).toBeLessThanOrEqual(75);
    expect(ics).not.toContain('\uFFFD');
  });

  it('holds no bare CR, no bare LF and no control character', () => {
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n\u0000-\u0008\u000b-\u001f\u007f]/);
  });

  it('parses with ical.js into the same two events, the text intact', () => {
    const component = new ICAL.Component(ICAL.parse(ics));
    const events = component.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events).toHaveLength(2);
    expect(events[0]?.summary).toBe(`标题\n注入:BEGIN:VEVENT${long}`);
    expect(events[0]?.location).toBe('地点;有,逗号\\反斜杠\n第二行\nEND:VCALENDAR');
    expect(events[0]?.description).toContain(`摘要控制字符 😀 ${long}`);
    expect(events[1]?.summary).toBe(base.title);
  });
});

describe('foldCalendar', () => {
  it.each([
    ['ASCII', 'DESCRIPTION:' + 'a'.repeat(200)],
    ['Chinese (3 octets)', 'SUMMARY:' + '党'.repeat(100)],
    ['emoji (4 octets)', 'SUMMARY:' + '😀'.repeat(60)],
  ])('folds %s at 75 octets and unfolds to the same line', (_, line) => {
    const folded = foldCalendar(`${line}\r\n`);
    for (const part of folded.split('\r\n')) expect(Buffer.byteLength(part)).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, '')).toBe(`${line}\r\n`);
  });
});

describe('buildCalendar reuses each event between calendars', () => {
  const second = { ...base, id: '2026-12-06-wanshang-jiuye', title: '稳岗就业政策宣讲', place: '万商大厦一层大厅' };
  it('writes exactly what the library writes for the whole list, whatever calendars came before', () => {
    const direct = (list: CalendarActivity[], name: string) =>
      foldCalendar(
        createEvents(
          list.map((a) => eventAttributes(a, options)),
          { productId: 'louyu-dangjian/calendar', method: 'PUBLISH', calName: name },
        ).value ?? '',
      );
    // The same events in a calendar of one, then of two, then in another order and name.
    expect(buildCalendar([base], { ...options, name: '一项活动' })).toBe(direct([base], '一项活动'));
    expect(buildCalendar([base, second], options)).toBe(direct([base, second], options.name));
    expect(buildCalendar([second, base], { ...options, name: '驿站日历' })).toBe(direct([second, base], '驿站日历'));
  });
  it('an activity whose data changed is written anew, not from the earlier text', () => {
    buildCalendar([base], options);
    const changed = buildCalendar([{ ...base, place: '领秀大厦五层会议室' }], options);
    expect(changed).toContain('领秀大厦五层会议室');
    expect(changed).not.toContain('三层多功能厅');
  });
  it('an empty calendar is still a calendar', () => {
    const parsed = ICAL.parse(buildCalendar([], options));
    expect(parsed[0]).toBe('vcalendar');
  });
});

describe('the window of a subscribed calendar', () => {
  const now = new Date('2026-12-07T02:00:00Z');
  const ending = (id: string, end: string): CalendarActivity => ({ ...base, id, start: new Date(new Date(end).getTime() - 7_200_000), end: new Date(end) });
  const list = [
    ending('long-ago', '2019-05-01T06:00:00Z'),
    ending('just-outside', '2025-12-07T01:59:59Z'),
    ending('on-the-edge', '2025-12-07T02:00:00Z'),
    ending('last-month', '2026-11-10T06:00:00Z'),
    ending('today', '2026-12-07T08:00:00Z'),
    ending('next-year', '2028-03-01T06:00:00Z'),
  ];

  it('starts twelve months before the build time', () => {
    expect(calendarWindowStart(now).toISOString()).toBe('2025-12-07T02:00:00.000Z');
    // A month shorter than the day: 29 February back one year rolls to 1 March, never earlier.
    expect(calendarWindowStart(new Date('2028-02-29T00:00:00Z')).toISOString()).toBe('2027-03-01T00:00:00.000Z');
  });

  it('holds the last twelve months and everything upcoming, in order, and nothing older', () => {
    expect(inCalendarWindow(list, now).map((a) => a.id)).toEqual(['on-the-edge', 'last-month', 'today', 'next-year']);
  });

  it('stays the same size as the archive grows backwards', () => {
    const old = Array.from({ length: 5000 }, (_, i) => ending(`old-${i}`, new Date(Date.UTC(2010, 0, 1) + i * 86_400_000).toISOString()));
    expect(inCalendarWindow([...old, ...list], now)).toHaveLength(4);
  });

  it('gives a calendar that ical.js reads with the windowed events only', () => {
    const ics = buildCalendar(inCalendarWindow(list, now), options);
    const events = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent');
    expect(events.map((e) => String(e.getFirstPropertyValue('uid')).split('@')[0])).toEqual(['on-the-edge', 'last-month', 'today', 'next-year']);
  });
});
