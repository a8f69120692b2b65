import { describe, expect, it } from 'vitest';
import { beijingDay, endOfBeijingDay as endOfDay } from '../../src/lib/dates.ts';
import {
  RULES,
  checkColumn,
  daysSince,
  judge,
  monthsBefore,
  parseDay,
  staleByDays,
  staleByMonths,
  todayInBeijing,
  type InspectionFacts,
} from '../../src/lib/inspect/inspect.ts';

const at = (iso: string) => new Date(iso);

describe('Beijing calendar days', () => {
  it.each([
    ['2026-11-20T23:59:00+08:00', '2026-11-20'],
    ['2026-11-21T00:00:00+08:00', '2026-11-21'],
    // 16:00 UTC is already the next day in Beijing.
    ['2026-11-20T16:00:00Z', '2026-11-21'],
    ['2026-11-20T15:59:59Z', '2026-11-20'],
  ])('%s falls on %s', (iso, day) => expect(beijingDay(at(iso))).toBe(day));

  it('today in Beijing turns at 00:00 +08:00, not at UTC midnight', () => {
    expect(todayInBeijing(at('2026-11-29T15:59:59Z'))).toBe('2026-11-29');
    expect(todayInBeijing(at('2026-11-29T16:00:00Z'))).toBe('2026-11-30');
  });

  it('an entry at 23:59 is one day old on the next day, an entry at 00:00 is not', () => {
    expect(daysSince(at('2026-11-20T23:59:00+08:00'), '2026-11-21')).toBe(1);
    expect(daysSince(at('2026-11-21T00:00:00+08:00'), '2026-11-21')).toBe(0);
  });

  it('a date after the inspection day counts as 0 days', () => expect(daysSince(at('2026-12-24T10:00:00+08:00'), '2026-12-04')).toBe(0));

  it('the end of a day is 23:59:59.999 in Beijing', () => expect(endOfDay('2026-11-20').toISOString()).toBe('2026-11-20T15:59:59.999Z'));

  it.each([
    ['2026-12-04', '2026-12-04'],
    [' 2026-12-04 ', '2026-12-04'],
    ['2026-02-30', undefined],
    ['2026-13-01', undefined],
    ['2026/12/04', undefined],
    ['20261204', undefined],
  ])('parseDay(%j) is %j', (text, day) => expect(parseDay(text)).toBe(day));

  it.each([
    ['2026-11-30', 6, '2026-05-30'],
    ['2026-08-31', 6, '2026-02-28'],
    ['2027-03-31', 1, '2027-02-28'],
    ['2026-03-15', 6, '2025-09-15'],
  ])('%s minus %i months is %s', (day, n, expected) => expect(monthsBefore(day, n)).toBe(expected));
});

describe('the two-week rule (home page and 动态/要闻 columns)', () => {
  it.each([
    ['2026-11-20T09:00:00+08:00', '2026-12-04', false, '14 days old passes'],
    ['2026-11-20T23:59:00+08:00', '2026-12-04', false, '14 days old late in the evening passes'],
    ['2026-11-19T23:59:00+08:00', '2026-12-04', true, '15 days old fails'],
    ['2026-12-04T08:00:00+08:00', '2026-12-04', false, 'same day passes'],
  ])('%s on %s: stale=%s (%s)', (iso, on, stale) => expect(staleByDays(at(iso), on, RULES.dynamicDays)).toBe(stale));

  it('nothing at all is stale', () => expect(staleByDays(undefined, '2026-12-04', 14)).toBe(true));
});

describe('the six-month rule (通知公告)', () => {
  it.each([
    ['2026-05-30T09:00:00+08:00', '2026-11-30', false, 'exactly six months passes'],
    ['2026-05-29T23:59:00+08:00', '2026-11-30', true, 'a day more fails'],
    ['2026-02-28T10:00:00+08:00', '2026-08-31', false, 'month end clamps'],
    ['2026-02-27T10:00:00+08:00', '2026-08-31', true, 'before the clamped day fails'],
  ])('%s on %s: stale=%s (%s)', (iso, on, stale) => expect(staleByMonths(at(iso), on, RULES.noticeMonths)).toBe(stale));
});

describe('checkColumn', () => {
  it('reports the newest date and its age', () => {
    const r = checkColumn({ name: '党建日记', kind: 'dynamic', dates: [at('2026-11-01T10:00:00+08:00'), at('2026-11-27T10:00:00+08:00')] }, '2026-12-04');
    expect(r).toMatchObject({ days: 7, stale: false, empty: false });
    expect(r.latest?.toISOString()).toBe('2026-11-27T02:00:00.000Z');
  });
  it('an empty column is empty, and stale when it must be updated', () => {
    expect(checkColumn({ name: 'a', kind: 'dynamic', dates: [] }, '2026-12-04')).toMatchObject({ empty: true, stale: true });
    expect(checkColumn({ name: 'b', kind: 'other', dates: [] }, '2026-12-04')).toMatchObject({ empty: true, stale: false });
  });
  it('an old theory column is never stale: only dynamic and notice columns have a deadline', () => {
    expect(checkColumn({ name: 'c', kind: 'other', dates: [at('2020-01-01T00:00:00+08:00')] }, '2026-12-04').stale).toBe(false);
  });
});

