import { describe, expect, it } from 'vitest';
import { pageShard, pageUrl, sha256, shardCacheKey } from '../../src/lib/search/search-index.node.ts';
import { olderUrl, searchesOlder } from '../../src/lib/search/search-loader.browser.ts';
import {
  BASE_SHARD,
  chooseShardMonths,
  firstShards,
  inShards,
  isNamedShard,
  mergeOrder,
  nextShards,
  placedIn,
  periodOf,
  recentCount,
  SCHOOL_SHARD,
  shardOf,
  shardPath,
  unloadedNamed,
  unloadedYears,
  validShardMonths,
  type ShardManifest,
} from '../../src/lib/search/search-shards.ts';

describe('shardOf: the shard of a page', () => {
  it.each([
    ['a dated page goes to its year', { sortdate: '2026-11-20T09:30' }, 12, '2026'],
    ['the first minute of a year is that year', { sortdate: '2025-01-01T00:00' }, 12, '2025'],
    ['the last minute of a year is that year', { sortdate: '2025-12-31T23:59' }, 12, '2025'],
    ['a year filter alone gives the year', { year: '2024' }, 12, '2024'],
    ['the sort date wins over the year filter', { sortdate: '2026-01-05T08:00', year: '2025' }, 12, '2026'],
    ['an undated page goes to the base shard', {}, 12, BASE_SHARD],
    ['a malformed date goes to the base shard', { sortdate: 'soon', year: '26' }, 12, BASE_SHARD],
    ['quarters: November is in the quarter from October', { sortdate: '2026-11-20T09:30' }, 3, '2026-10'],
    ['quarters: March is in the first quarter', { sortdate: '2026-03-31T23:00' }, 3, '2026-01'],
    ['months: each month its own shard', { sortdate: '2026-07-01T00:00' }, 1, '2026-07'],
    ['half years: a year filter alone gives the first half', { year: '2024' }, 6, '2024-01'],
    ['an undated page naming a shard goes to it', { shard: SCHOOL_SHARD }, 12, SCHOOL_SHARD],
    ['a dated page naming a shard goes by its date', { sortdate: '2025-03-01T09:00', shard: SCHOOL_SHARD }, 12, '2025'],
    ['a shard name that is not letters goes to the base shard', { shard: '../x' }, 12, BASE_SHARD],
    ["a shard name of one of Pagefind's folders goes to the base shard", { shard: 'fragment' }, 12, BASE_SHARD],
    ['the name base is the base shard', { shard: 'base' }, 12, BASE_SHARD],
  ])('%s', (_, date, months, expected) => {
    expect(shardOf(date, months)).toBe(expected);
  });

  it.each([5, 7, 0, -3, 1.5, 24])('a shard length of %s months is refused', (months) => {
    expect(validShardMonths(months)).toBe(false);
    expect(() => shardOf({ sortdate: '2026-01-01T00:00' }, months)).toThrow(/12/);
  });

  it('the base shard is the primary bundle; others are nested bundles', () => {
    expect(shardPath(BASE_SHARD)).toBe('/pagefind/');
    expect(shardPath('2025')).toBe('/pagefind/2025/');
    expect(shardPath(SCHOOL_SHARD)).toBe('/pagefind/school/');
  });

  it.each([
    [SCHOOL_SHARD, true],
    ['base', false],
    ['2025', false],
    ['2025-04', false],
    ['index', false],
    ['filter', false],
    ['School', false],
    [undefined, false],
  ])('%s is a named shard: %s', (id, expected) => {
    expect(isNamedShard(id)).toBe(expected);
  });
});

