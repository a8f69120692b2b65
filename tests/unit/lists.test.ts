import { describe, expect, it } from 'vitest';
import { facetValues, listRoutes } from '../../src/lib/lists/facets.ts';
import { facetLinks, filterNav } from '../../src/lib/lists/filter-bar.ts';
import { derived } from '../../src/lib/lists/memo.ts';
import { groupByMonth } from '../../src/lib/lists/months.ts';
import { findById, neighbours, positionOf } from '../../src/lib/lists/neighbours.ts';
import { paginate, pageWindow, PAGE_GAP } from '../../src/lib/lists/pagination.ts';
import { relatedItems, RELATED_WINDOW, type ItemFacts } from '../../src/lib/lists/related.ts';
import { assembleThreads, threadIndex } from '../../src/lib/lists/threads.ts';

const day = (s: string) => new Date(`${s}T02:00:00Z`);
const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('paginate', () => {
  it.each([
    [0, 1, [0]],
    [1, 1, [1]],
    [10, 1, [10]],
    [11, 2, [10, 1]],
    [25, 3, [10, 10, 5]],
  ])('%i items give %i pages of sizes %j', (n, pages, sizes) => {
    const result = paginate(range(n), '/news/');
    expect(result).toHaveLength(pages);
    expect(result.map((p) => p.items.length)).toEqual(sizes);
    expect(result.every((p) => p.total === n && p.pages === pages)).toBe(true);
  });

  it('links each page to its neighbours and keeps order', () => {
    const [first, second, third] = paginate(range(25), '/news/');
    expect(first).toMatchObject({ href: '/news/', prevHref: undefined, nextHref: '/news/page/2/' });
    expect(second).toMatchObject({ href: '/news/page/2/', prevHref: '/news/', nextHref: '/news/page/3/' });
    expect(third).toMatchObject({ nextHref: undefined });
    expect(second?.items[0]).toBe(11);
  });
});

interface Item extends ItemFacts {
  cat: string;
}
const item = (id: string, date: string, extra: Partial<Item> = {}): Item => ({ id, date: day(date), cat: 'a', tags: [], ...extra });

describe('listRoutes builds the base list and one paginated list per facet value', () => {
  const items = [...range(12).map((i) => item(`a${i}`, '2026-01-01', { cat: 'x' })), item('b1', '2026-01-01', { cat: 'y' })];
  const routes = listRoutes(items, '/news/', [{ key: 'category', values: (i) => [i.cat] }]);
  const paths = routes.map((r) => r.path);

  it('has the expected rest parameters', () => {
    expect(paths).toEqual([undefined, 'page/2', 'category/x', 'category/x/page/2', 'category/y']);
  });
  it('filter pages only hold matching items', () => {
    expect(routes.find((r) => r.path === 'category/y')?.items.map((i) => i.id)).toEqual(['b1']);
    expect(routes.find((r) => r.path === 'category/x/page/2')?.filter).toEqual({ key: 'category', value: 'x' });
  });
  it('creates no page for a value nobody has', () => {
    expect(paths).not.toContain('category/z');
  });
  it('still gives an (empty) first page for an empty list', () => {
    expect(listRoutes([], '/news/', [{ key: 'category', values: (i: Item) => [i.cat] }]).map((r) => r.path)).toEqual([undefined]);
  });
});

describe('facetValues counts each item once per value, most frequent first', () => {
  it('counts tags', () => {
    const items = [{ t: ['a', 'b'] }, { t: ['b', 'b'] }, { t: [] }];
    expect(facetValues(items, (i) => i.t)).toEqual([
      { value: 'b', count: 2 },
      { value: 'a', count: 1 },
    ]);
  });
});

describe('relatedItems', () => {
  const self = item('self', '2026-05-01', { station: 'lingxiu', tags: ['a', 'b'] });
  const all = [
    self,
    item('both-tags', '2026-01-01', { tags: ['a', 'b'] }),
    item('one-tag-same-station', '2026-02-01', { station: 'lingxiu', tags: ['a'] }),
    item('one-tag-newer', '2026-04-01', { tags: ['b'] }),
    item('one-tag-older', '2026-03-01', { tags: ['a'] }),
    item('same-station', '2026-06-01', { station: 'lingxiu' }),
    item('nothing', '2026-07-01', { station: 'wanshang', tags: ['z'] }),
  ];
  it('ranks shared tags above station and newer above older, never self', () => {
    expect(relatedItems(self, all, 5).map((i) => i.id)).toEqual(['both-tags', 'one-tag-same-station', 'one-tag-newer', 'one-tag-older', 'same-station']);
  });
  it('leaves out items sharing nothing and respects the limit', () => {
    expect(relatedItems(self, all, 10).map((i) => i.id)).not.toContain('nothing');
    expect(relatedItems(self, all)).toHaveLength(3);
  });
  it('is stable whatever the input order', () => {
    expect(relatedItems(self, [...all].reverse(), 5)).toEqual(relatedItems(self, all, 5));
  });
  it('district-wide items are not related by a missing station', () => {
    const a = item('a', '2026-01-01');
    expect(relatedItems(a, [a, item('b', '2026-01-02')])).toEqual([]);
  });
});