describe('judge', () => {
  const fresh = at('2026-11-27T10:00:00+08:00');
  const old = at('2026-10-01T10:00:00+08:00');
  const base: InspectionFacts = {
    on: '2026-12-04',
    builtAt: at('2026-11-30T08:00:00+08:00'),
    home: [fresh],
    columns: [
      { name: '动态1', kind: 'dynamic', dates: [fresh] },
      { name: '通知公告', kind: 'notice', dates: [old] },
    ],
    stations: [{ name: '工作站：安宁大厦', dates: [fresh] }],
    consultation: 'https://www.example.gov.cn/liuyan/',
    emptyPages: [],
    future: [],
    wording: [],
    brokenLinks: [],
    identifierProblems: [],
    siteMapProblems: [],
    robotsProblems: [],
  };
  const dynamic = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `旧栏目${i}`, kind: 'dynamic' as const, dates: [old] }));
  const notice = (n: number) =>
    Array.from({ length: n }, (_, i) => ({ name: `旧通知${i}`, kind: 'notice' as const, dates: [at('2026-05-01T10:00:00+08:00')] }));
  const regular = (n: number) =>
    Array.from({ length: n }, (_, i) => ({ name: `理论专栏${i}`, kind: 'regular' as const, dates: [at('2025-11-01T10:00:00+08:00')] }));
  const empty = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `空栏目${i}`, kind: 'other' as const, dates: [] }));

  it('passes when every 单项否决 item passes, even with deductions', () => {
    const v = judge({ ...base, brokenLinks: ['/a/ → /b/'], identifierProblems: ['/a/：网站标识码'], robotsProblems: ['缺少'], siteMapProblems: ['缺少'] });
    expect(v.pass).toBe(true);
    expect(v.deductions).toEqual({ links: true, identifiers: true, siteMap: true, robots: true });
  });

  it.each([
    ['four stale dynamic columns pass', { columns: [...base.columns, ...dynamic(4)] }, true],
    ['five stale dynamic columns fail', { columns: [...base.columns, ...dynamic(5)] }, false],
    ['four empty columns and pages pass', { columns: [...base.columns, ...empty(3)], emptyPages: ['x'] }, true],
    ['five empty columns and pages fail', { columns: [...base.columns, ...empty(4)], emptyPages: ['x'] }, false],
    ['a home page 15 days old fails', { home: [at('2026-11-19T10:00:00+08:00')] }, false],
    ['a home page with nothing fails', { home: [] }, false],
    // “动态、要闻类栏目超过2周未更新，通知公告、政策文件类栏目超过6个月未更新，累计超过（含）5个”.
    [
      'one 通知公告 older than six months alone passes',
      { columns: [{ name: '通知公告', kind: 'notice' as const, dates: [at('2026-06-03T10:00:00+08:00')] }] },
      true,
    ],
    ['three stale dynamic and two stale notice columns together fail', { columns: [...base.columns, ...dynamic(3), ...notice(2)] }, false],
    ['two stale dynamic and two stale notice columns pass', { columns: [...base.columns, ...dynamic(2), ...notice(2)] }, true],
    // “应更新但长期未更新的栏目数量超过（含）10个”.
    ['nine columns not updated for a year pass', { columns: [...base.columns, ...regular(9)] }, true],
    ['ten columns not updated for a year fail', { columns: [...base.columns, ...regular(10)] }, false],
    // 互动回应差: no 网上有效咨询建言渠道.
    ['no consultation channel fails', { consultation: '' }, false],
    // A station is not a column: all of them quiet is a warning, not a veto.
    ['thirty-one quiet stations pass', { stations: Array.from({ length: 31 }, (_, i) => ({ name: `站${i}`, dates: [old] })) }, true],
    ['a scheduled entry not on the site passes', { future: [{ file: 'a.md', date: at('2026-12-24T10:00:00+08:00'), shown: false }] }, true],
    ['an entry dated after the build but shown fails', { future: [{ file: 'a.md', date: at('2026-12-24T10:00:00+08:00'), shown: true }] }, false],
    ['one wrong form fails', { wording: [{ file: 'a.md', line: 3, wrong: '错', correct: '对' }] }, false],
  ])('%s', (_, change, pass) => expect(judge({ ...base, ...change }).pass).toBe(pass));

  it('counts a regular column stale after a year, not before', () => {
    expect(checkColumn({ name: 'a', kind: 'regular', dates: [at('2025-12-05T10:00:00+08:00')] }, '2026-12-04').stale).toBe(false);
    expect(checkColumn({ name: 'a', kind: 'regular', dates: [at('2025-12-03T10:00:00+08:00')] }, '2026-12-04').stale).toBe(true);
  });

  it('lists quiet stations as warnings', () => {
    const v = judge({
      ...base,
      stations: [
        { name: '工作站：甲', dates: [old] },
        { name: '工作站：乙', dates: [fresh] },
      ],
    });
    expect(v.quietStations.map((s) => s.name)).toEqual(['工作站：甲']);
    expect(v.pass).toBe(true);
  });

  it('names the stale columns', () => {
    expect(judge({ ...base, columns: [...base.columns, ...dynamic(5)] }).staleDynamic.map((c) => c.name)).toEqual([
      '旧栏目0',
      '旧栏目1',
      '旧栏目2',
      '旧栏目3',
      '旧栏目4',
    ]);
  });
});