describe('pageShard: reading a built page', () => {
  const page = (attrs: string, body = true) =>
    `<html lang="zh-CN"><body><main><div class="x"${body ? ' data-pagefind-body' : ''}>${attrs}<p>正文</p></div></main></body></html>`;
  it.each([
    [
      'an article by its date sort key',
      page('<span hidden data-pagefind-filter="year:2025"></span><span hidden data-pagefind-sort="date:2025-06-01T09:00"></span>'),
      '2025',
    ],
    ['a page with only a year filter', page('<span hidden data-pagefind-filter="year:2024"></span>'), '2024'],
    ['an undated indexed page (a station)', page('<span hidden data-pagefind-filter="type:工作站"></span>'), BASE_SHARD],
    [
      'a lesson, by the shard it names',
      page('<span hidden data-pagefind-filter="type:网上党校"></span><span hidden data-pagefind-meta="shard:school"></span>'),
      SCHOOL_SHARD,
    ],
    ['a page Pagefind does not index', page('<span hidden data-pagefind-sort="date:2025-06-01T09:00"></span>', false), undefined],
    ['data-pagefind-body="" counts as indexed', '<div data-pagefind-body=""><span data-pagefind-sort="date:2023-02-01T00:00"></span></div>', '2023'],
  ])('%s', (_, html, expected) => {
    expect(pageShard(html)).toBe(expected);
  });

  it.each([
    ['a marker inside another attribute value', '<div title="data-pagefind-body"><span data-pagefind-sort="date:2023-02-01T00:00"></span></div>', undefined],
    ['a longer attribute name', '<div data-pagefind-body-x><span data-pagefind-sort="date:2023-02-01T00:00"></span></div>', undefined],
    [
      'the marker after such a false one',
      '<div title="data-pagefind-body" data-pagefind-body><span data-pagefind-sort="date:2023-02-01T00:00"></span></div>',
      '2023',
    ],
    ['a sort key without its closing quote', '<div data-pagefind-body><span data-pagefind-sort="date:2023-02-01T00:00></span></div>', BASE_SHARD],
  ])('%s', (_, html, expected) => {
    expect(pageShard(html)).toBe(expected);
  });

  it('reads the same shard from the bytes of a page as from its text, Chinese included', () => {
    const html = page('<span hidden data-pagefind-filter="year:2024"></span><span data-pagefind-filter="type:新闻动态"></span>');
    expect(pageShard(Buffer.from(html))).toBe(pageShard(html));
    expect(pageShard(Buffer.from(html))).toBe('2024');
    expect(sha256(Buffer.from(html))).toBe(sha256(html));
  });

  it('quarter shards from the same page', () => {
    expect(pageShard(page('<span hidden data-pagefind-sort="date:2025-06-01T09:00"></span>'), 3)).toBe('2025-04');
  });

  it.each([
    ['news/x/index.html', '/news/x/'],
    ['index.html', '/'],
    ['404.html', '/404.html'],
  ])('%s is found at %s', (file, url) => {
    expect(pageUrl(file)).toBe(url);
  });
});

describe('shardCacheKey', () => {
  const pages = [
    { url: '/news/a/', hash: 'aaa' },
    { url: '/news/b/', hash: 'bbb' },
  ];
  const key = shardCacheKey(pages, 'v1 2025');

  it('is the same for the same pages in any order', () => {
    expect(shardCacheKey([...pages].reverse(), 'v1 2025')).toBe(key);
  });

  it.each([
    ['a page edited', [pages[0]!, { url: '/news/b/', hash: 'bbc' }], 'v1 2025'],
    ['a page added', [...pages, { url: '/news/c/', hash: 'ccc' }], 'v1 2025'],
    ['a page removed', [pages[0]!], 'v1 2025'],
    ['a page moved to another address', [pages[0]!, { url: '/news/b2/', hash: 'bbb' }], 'v1 2025'],
    ['another indexer version or shard', pages, 'v2 2025'],
  ])('changes when %s', (_, changed, salt) => {
    expect(shardCacheKey(changed, salt)).not.toBe(key);
  });
});

