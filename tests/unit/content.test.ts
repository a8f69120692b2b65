import { describe, expect, it, vi } from 'vitest';

vi.mock('astro:content', () => import('./support/fake-collections.ts'));
const content = await import('../../src/lib/collections.content.ts');

describe('content queries', () => {
  it('lists dated entries newest first, ties by id, drafts left out', async () => {
    expect((await content.getDated('news')).map((e) => e.id)).toEqual(['n-a', 'n-b', 'n-old']);
  });

  it('reads each collection once per build', async () => {
    expect(await content.getDated('news')).toBe(await content.getDated('news'));
  });

  it('dates an entry by its publish time, start or diary day', async () => {
    const [activity] = await content.getDated('activities');
    const [diary] = await content.getDated('diary');
    expect(content.entryDate(activity!)).toEqual(new Date('2026-12-06T06:00:00Z'));
    expect(content.entryDate(diary!)).toEqual(new Date('2026-10-31T16:00:00Z'));
  });

  it('orders streets by their order field', async () => {
    expect((await content.getStreets()).map((s) => s.id)).toEqual(['gucheng', 'laoshan']);
  });

  it('names stations officially and orders them by street, then name', async () => {
    const stations = await content.getStations();
    expect(stations.map((s) => s.id)).toEqual(['anhe', 'lingxiu', 'meiyuan']);
    expect(stations.map((s) => s.name)).toEqual(['古城街道安和大厦工作站', '古城街道领秀大厦工作站', '老山街道梅园大厦工作站']);
    expect((await content.stationMap()).get('meiyuan')?.street.id).toBe('laoshan');
  });

  it.each([
    ['columns', () => content.getColumns(), ['c1', 'c2']],
    ['courses', () => content.getCourses(), ['k1', 'k2']],
    ['lessons (by course, then order; drafts left out)', () => content.getLessons(), ['l1', 'l2', 'l3']],
    ['pages', () => content.getPages(), ['about', 'help']],
  ])('orders %s', async (_, load, ids) => {
    expect((await load()).map((e) => e.id)).toEqual(ids);
  });

  it('reads the one settings entry', async () => {
    expect((await content.getSettings()).title).toBe('测试网站');
  });
});
