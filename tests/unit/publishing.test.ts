import type { CollectionEntry } from 'astro:content';
import { describe, expect, it } from 'vitest';
import {
  activityHref,
  activityIcsHref,
  activityKindHref,
  activityPosterHref,
  columnHref,
  courseHref,
  diaryMonthHref,
  entryHref,
  examHref,
  exchangeHref,
  exchangeTagHref,
  exchangeTopicHref,
  filterHref,
  lessonHref,
  newsCategoryHref,
  newsHref,
  newsTagHref,
  pageHref,
  pageParam,
  pagefindShardHref,
  PAGEFIND_BASE,
  SCHOOL_BASE,
  SCHOOL_RECORD_HREF,
  SCHOOL_SW_HREF,
  singlePageHref,
  stationHref,
  stationIcsHref,
  stationPosterHref,
  stationRssHref,
  theoryHref,
} from '../../src/lib/publishing.ts';
import { activityFacts, diaryFacts, exchangeFacts, newsFacts, theoryFacts } from '../../src/lib/entry-facts.ts';
import { tagSlug } from '../../src/lib/slugs.ts';

describe('every address of DESIGN.md comes from one helper', () => {
  it.each([
    ['news', newsHref('2026-11-20-a'), '/news/2026-11-20-a/'],
    ['activity', activityHref('x'), '/activities/x/'],
    ['activity poster', activityPosterHref('x'), '/activities/x/poster/'],
    ['activity calendar', activityIcsHref('x'), '/activities/x/event.ics'],
    ['theory column', columnHref('c'), '/theory/c/'],
    ['theory article', theoryHref('c', 'a'), '/theory/c/a/'],
    ['course', courseHref('k'), '/school/k/'],
    ['lesson', lessonHref('k', 'l'), '/school/k/l/'],
    ['exam', examHref('k'), '/school/k/exam/'],
    ['station', stationHref('s'), '/stations/s/'],
    ['station poster', stationPosterHref('s'), '/stations/s/poster/'],
    ['station feed', stationRssHref('s'), '/stations/s/rss.xml'],
    ['station calendar', stationIcsHref('s'), '/stations/s/activities.ics'],
    ['exchange post', exchangeHref('p'), '/exchange/p/'],
    ['single page', singlePageHref('about'), '/about/'],
  ])('%s', (_, href, expected) => expect(href).toBe(expected));
});

describe('list addresses', () => {
  it.each([
    ['/news/', 1, '/news/'],
    ['/news/', 2, '/news/page/2/'],
    ['/news/category/tongzhi/', 3, '/news/category/tongzhi/page/3/'],
  ])('pageHref(%s, %i) is %s', (base, n, href) => expect(pageHref(base, n)).toBe(href));

  it('a paginated route gets no rest parameter on page 1 and page/<n> after, matching pageHref', () => {
    expect(pageParam(1)).toBeUndefined();
    expect(pageParam(3)).toBe('page/3');
    expect(pageHref('/theory/x/', 3)).toBe(`/theory/x/${pageParam(3)}/`);
  });

  it('school addresses hang off the one school base', () => {
    for (const href of [SCHOOL_RECORD_HREF, SCHOOL_SW_HREF]) expect(href.startsWith(SCHOOL_BASE)).toBe(true);
    expect(pagefindShardHref('2026')).toBe(`${PAGEFIND_BASE}2026/`);
  });

  it.each([
    [filterHref('/news/', 'year', '2026'), '/news/year/2026/'],
    [newsCategoryHref('通知公告'), '/news/category/tongzhi/'],
    [newsTagHref('主题教育'), `/news/tag/${tagSlug('主题教育')}/`],
    [activityKindHref('送政策'), '/activities/kind/zhengce/'],
    [exchangeTopicHref('服务企业'), '/exchange/topic/fuwu/'],
    [exchangeTagHref('主题教育'), `/exchange/tag/${tagSlug('主题教育')}/`],
  ])('%s', (href, expected) => expect(href).toBe(expected));
});

// Content entries as the helpers see them: only the fields they read.
const at = (iso: string) => new Date(iso);
const ref = <C extends string>(collection: C, id: string) => ({ collection, id });
const news = {
  collection: 'news',
  id: 'n1',
  data: { published: at('2026-11-20T01:30:00Z'), category: '通知公告', tags: ['a'], station: ref('stations', 's1') },
} as unknown as CollectionEntry<'news'>;
const districtNews = { ...news, id: 'n2', data: { ...news.data, station: undefined } } as unknown as CollectionEntry<'news'>;
const activity = {
  collection: 'activities',
  id: 'a1',
  data: { start: at('2026-12-05T06:00:00Z'), kind: '送政策', tags: [], station: ref('stations', 's1') },
} as unknown as CollectionEntry<'activities'>;
const article = {
  collection: 'theory',
  id: 't1',
  data: { published: at('2026-10-01T00:00:00Z'), column: ref('columns', 'c1'), tags: ['b'] },
} as unknown as CollectionEntry<'theory'>;
const post = {
  collection: 'exchange',
  id: 'x2',
  data: { published: at('2026-11-01T00:00:00Z'), topic: '服务企业', tags: [], station: ref('stations', 's2'), replyTo: ref('exchange', 'x1') },
} as unknown as CollectionEntry<'exchange'>;
// 2026-10-31 17:00 UTC is 2026-11-01 01:00 in Beijing: the entry belongs to November's archive.
const diary = {
  collection: 'diary',
  id: 'd1',
  data: { date: at('2026-10-31T17:00:00Z'), tags: [], station: ref('stations', 's1') },
} as unknown as CollectionEntry<'diary'>;

describe('entryHref', () => {
  it.each([
    ['news', news, '/news/n1/'],
    ['activity', activity, '/activities/a1/'],
    ['theory article (under its column)', article, '/theory/c1/t1/'],
    ['exchange post', post, '/exchange/x2/'],
    ['diary entry (its own page)', diary, '/diary/d1/'],
  ])('%s', (_, entry, href) => expect(entryHref(entry)).toBe(href));

  it('files the diary month by Beijing time', () => {
    expect(diaryMonthHref(at('2026-11-30T16:30:00Z'))).toBe('/diary/month/2026-12/');
  });
});

describe('facts for the list logic', () => {
  it('news carry category and station; district news has no station', () => {
    expect(newsFacts(news)).toEqual({ id: 'n1', date: news.data.published, station: 's1', category: '通知公告', tags: ['a'] });
    expect(newsFacts(districtNews)).toMatchObject({ station: undefined });
  });
  it('activities are dated by their start and carry their kind', () => {
    expect(activityFacts(activity)).toEqual({ id: 'a1', date: activity.data.start, station: 's1', kind: '送政策', tags: [] });
  });
  it('theory articles are grouped by column', () => {
    expect(theoryFacts(article)).toEqual({ id: 't1', date: article.data.published, category: 'c1', tags: ['b'] });
  });
  it('exchange posts carry their topic and the post they reply to', () => {
    expect(exchangeFacts(post)).toEqual({ id: 'x2', date: post.data.published, station: 's2', topic: '服务企业', tags: [], replyTo: 'x1' });
  });
  it('diary entries are dated by their date', () => {
    expect(diaryFacts(diary)).toEqual({ id: 'd1', date: diary.data.date, station: 's1', tags: [] });
  });
});
