import { describe, expect, it, vi } from 'vitest';
import { t } from '../../src/i18n/t.ts';

vi.mock('astro:content', () => import('./support/fake-collections.ts'));
const { columnItems, feedItems, rssResponse } = await import('../../src/lib/feeds/feed-entries.content.ts');

describe('feedItems maps every section through the sections table', () => {
  it('gives each section its own link, date, description and categories', async () => {
    const items = await feedItems();
    expect(items.news.map((i) => i.link)).toEqual(['/news/n-a/', '/news/n-b/', '/news/n-old/']);
    expect(items.news[1]).toEqual({
      title: '同时 B',
      link: '/news/n-b/',
      pubDate: new Date('2026-11-20T01:00:00Z'),
      description: 'B',
      categories: ['通知公告', '学习'],
    });
    expect(items.activities.map((i) => i.title)).toEqual([t('feed.cancelled', { title: '义诊' }), '讲座']);
    expect(items.activities[1]?.description).toBe('2026年12月5日 14:00—16:00，三层会议室。请准时');
    expect(items.theory).toEqual([
      { title: '文章', link: '/theory/c1/t1/', pubDate: new Date('2026-10-01T01:00:00Z'), description: '摘要', categories: ['第一栏', '理论'] },
    ]);
    expect(items.exchange[0]?.categories).toEqual(['服务企业']);
    // 2026-10-31 16:00 UTC is midnight of 1 November in Beijing: the November archive.
    expect(items.diary).toEqual([
      { title: '日记', link: '/diary/d1/', pubDate: new Date('2026-10-31T16:00:00Z'), description: '今天开展了学习。', categories: [] },
    ]);
  });

  it("keeps only one station's entries, and no theory, for a station feed", async () => {
    const items = await feedItems('lingxiu');
    expect(Object.fromEntries(Object.entries(items).map(([k, v]) => [k, v.map((i) => i.link)]))).toEqual({
      news: ['/news/n-old/'],
      activities: ['/activities/a1/'],
      theory: [],
      exchange: [],
      diary: ['/diary/d1/'],
    });
  });

  it("lists one column's articles", async () => {
    expect((await columnItems({ id: 'c1' } as never)).map((i) => i.link)).toEqual(['/theory/c1/t1/']);
    expect(await columnItems({ id: 'c2' } as never)).toEqual([]);
  });

  it('makes an RSS response with the organiser, and refuses a missing site', async () => {
    const response = await rssResponse('标题', '说明', new URL('https://example.test/'), [(await feedItems()).news]);
    const xml = await response.text();
    expect(xml).toContain('<copyright>测试区委社会工委</copyright>');
    expect(xml).toContain('<link>https://example.test/news/n-a/</link>');
    await expect(rssResponse('标题', '说明', undefined, [])).rejects.toThrow(/site/);
  });
});