describe('merge order and the shards a search loads', () => {
  const manifest: ShardManifest = {
    months: 12,
    recent: 1,
    shards: [
      { id: '2024', path: '/pagefind/2024/', years: ['2024'], pages: 10 },
      { id: BASE_SHARD, path: '/pagefind/', years: [], pages: 5 },
      { id: '2026', path: '/pagefind/2026/', years: ['2026'], pages: 10 },
      { id: '2025', path: '/pagefind/2025/', years: ['2025'], pages: 10 },
    ],
  };

  it('base first (the primary bundle), then dated shards newest first', () => {
    expect(mergeOrder(['2024', '2026', BASE_SHARD, '2025', '2026'])).toEqual([BASE_SHARD, '2026', '2025', '2024']);
    expect(mergeOrder(['2025-01', '2025-10', '2025-04'])).toEqual(['2025-10', '2025-04', '2025-01']);
  });

  it.each([
    ['no filter: base and the newest shard', 1, '', [BASE_SHARD, '2026']],
    ['two recent shards', 2, '', [BASE_SHARD, '2026', '2025']],
    ['an old year filter adds that year', 1, '2024', [BASE_SHARD, '2026', '2024']],
    ['a year with no shard adds nothing', 1, '2019', [BASE_SHARD, '2026']],
    ['no recent shards: base only', 0, '', [BASE_SHARD]],
  ])('first search, %s', (_, recent, year, expected) => {
    expect(firstShards({ ...manifest, recent }, year)).toEqual(expected);
  });

  it('named shards come after the base shard and before dated ones, by name', () => {
    expect(mergeOrder(['2025', SCHOOL_SHARD, '2026', BASE_SHARD, 'archive'])).toEqual([BASE_SHARD, 'archive', SCHOOL_SHARD, '2026', '2025']);
  });

  describe('the school shard (made only when lessons are many)', () => {
    const big: ShardManifest = {
      ...manifest,
      shards: [...manifest.shards, { id: SCHOOL_SHARD, path: '/pagefind/school/', years: [], pages: 6000, types: ['党校课程'] }],
    };
    it('a first search does not load it; a search filtered to its type does', () => {
      expect(firstShards(big)).toEqual([BASE_SHARD, '2026']);
      expect(firstShards(big, '', '党校课程')).toEqual([BASE_SHARD, SCHOOL_SHARD, '2026']);
      expect(firstShards(big, '', '新闻动态')).toEqual([BASE_SHARD, '2026']);
      expect(firstShards(big, '2024', '党校课程')).toEqual([BASE_SHARD, SCHOOL_SHARD, '2026', '2024']);
    });
    it('a search that widens takes it first, before older years; the control names it', () => {
      const loaded = firstShards(big);
      expect(nextShards(big, loaded, 2)).toEqual([SCHOOL_SHARD, '2025']);
      expect(unloadedNamed(big, loaded)).toEqual([SCHOOL_SHARD]);
      expect(unloadedYears(big, loaded)).toBe('2024—2025');
      expect(unloadedNamed(big, [...loaded, SCHOOL_SHARD])).toEqual([]);
      expect(unloadedNamed(manifest, firstShards(manifest))).toEqual([]);
    });
    it('a lesson is placed in the school shard when it exists, else in the base shard', () => {
      const withSchool = new Set(big.shards.map((s) => s.id));
      const without = new Set(manifest.shards.map((s) => s.id));
      expect(placedIn(SCHOOL_SHARD, withSchool)).toBe(SCHOOL_SHARD);
      expect(placedIn(SCHOOL_SHARD, without)).toBe(BASE_SHARD);
      expect(placedIn('2025', without)).toBe('2025');
      expect(inShards(new Set([BASE_SHARD]), 12, { shard: SCHOOL_SHARD }, without)).toBe(true);
      expect(inShards(new Set([BASE_SHARD]), 12, { shard: SCHOOL_SHARD }, withSchool)).toBe(false);
    });
  });

  it('older shards follow newest first, and the control names the years left', () => {
    const loaded = [BASE_SHARD, '2026'];
    expect(nextShards(manifest, loaded, 1)).toEqual(['2025']);
    expect(nextShards(manifest, loaded)).toEqual(['2025', '2024']);
    expect(unloadedYears(manifest, loaded)).toBe('2024—2025');
    expect(unloadedYears(manifest, [...loaded, '2025'])).toBe('2024');
    expect(
      unloadedYears(
        {
          months: 3,
          recent: 1,
          shards: [
            { id: '2025-01', path: '', years: ['2025'], pages: 1 },
            { id: '2025-04', path: '', years: ['2025'], pages: 1 },
          ],
        },
        [],
      ),
    ).toBe('2025');
    expect(nextShards(manifest, [BASE_SHARD, '2026', '2025', '2024'])).toEqual([]);
    expect(unloadedYears(manifest, [BASE_SHARD, '2026', '2025', '2024'])).toBeUndefined();
  });
});

