import { describe, expect, it } from 'vitest';
import type { CollectionEntry } from 'astro:content';
import { listRoutes } from '../../src/lib/lists/facets.ts';
import {
  activityFacets,
  diaryFacets,
  exchangeFacets,
  filterSpecs,
  LIST_SECTIONS,
  newsFacets,
  SECTIONS,
  STATION_BLOCKS,
  streetFacet,
  streetIndex,
  type ListSection,
} from '../../src/lib/sections.ts';
import { t } from '../../src/i18n/t.ts';

/** Three stations in two streets; bajiao and the rest have none. */
const streets = streetIndex([
  { id: 'lingxiu', street: { id: 'gucheng' } },
  { id: 'yinxing', street: { id: 'gucheng' } },
  { id: 'meiyuan', street: { id: 'laoshan' } },
]);

const ref = (id: string) => ({ id, collection: 'stations' as const });
const news = (id: string, station?: string) =>
  ({
    id,
    collection: 'news',
    data: { category: '通知公告', published: new Date('2026-11-20T01:30:00Z'), tags: [], ...(station ? { station: ref(station) } : {}) },
  }) as unknown as CollectionEntry<'news'>;
const withStation = <C extends 'activities' | 'exchange' | 'diary'>(collection: C, id: string, station: string) =>
  ({ id, collection, data: { station: ref(station) } }) as unknown as CollectionEntry<C>;

describe('streetIndex maps each station to its street', () => {
  it.each([
    ['lingxiu', 'gucheng'],
    ['yinxing', 'gucheng'],
    ['meiyuan', 'laoshan'],
    ['qingsong', undefined],
  ])('%s → %s', (station, street) => expect(streets.get(station)).toBe(street));
});

describe('the street facet maps an entry through its station', () => {
  it.each([
    ['news of a gucheng station', newsFacets(streets).street.values(news('a', 'lingxiu')), ['gucheng']],
    ['news of a laoshan station', newsFacets(streets).street.values(news('b', 'meiyuan')), ['laoshan']],
    ['district-wide news (no station)', newsFacets(streets).street.values(news('c')), []],
    ['an entry whose station is not in the map', newsFacets(streets).street.values(news('d', 'qingsong')), []],
    ['an activity', activityFacets(streets).street.values(withStation('activities', 'e', 'yinxing')), ['gucheng']],
    ['an exchange post', exchangeFacets(streets).street.values(withStation('exchange', 'f', 'meiyuan')), ['laoshan']],
    ['a diary entry', diaryFacets(streets).street.values(withStation('diary', 'g', 'lingxiu')), ['gucheng']],
  ])('%s', (_, values, expected) => expect(values).toEqual(expected));

  it('has the address segment "street"', () => {
    expect(streetFacet(streets, () => undefined).key).toBe('street');
  });

  it('keeps the fixed facets beside the street facet', () => {
    expect(Object.keys(newsFacets(streets)).sort()).toEqual(['category', 'station', 'street', 'tag', 'year']);
    expect(Object.keys(activityFacets(streets)).sort()).toEqual(['kind', 'station', 'street', 'year']);
    expect(Object.keys(exchangeFacets(streets)).sort()).toEqual(['station', 'street', 'tag', 'topic']);
    expect(Object.keys(diaryFacets(streets)).sort()).toEqual(['station', 'street']);
  });
});

describe('listRoutes gives street pages only to streets that have entries', () => {
  const entries = [...Array.from({ length: 11 }, (_, i) => news(`g${i}`, i % 2 ? 'lingxiu' : 'yinxing')), news('l1', 'meiyuan'), news('w1')];
  const routes = listRoutes(entries, '/news/', [newsFacets(streets).street]);
  const streetPaths = routes.map((r) => r.path).filter((p) => p?.startsWith('street/'));

  it('makes paginated pages for gucheng and one for laoshan, none for bajiao', () => {
    expect(streetPaths).toEqual(['street/gucheng', 'street/gucheng/page/2', 'street/laoshan']);
  });
  it('puts on a street page only the entries of that street’s stations', () => {
    const laoshan = routes.find((r) => r.path === 'street/laoshan');
    expect(laoshan?.items.map((e) => e.id)).toEqual(['l1']);
    expect(laoshan?.filter).toEqual({ key: 'street', value: 'laoshan' });
    expect(routes.filter((r) => r.filter?.value === 'gucheng').reduce((n, r) => n + r.items.length, 0)).toBe(11);
  });
  it('leaves district-wide news out of every street page', () => {
    expect(routes.filter((r) => r.filter).flatMap((r) => r.items.map((e) => e.id))).not.toContain('w1');
  });
});

describe('the sections table', () => {
  const names = { station: (s: string) => `站:${s}`, street: (s: string) => `街:${s}`, tag: (s: string) => `标签:${s}` };

  it.each([
    ['news', ['category', 'year', 'station', 'street', 'tag']],
    ['activities', ['kind', 'year', 'station', 'street']],
    ['exchange', ['topic', 'station', 'street', 'tag']],
    ['diary', ['station', 'street']],
  ] as const)('%s: the filter bar shows its facets in order, each backed by a facet', (name, keys) => {
    const specs = filterSpecs(name, streets, names);
    expect(specs.map((s) => s.facet.key)).toEqual(keys);
    expect(Object.keys(SECTIONS[name].facets(streets)).sort()).toEqual([...keys].sort());
  });

  it('names filter values from the slug maps and the data', () => {
    const label = (name: ListSection, key: string, slug: string) =>
      filterSpecs(name, streets, names)
        .find((s) => s.facet.key === key)!
        .labelOf(slug);
    expect(label('news', 'category', 'tongzhi')).toBe('通知公告');
    expect(label('news', 'year', '2026')).toBe(t('filter.yearValue', { year: '2026' }));
    expect(label('activities', 'kind', 'zhengce')).toBe('送政策');
    expect(label('exchange', 'topic', 'fuwu')).toBe('服务企业');
    expect(label('diary', 'station', 'lingxiu')).toBe('站:lingxiu');
    expect(label('exchange', 'street', 'gucheng')).toBe('街:gucheng');
    expect(label('news', 'tag', 't-1')).toBe('标签:t-1');
  });

  it('puts each list section under its own base, with a station-page block', () => {
    expect(LIST_SECTIONS.map((n) => SECTIONS[n].base)).toEqual(['/news/', '/activities/', '/exchange/', '/diary/']);
    expect(STATION_BLOCKS.map((n) => SECTIONS[n].latest.id)).toEqual(['news', 'activities', 'diary', 'exchange']);
  });

  it('dates and places entries the way the lists and feeds need', () => {
    const entry = news('n', 'lingxiu');
    expect(SECTIONS.news.dateOf(entry)).toEqual(new Date('2026-11-20T01:30:00Z'));
    expect(SECTIONS.news.stationOf(entry)).toBe('lingxiu');
    expect(SECTIONS.news.stationOf(news('m'))).toBeUndefined();
  });
});