describe('relatedItems in a long archive: candidates are the nearest in time', () => {
  // 400 days, one item a day, all sharing tag "a"; every tenth also shares the station.
  const days = Array.from({ length: 400 }, (_, i) => {
    const d = new Date(Date.UTC(2020, 0, 1 + i, 2));
    return item(`d${String(i).padStart(3, '0')}`, d.toISOString().slice(0, 10), { tags: ['a'], station: i % 10 === 0 ? 's' : 't' });
  });
  const self = days[200] as Item;
  it('an old entry relates to entries of its own period, not to the newest', () => {
    // d200 is at station s: every tenth day shares station and tag (score 3), nearest first and,
    // at equal distance, newer first; the newest such item (d390) is not among them.
    expect(relatedItems(self, days).map((i) => i.id)).toEqual(['d210', 'd190', 'd220']);
    // Without the station, the nearest days sharing the tag.
    expect(relatedItems({ ...self, station: undefined }, days).map((i) => i.id)).toEqual(['d201', 'd199', 'd202']);
  });
  it('looks only RELATED_WINDOW items either side in each shared list', () => {
    // A match as good as the best, far away in time in every list it shares, is no candidate,
    // even when every candidate is asked for; a whole-list scan would have ranked it near the top.
    const far = item('far', '2019-01-01', { tags: ['a'], station: 's' });
    const me = item('me', '2020-07-20', { tags: ['a'], station: 's' });
    const ids = relatedItems(me, [...days, far, me], 1000).map((i) => i.id);
    expect(ids).not.toContain('far');
    expect(ids.length).toBeLessThanOrEqual(2 * 2 * RELATED_WINDOW);
    expect(ids.length).toBeGreaterThanOrEqual(2 * RELATED_WINDOW);
    // In a short list the same match is within the window and wins on score.
    expect(relatedItems(me, [far, me, ...days.slice(1, 4)])[0]?.id).toBe('far');
  });
  it('gives the same answer for a self not in the list (found by binary search)', () => {
    const copy = { ...self };
    expect(
      relatedItems(
        copy,
        days.filter((d) => d.id !== self.id),
      ).map((i) => i.id),
    ).toEqual(relatedItems(self, days).map((i) => i.id));
  });
});

describe('neighbours in a newest-first list', () => {
  const list = [{ id: 'c' }, { id: 'b' }, { id: 'a' }];
  it.each([
    ['c', undefined, 'b'],
    ['b', 'c', 'a'],
    ['a', 'b', undefined],
  ])('%s: newer %s, older %s', (id, newer, older) => {
    const n = neighbours(list, id);
    expect(n.newer?.id).toBe(newer);
    expect(n.older?.id).toBe(older);
  });
  it('gives nothing for an unknown id', () => expect(neighbours(list, 'x')).toEqual({}));
});

describe('positionOf and findById: an entry found by id without a scan per page', () => {
  const list = [
    { id: 'c', n: 1 },
    { id: 'b', n: 2 },
    { id: 'a', n: 3 },
    { id: 'b', n: 4 },
  ];
  it.each([
    ['c', 0],
    ['a', 2],
    ['b', 1], // the first of a repeated id, as findIndex gives
    ['x', -1],
  ])('%s is at %i', (id, at) => {
    expect(positionOf(list, id)).toBe(at);
    expect(positionOf(list, id)).toBe(list.findIndex((e) => e.id === id));
  });
  it('finds the entry itself, or nothing', () => {
    expect(findById(list, 'a')).toBe(list[2]);
    expect(findById(list, 'x')).toBeUndefined();
  });
  it('keeps lists apart', () => {
    expect(positionOf([{ id: 'a' }], 'a')).toBe(0);
    expect(positionOf([{ id: 'z' }, { id: 'a' }], 'a')).toBe(1);
  });
});