describe('recentCount: the shards a first search loads', () => {
  it.each([
    ['the current year and a future one', ['base', '2027', '2026', '2025'], '2026', 2],
    ['only the current year', ['2026', '2025', '2024'], '2026', 1],
    ['at least one, when nothing is this year yet', ['2025', '2024'], '2026', 1],
    ['the current quarter, not the earlier quarters of its year', ['2026-10', '2026-07', '2026-04', '2026-01', '2025-10'], '2026-10', 1],
    ['the current quarter and a future one', ['2027-01', '2026-10', '2026-07'], '2026-10', 2],
    ['no dated shards', ['base'], '2026', 0],
  ])('%s', (_, ids, current, expected) => {
    expect(recentCount(ids, current)).toBe(expected);
  });
});

describe('periodOf and chooseShardMonths: the shard length grows smaller as the archive grows', () => {
  it('maps a month to its year, half-year, quarter or itself', () => {
    expect(periodOf('2026-11', 12)).toBe('2026');
    expect(periodOf('2026-11', 6)).toBe('2026-07');
    expect(periodOf('2026-11', 3)).toBe('2026-10');
    expect(periodOf('2026-11', 1)).toBe('2026-11');
    expect(periodOf('base', 3)).toBe('base');
    expect(periodOf('school', 3)).toBe('school');
  });

  /** `pages` pages in every month of the years given. */
  const months = (years: string[], pages: number) =>
    new Map(years.flatMap((y) => Array.from({ length: 12 }, (_, i) => [`${y}-${String(i + 1).padStart(2, '0')}`, pages] as const)));

  it.each([
    ['a demo-sized site keeps one shard a year', months(['2025', '2026'], 10), 12],
    ['1,920 pages a year still fit in one shard', months(['2026'], 160), 12],
    ['3,000 a year (10,000 entries): half-years', months(['2024', '2025', '2026'], 250), 6],
    ['6,000 a year (60,000 entries over ten years): quarters', months(['2017', '2026'], 500), 3],
    ['a month past the bound: months', months(['2026'], 2500), 1],
  ])('%s', (_, perMonth, expected) => {
    expect(chooseShardMonths(perMonth)).toBe(expected);
  });

  it('one busy period is enough to shorten every shard', () => {
    const perMonth = months(['2025', '2026'], 10);
    perMonth.set('2025-03', 1975);
    expect(chooseShardMonths(perMonth)).toBe(3);
  });
});

describe('a search keeps only its own shards, so an address always gives the same results', () => {
  const scope = new Set([BASE_SHARD, '2026']);
  it.each([
    ['a page of a shard in scope', { sortdate: '2026-03-01T10:00', year: '2026' }, 12, true],
    ['an undated page (base shard)', {}, 12, true],
    ['a page of an older shard merged by an earlier search', { sortdate: '2024-03-01T10:00', year: '2024' }, 12, false],
    ['a page with only a year filter', { year: '2026' }, 12, true],
    ['a lesson, when the school shard is not in scope', { shard: SCHOOL_SHARD }, 12, false],
  ])('%s', (_, page, months, expected) => {
    expect(inShards(scope, months, page)).toBe(expected);
  });
  it('a lesson is in scope with the school shard', () => {
    expect(inShards(new Set([BASE_SHARD, SCHOOL_SHARD]), 12, { shard: SCHOOL_SHARD })).toBe(true);
  });
  it('quarter shards are told apart', () => {
    expect(inShards(new Set(['2026-10']), 3, { sortdate: '2026-11-01T00:00' })).toBe(true);
    expect(inShards(new Set(['2026-10']), 3, { sortdate: '2026-07-01T00:00' })).toBe(false);
  });
  it('asking for older years is kept in the address, beside the query and filters', () => {
    const href = 'https://example.test/search/?q=%E8%AF%BB%E4%B9%A6&year=2025';
    expect(searchesOlder(href)).toBe(false);
    expect(olderUrl(href)).toBe('/search/?q=%E8%AF%BB%E4%B9%A6&year=2025&older=1');
    expect(searchesOlder(`https://example.test${olderUrl(href)}`)).toBe(true);
  });
});
