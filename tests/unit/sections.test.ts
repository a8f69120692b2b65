import { describe, expect, it } from 'vitest';
import type { CollectionEntry } from 'astro:content';
import { listRoutes } from '../../src/lib/lists.ts';
import { activityFacets, diaryFacets, exchangeFacets, newsFacets, streetFacet, streetIndex } from '../../src/lib/sections.ts';

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
  const entries = [
    ...Array.from({ length: 11 }, (_, i) => news(`g${i}`, i % 2 ? 'lingxiu' : 'yinxing')),
    news('l1', 'meiyuan'),
    news('w1'),
  ];
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