describe('exchange threads', () => {
  const posts = [
    { id: 'r2', date: day('2026-03-05'), replyTo: 'r1' },
    { id: 'lone', date: day('2026-02-01') },
    { id: 'root', date: day('2026-01-01') },
    { id: 'r1', date: day('2026-03-01'), replyTo: 'root' },
    { id: 'orphan', date: day('2026-01-15'), replyTo: 'missing' },
  ];
  const threads = assembleThreads(posts);
  it('puts a reply to a reply under the original post, oldest reply first', () => {
    const t = threads.find((x) => x.root.id === 'root');
    expect(t?.replies.map((r) => r.id)).toEqual(['r1', 'r2']);
  });
  it('orders threads by latest activity', () => {
    expect(threads.map((x) => x.root.id)).toEqual(['root', 'lone', 'orphan']);
    expect(threads[0]?.lastActivity).toEqual(day('2026-03-05'));
  });
  it('treats a reply to a missing post as an original post', () => {
    expect(threads.find((x) => x.root.id === 'orphan')?.replies).toEqual([]);
  });
  it('finds the whole thread from any of its posts', () => {
    expect(threadIndex(threads).get('r2')?.root.id).toBe('root');
    expect(threadIndex(threads).get('nope')).toBeUndefined();
  });
  it('indexes every post to its thread, as a search of the threads would find it', () => {
    const index = threadIndex(threads);
    expect([...index.keys()].sort()).toEqual(posts.map((p) => p.id).sort());
    for (const p of posts) expect(index.get(p.id)).toBe(threads.find((th) => th.root.id === p.id || th.replies.some((r) => r.id === p.id)));
    expect(index.get('r2')?.root.id).toBe('root');
    expect(index.get('nope')).toBeUndefined();
  });
  it('survives a reply loop', () => {
    const loop = [
      { id: 'x', date: day('2026-01-01'), replyTo: 'y' },
      { id: 'y', date: day('2026-01-02'), replyTo: 'x' },
    ];
    expect(
      assembleThreads(loop)
        .flatMap((t) => [t.root.id, ...t.replies.map((r) => r.id)])
        .sort(),
    ).toEqual(['x', 'y']);
  });
});

describe('groupByMonth groups by Beijing month and keeps order', () => {
  it('splits at month boundaries in Beijing time', () => {
    const items = [
      { id: 'a', date: new Date('2026-11-30T17:00:00Z') }, // 2026-12-01 01:00 Beijing
      { id: 'b', date: day('2026-11-30') },
      { id: 'c', date: day('2026-11-02') },
      { id: 'd', date: day('2026-10-31') },
    ];
    expect(groupByMonth(items).map((g) => [g.month, g.items.map((i) => i.id)])).toEqual([
      ['2026-12', ['a']],
      ['2026-11', ['b', 'c']],
      ['2026-10', ['d']],
    ]);
  });
});

describe('facetLinks', () => {
  const items = [{ y: '2025' }, { y: '2026' }, { y: '2026' }, { y: '2024' }];
  const facet = { key: 'year', values: (i: { y: string }) => [i.y] };
  it('links each value under base/key/slug with its count, most frequent first', () => {
    expect(facetLinks(items, '/news/', facet, (s) => `${s}年`).map((l) => [l.label, l.href, l.count])).toEqual([
      ['2026年', '/news/year/2026/', 2],
      ['2024年', '/news/year/2024/', 1],
      ['2025年', '/news/year/2025/', 1],
    ]);
  });
  it('can sort by slug, newest year first, and marks the current value', () => {
    const links = facetLinks(items, '/news/', facet, String, { key: 'year', value: '2025' }, 'slug-desc');
    expect(links.map((l) => l.label)).toEqual(['2026', '2025', '2024']);
    expect(links.filter((l) => l.current).map((l) => l.label)).toEqual(['2025']);
  });
  it('does not mark a value of another facet as current', () => {
    expect(facetLinks(items, '/news/', facet, String, { key: 'tag', value: '2025' }).some((l) => l.current)).toBe(false);
  });
});

