import { describe, expect, it, vi } from 'vitest';

vi.mock('astro:content', () => import('./support/fake-collections.ts'));
const { getDated } = await import('../../src/lib/collections.content.ts');
const { calendarResponse, toCalendarActivities } = await import('../../src/lib/feeds/calendar-entries.content.ts');

describe('activities become calendar events', () => {
  it("carry the organising station's official name, or its id when the station is unknown", async () => {
    const events = await toCalendarActivities(await getDated('activities'));
    expect(events.map((e) => [e.id, e.organiser, e.cancelled])).toEqual([
      ['a2', 'gone', true],
      ['a1', '古城街道领秀大厦工作站', false],
    ]);
    expect(events[1]).toMatchObject({ title: '讲座', place: '三层会议室', kind: '送知识', start: new Date('2026-12-05T06:00:00Z') });
  });

  it('make a text/calendar response whose events all share one DTSTAMP', async () => {
    const response = await calendarResponse(await toCalendarActivities(await getDated('activities')), '活动', new URL('https://example.test/'));
    expect(response.headers.get('Content-Type')).toBe('text/calendar; charset=utf-8');
    const body = await response.text();
    expect(body).toContain('UID:a1@example.test');
    expect(new Set(body.match(/^DTSTAMP:.*$/gm)).size).toBe(1);
    await expect(calendarResponse([], '活动', undefined)).rejects.toThrow(/site/);
  });

  it("an activity's own calendar holds that event alone, written with all the others", async () => {
    const all = await toCalendarActivities(await getDated('activities'));
    const own = await (await calendarResponse([all[1]!], '讲座', new URL('https://example.test/'))).text();
    expect(own.match(/^BEGIN:VEVENT/gm)).toHaveLength(1);
    expect(own).toContain('UID:a1@example.test');
    expect(own).toContain('X-WR-CALNAME:讲座');
    expect(own).not.toContain('UID:a2@');
  });
});
