import { describe, expect, it } from 'vitest';
import { pickSubResult, queryTerms, rankResults, shouldFetchMore, tierOf, type SearchCandidate } from '../../src/lib/search/search-rank.ts';

const page = (url: string, title: string, content: string, meta: Record<string, string> = {}): SearchCandidate => ({
  url,
  content,
  meta: { title, ...meta },
});
const station = (url: string, name: string, buildings: string[], content = '') =>
  page(url, name, `${name} ${buildings.join(' ')} ${content}`, { station: name, buildings: buildings.join('、') });

const urls = (r: ReturnType<typeof rankResults>) => ({ full: r.full.map((x) => x.item.url), partial: r.partial.map((x) => x.item.url), dropped: r.dropped });

describe('queryTerms splits the query into words as written', () => {
  it.each([
    ['one Chinese word', '地铁', ['地铁']],
    ['words split on ASCII and 全角 spaces', '党建　活动 讲座', ['党建', '活动', '讲座']],
    ['full-width Latin and digits folded', 'ＱＱ群 ２０２６', ['qq群', '2026']],
    ['edge punctuation trimmed, duplicates removed', '“五站合一”！ 五站合一', ['五站合一']],
    ['blank query has no words', '   ', []],
  ])('%s', (_, query, expected) => {
    expect(queryTerms(query)).toEqual(expected);
  });
});

describe('rankResults orders pages the way a Chinese reader expects', () => {
  const cases: [string, string, SearchCandidate[], { full: string[]; partial: string[]; dropped: number }][] = [
    [
      'exact match in the title comes before a match only in the text',
      '讲座',
      [page('/body/', '健康知识进楼宇', '本周举办健康讲座。'), page('/title/', '健康讲座通知', '欢迎参加。')],
      { full: ['/title/', '/body/'], partial: [], dropped: 0 },
    ],
    [
      'single-character coincidences are dropped (地铁 does not match 绿地 or 铁路)',
      '地铁',
      [page('/lvdi/', '绿地认养', '楼前绿地。'), page('/tielu/', '铁路', '铁路沿线。'), page('/ditie/', '通勤', '乘地铁上班。')],
      { full: ['/ditie/'], partial: [], dropped: 2 },
    ],
    [
      'a station page comes first for its building name',
      '领秀大厦',
      [
        page('/news/a/', '领秀大厦开展活动', '领秀大厦的企业员工参加。'),
        station('/stations/lingxiu/', '古城街道领秀大厦工作站', ['领秀大厦', '首特科技孵化器有限责任公司']),
      ],
      { full: ['/stations/lingxiu/', '/news/a/'], partial: [], dropped: 0 },
    ],
    [
      "a joint station's second building finds the station first",
      '长城大厦',
      [page('/news/b/', '走访楼宇', '走访长城大厦。'), station('/stations/wanshang/', '古城街道万商大厦工作站', ['万商大厦', '长城大厦'])],
      { full: ['/stations/wanshang/', '/news/b/'], partial: [], dropped: 0 },
    ],
    [
      'multi-word: pages with every word come before pages with only some, which are set apart',
      '青年 联谊',
      [
        page('/some/', '青年理论学习', '青年员工学习。'),
        page('/all-text/', '楼宇活动', '面向青年的联谊会。'),
        page('/all-title/', '青年联谊会', '报名。'),
        page('/none/', '年度总结', '联合开展。'),
      ],
      { full: ['/all-title/', '/all-text/'], partial: ['/some/'], dropped: 1 },
    ],
    [
      'the whole phrase beats scattered words',
      '党建 活动',
      [page('/scattered/', '活动预告', '党组织的建设。党建工作。'), page('/phrase/', '楼宇党建活动', '')],
      { full: ['/phrase/', '/scattered/'], partial: [], dropped: 0 },
    ],
    [
      'Latin and digits match case- and width-insensitively',
      'qq 2026',
      [page('/qq/', '联系方式', '加入QQ群，2026年起开放。'), page('/none/', '联系', 'Q 群 20 26')],
      { full: ['/qq/'], partial: [], dropped: 1 },
    ],
    ['Pagefind order is kept within a tier', '楼宇', [page('/b/', '楼宇一', ''), page('/a/', '楼宇二', '')], { full: ['/b/', '/a/'], partial: [], dropped: 0 }],
    ['an empty query keeps nothing', ' ', [page('/a/', '楼宇', '')], { full: [], partial: [], dropped: 1 }],
  ];
  it.each(cases)('%s', (_, query, candidates, expected) => {
    expect(urls(rankResults(query, candidates))).toEqual(expected);
  });

  it('sorts by date within each group, newest first, undated last', () => {
    const dated = (url: string, title: string, date?: string) => page(url, title, '', date ? { sortdate: date } : {});
    const r = rankResults(
      '党建 讲座',
      [
        dated('/old/', '党建讲座', '2025-01-02T09:00'),
        dated('/undated/', '党建讲座'),
        dated('/new/', '讲座与党建', '2026-11-20T09:30'),
        dated('/partial-old/', '党建', '2024-01-01T00:00'),
        dated('/partial-new/', '讲座', '2026-01-01T00:00'),
      ],
      'date',
    );
    expect(urls(r)).toEqual({ full: ['/new/', '/old/', '/undated/'], partial: ['/partial-new/', '/partial-old/'], dropped: 0 });
  });

  it('a building-name query does not lift stations whose buildings lack it', () => {
    expect(tierOf(['领秀大厦'], station('/s/', '八角街道银杏大厦工作站', ['银杏大厦'], '临近领秀大厦'))).toBe('phrase-in-text');
  });
});

describe('shouldFetchMore stops fetching result data early', () => {
  it.each([
    ['more results and too few full matches', { fetched: 20, total: 80, full: 3 }, true],
    ['enough full matches', { fetched: 20, total: 80, full: 10 }, false],
    ['Pagefind has no more', { fetched: 12, total: 12, full: 2 }, false],
    ['the cap is reached', { fetched: 40, total: 200, full: 0 }, false],
    ['the last batch was all coincidences', { fetched: 10, total: 80, full: 0, lastBatchKept: 0 }, false],
    ['the last batch kept something', { fetched: 10, total: 80, full: 0, lastBatchKept: 2 }, true],
  ])('%s', (_, state, expected) => {
    expect(shouldFetchMore(state)).toBe(expected);
  });
});

describe('pickSubResult links a many-entry page to the matching entry', () => {
  const subs = [
    { title: '月度例会', url: '/diary/month/2026-11/#a-title', excerpt: '召开<mark>例会</mark>。' },
    { title: '走访企业', url: '/diary/month/2026-11/#b-title', excerpt: '走访<mark>楼宇</mark>企业，了解<mark>需求</mark>。' },
  ];
  it.each([
    ['the section holding every term', '楼宇 需求', '/diary/month/2026-11/#b-title'],
    ['the first section when none holds them all', '地铁', '/diary/month/2026-11/#a-title'],
  ])('%s', (_, query, url) => {
    expect(pickSubResult(query, subs)?.url).toBe(url);
  });
  it('nothing for a page without sections', () => {
    expect(pickSubResult('楼宇', [])).toBeUndefined();
  });
});