describe('filterNav builds a list page filter bar', () => {
  type Item = { id: string; cat: string; year: string };
  const items: Item[] = [
    { id: 'a', cat: 'x', year: '2025' },
    { id: 'b', cat: 'y', year: '2026' },
    { id: 'c', cat: 'x', year: '2026' },
  ];
  const cat = { key: 'category', values: (i: Item) => [i.cat] };
  const year = { key: 'year', values: (i: Item) => [i.year] };
  const specs = [
    { facet: cat, group: '栏目', labelOf: (s: string) => `栏目${s}` },
    { facet: year, group: '年份', labelOf: (s: string) => `${s}年`, order: 'slug-desc' as const, fold: true },
  ];

  it('lists each facet value with its count, most frequent or newest first', () => {
    const nav = filterNav(items, '/news/', specs);
    expect(nav.groups.map((g) => g.links.map((l) => `${l.label}:${l.count}`))).toEqual([
      ['栏目x:2', '栏目y:1'],
      ['2026年:2', '2025年:1'],
    ]);
    expect(nav.groups[1]!.fold).toBe(true);
    expect(nav.filter).toBeUndefined();
    expect(nav.listBase).toBe('/news/');
  });

  it('marks the active filter, names it and bases pagination on its address', () => {
    const nav = filterNav(items, '/news/', specs, { key: 'year', value: '2026' });
    expect(nav.filter).toEqual({ label: '年份', value: '2026年' });
    expect(nav.listBase).toBe('/news/year/2026/');
    expect(nav.groups[1]!.links.find((l) => l.current)?.href).toBe('/news/year/2026/');
    expect(nav.groups[0]!.links.some((l) => l.current)).toBe(false);
  });
});

describe('derived values are computed once per source', () => {
  it('returns the first result for the same source and key, and recomputes for another source', () => {
    const source = [1, 2, 3];
    let calls = 0;
    const sum = (xs: number[]) => {
      calls += 1;
      return xs.reduce((a, b) => a + b, 0);
    };
    expect(derived(source, 'sum', sum)).toBe(6);
    expect(derived(source, 'sum', sum)).toBe(6);
    expect(calls).toBe(1);
    expect(derived([4], 'sum', sum)).toBe(4);
    expect(calls).toBe(2);
  });
});

describe('relatedItems can leave some items out', () => {
  const at = (d: string) => new Date(`${d}T00:00:00+08:00`);
  const items = [
    { id: 'a', date: at('2026-01-01'), station: 's', tags: ['x'] },
    { id: 'b', date: at('2026-01-02'), station: 's', tags: ['x'] },
    { id: 'c', date: at('2026-01-03'), station: 's', tags: [] },
  ];
  it('skips excluded items but keeps the others in score order', () => {
    expect(relatedItems(items[0]!, items, 3, (i) => i.id === 'b').map((i) => i.id)).toEqual(['c']);
    expect(relatedItems(items[0]!, items).map((i) => i.id)).toEqual(['b', 'c']);
  });
});

describe('pageWindow: the page links of a long list stay few', () => {
  it.each([
    [1, 1, [1]],
    [1, 5, [1, 2, 3, 4, 5]],
    [1, 7, [1, 2, 3, PAGE_GAP, 7]],
    [4, 7, [1, 2, 3, 4, 5, 6, 7]],
    [5, 10, [1, 2, 3, 4, 5, 6, 7, PAGE_GAP, 10]],
    [900, 1800, [1, PAGE_GAP, 898, 899, 900, 901, 902, PAGE_GAP, 1800]],
    [1800, 1800, [1, PAGE_GAP, 1798, 1799, 1800]],
  ])('page %i of %i: %j', (page, pages, expected) => {
    expect(pageWindow(page, pages)).toEqual(expected);
  });
  it('always links the first, last, neighbouring and current pages, at most 9 numbers', () => {
    for (const pages of [1, 2, 8, 9, 10, 60, 1800]) {
      for (let page = 1; page <= pages; page += Math.max(1, Math.floor(pages / 37))) {
        const w = pageWindow(page, pages);
        const numbers = w.filter((n): n is number => n !== PAGE_GAP);
        expect(numbers).toContain(1);
        expect(numbers).toContain(pages);
        expect(numbers).toContain(page);
        if (page > 1) expect(numbers).toContain(page - 1);
        if (page < pages) expect(numbers).toContain(page + 1);
        expect(numbers.length).toBeLessThanOrEqual(9);
        expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
        // A gap always stands for at least two pages.
        w.forEach((n, i) => {
          if (n === PAGE_GAP) expect((w[i + 1] as number) - (w[i - 1] as number)).toBeGreaterThan(2);
        });
      }
    }
  });
});
