import { describe, expect, it, vi } from 'vitest';
import { t } from '../../src/i18n/t.ts';

vi.mock('astro:content', () => import('./support/fake-collections.ts'));
const { sectionNav, sectionPaths, stationLatest } = await import('../../src/lib/section-pages.content.ts');

describe('the sections table drives the list routes', () => {
  it('gives the news list its pages and one page per filter value', async () => {
    const paths = (await sectionPaths('news')).map((p) => p.params.list);
    expect(paths).toContain(undefined);
    expect(paths).toEqual(expect.arrayContaining(['category/tongzhi', 'category/dangjian', 'year/2026', 'station/meiyuan', 'street/laoshan']));
    expect(paths).not.toContain('station/n-a');
  });

  it("names the filter bar's groups and values from the data", async () => {
    const nav = await sectionNav('news', { key: 'street', value: 'laoshan' });
    expect(nav.groups.map((g) => g.label)).toEqual([t('filter.category'), t('filter.year'), t('filter.station'), t('filter.street'), t('filter.tag')]);
    expect(nav.filter).toEqual({ label: t('filter.street'), value: '老山街道' });
    expect(nav.listBase).toBe('/news/street/laoshan/');
    const stations = nav.groups.find((g) => g.label === t('filter.station'))!;
    expect(stations.links.map((l) => l.label)).toEqual(expect.arrayContaining(['老山街道梅园大厦工作站', '古城街道领秀大厦工作站']));
  });
});

describe('stationLatest', () => {
  it("gives a station page its blocks in order, each with that station's newest entries", async () => {
    const blocks = await stationLatest('lingxiu');
    expect(blocks.map((b) => b.id)).toEqual(['news', 'activities', 'diary', 'exchange']);
    expect(blocks.map((b) => b.links.map((l) => l.href))).toEqual([['/news/n-old/'], ['/activities/a1/'], ['/diary/d1/'], []]);
    expect(blocks[0]).toMatchObject({ heading: 'stations.news', empty: 'stations.news.empty' });
  });

  it('keeps at most `limit` entries per block', async () => {
    expect((await stationLatest('meiyuan', 1)).map((b) => b.entries.length)).toEqual([1, 0, 0, 1]);
  });
});
