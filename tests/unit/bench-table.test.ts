/**
 * The benchmark's table and page weighing: fixed measurements give a fixed table, each budget
 * is judged beside its figure, and page types and weights come out right.
 */
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { pageType, percentile, weighPage, type DistStats } from '../../scripts/bench/dist-stats.ts';
import { builtFiles, newsEntryPages, renderedFiles } from '../../scripts/bench/publish.ts';
import {
  buildTable,
  displayWidth,
  median,
  metricNames,
  publishBudget,
  renderTable,
  type Budgets,
  type Measurements,
  type Run,
} from '../../scripts/bench/table.ts';

const budgets: Budgets = {
  searchTerm: '服务',
  jsMaxKB: { home: 6, '/news/': 6 },
  pageMaxKB: 40,
  firstSearchMaxKB: { demo: 150, generated: 250 },
  lighthouseMin: { performance: 100, accessibility: 100 },
  timePerPageRatioMax: 1.3,
  astroPeakRssMaxMB: 4096,
  indexPeakRssMaxMB: 3072,
  editIndexRatioMax: 1.5,
  buildGrowthMax: { from: 10000, to: 60000, max: 6.5 },
  publishMaxSeconds: { demo: 15, '10000': 60, '60000': 180 },
  deployMaxSeconds: 10,
};

const dist = (pages: number, newsJs: number): DistStats => ({
  pages,
  distBytes: 5 * 1024 * 1024,
  htmlMedian: 4096,
  htmlP95: 6144,
  types: {
    home: { pages: 1, htmlMedian: 4000, cssMax: 2048, jsMax: 1024, totalMax: 7168 },
    '/news/': { pages: pages - 1, htmlMedian: 4096, cssMax: 2048, jsMax: newsJs, totalMax: 6144 + newsJs },
  },
});

const demo: Run = {
  n: undefined,
  astro: { seconds: 4, rssMB: 600 },
  pagefind: { seconds: 0.5, rssMB: 80 },
  dist: dist(10, 2048),
  searchBytes: 70 * 1024,
  lighthouse: {
    home: { performance: 100, accessibility: 100, bestPractices: 100, seo: 100, lcp: 800, cls: 0, tbt: 10 },
    search: { performance: 98, accessibility: 100, bestPractices: 100, seo: 63, lcp: 900, cls: 0.01, tbt: 150 },
  },
};
const small: Run = {
  n: 1000,
  astro: { seconds: 10, rssMB: 800 },
  pagefind: { seconds: 5, rssMB: 900 },
  dist: dist(1000, 3072),
  searchBytes: 120 * 1024,
  bare: { seconds: 8, rssMB: 700, pages: 1001 },
  edit: { seconds: 1.2, rssMB: 300, shard: '2026', shardSeconds: 1, reindexed: ['2026'] },
};
const large: Run = {
  n: 10000,
  astro: { seconds: 50, rssMB: 2000 },
  pagefind: {
    seconds: 60,
    rssMB: 5000,
    shards: [
      { id: 'base', pages: 100, seconds: 2 },
      { id: '2026', pages: 4000, seconds: 20 },
      { id: '2025', pages: 5000, seconds: 25 },
    ],
  },
  edit: { seconds: 32, rssMB: 1500, shard: '2026', shardSeconds: 20, reindexed: ['2026'] },
  rebuild: { astroSeconds: 40, indexSeconds: 12, reindexed: ['2026'] },
  dist: dist(10000, 8192),
  searchBytes: 280 * 1024,
  bare: { seconds: 30, rssMB: 1300, pages: 10001 },
};
const huge: Run = {
  n: 60000,
  astro: { seconds: 300, rssMB: 5000 },
  pagefind: { seconds: 200, rssMB: 2000 },
  dist: dist(60000, 3072),
  searchBytes: 200 * 1024,
  bare: { seconds: 200, rssMB: 3000, pages: 60001 },
};
const measurements: Measurements = { demo, runs: [small, large] };

const cell = (text: string, metric: string, column: string) => {
  const lines = text.split('\n');
  const split = (l: string) =>
    l
      .split('|')
      .slice(1, -1)
      .map((c) => c.trim());
  const header = split(lines[0] ?? '');
  const line = lines.find((l) => split(l)[0] === metric);
  return line ? split(line)[header.indexOf(column)] : undefined;
};

describe('buildTable and renderTable', () => {
  const text = renderTable(buildTable(measurements, budgets));

  it('renders the same text for the same measurements', () => {
    expect(renderTable(buildTable(measurements, budgets))).toBe(text);
  });

  it('has one column per run, demo first, and a budget column', () => {
    expect(text.split('\n')[0]).toMatch(/^\| metric\s+\| demo\s+\| N=1,000\s+\| N=10,000\s+\| budget\s+\|$/);
  });

  it('prints every metric once', () => {
    for (const name of metricNames()) expect(text.split('\n').filter((l) => l.startsWith(`| ${name} `))).toHaveLength(1);
  });

  it.each([
    ['Astro build', 'N=10,000', '50.0 s'],
    ['pages per second', 'N=10,000', '200.0'],
    ['peak RSS Pagefind', 'N=10,000', '5000 MB FAIL'],
    ['peak RSS Astro', 'N=10,000', '2000 MB PASS'],
    ['first search transfer', 'demo', '70.0 KB PASS'],
    ['first search transfer', 'N=10,000', '280.0 KB FAIL'],
    ['first search transfer', 'N=1,000', '120.0 KB PASS'],
    ['build time ÷ bare Astro', 'N=1,000', '1.25×'],
    ['build time ÷ bare Astro', 'N=10,000', '1.67×'],
    ['build time ÷ bare Astro', 'demo', '—'],
    ['time per page ÷ bare Astro', 'N=10,000', '1.67× FAIL'],
    ['time per page ÷ bare Astro', 'N=1,000', '1.25× PASS'],
    ['search shards (largest, pages)', 'N=10,000', '3 (2025, 5,000)'],
    ['search shards (largest, pages)', 'N=1,000', '—'],
    ['one-entry edit: search index', 'N=10,000', '32.0 s (2026)'],
    ['one-entry edit ÷ indexing its shard', 'N=10,000', '1.60× (2026: 20.0 s) FAIL'],
    ['one-entry edit ÷ indexing its shard', 'N=1,000', '1.20× (2026: 1.0 s) PASS'],
    ['one-entry edit ÷ indexing its shard', 'demo', '—'],
    ['one-entry edit: whole build', 'N=10,000', '52.0 s (Astro 40.0 s, search 12.0 s: 2026)'],
    ['one-entry edit: whole build', 'N=1,000', '—'],
    ['growth of build time', 'N=10,000', '5.00×'],
    ['growth of peak RSS', 'N=10,000', '2.50×'],
    ['growth of build time', 'N=1,000', '—'],
    ['/news/ JS gz (max)', 'N=1,000', '3.0 KB PASS'],
    ['/news/ JS gz (max)', 'N=10,000', '8.0 KB FAIL'],
    ['/theory/ JS gz (max)', 'N=10,000', '—'],
    ['Lighthouse home: perf/a11y/bp/seo', 'demo', '100/100/100/100 PASS'],
    ['Lighthouse search: perf/a11y/bp/seo', 'demo', '98/100/100/63 FAIL'],
    ['Lighthouse search: LCP/CLS/TBT', 'demo', '0.90 s / 0.010 / 150 ms'],
    ['Lighthouse lesson: perf/a11y/bp/seo', 'demo', '—'],
  ])('shows %s for %s as “%s”', (metric, column, expected) => {
    expect(cell(text, metric, column)).toBe(expected);
  });

  it('counts the verdicts and lists each failure', () => {
    const table = buildTable(measurements, budgets);
    expect(table.failed).toEqual([
      'peak RSS Pagefind (N=10,000)',
      'one-entry edit ÷ indexing its shard (N=10,000)',
      'first search transfer (N=10,000)',
      'time per page ÷ bare Astro (N=10,000)',
      '/news/ JS gz (max) (N=10,000)',
      'Lighthouse search: perf/a11y/bp/seo (demo)',
    ]);
    expect(text).toContain(`Budgets: ${table.passed + 6} evaluated, ${table.passed} passed, 6 failed.`);
  });

  it('judges build-time growth only between the budgeted sizes, and memory by step', () => {
    const t = renderTable(buildTable({ runs: [small, large, huge] }, budgets));
    expect(cell(t, 'growth of build time, budgeted', 'N=60,000')).toBe('6.00× PASS');
    expect(cell(t, 'growth of build time, budgeted', 'N=10,000')).toBe('—');
    expect(cell(t, 'growth of build time', 'N=60,000')).toBe('30.00×');
    expect(cell(t, 'peak RSS Astro', 'N=60,000')).toBe('5000 MB FAIL');
    expect(cell(t, 'peak RSS Pagefind', 'N=60,000')).toBe('2000 MB PASS');
    const slower = renderTable(buildTable({ runs: [small, large, { ...huge, astro: { seconds: 330, rssMB: 3000 } }] }, budgets));
    expect(cell(slower, 'growth of build time, budgeted', 'N=60,000')).toBe('6.60× FAIL');
    // Without the smaller budgeted size there is nothing to judge.
    expect(cell(renderTable(buildTable({ runs: [small, huge] }, budgets)), 'growth of build time, budgeted', 'N=60,000')).toBe('—');
  });

  it('judges the ratio on the medians of repeated timings, site and bare alike', () => {
    // Main builds 50 s and 30 s (1.67×, a fail); with repeats the medians are 22 s and 15 s.
    const repeated: Run = { ...large, repeats: { site: [22, 20], bare: [15, 16] } };
    const t = renderTable(buildTable({ runs: [small, repeated] }, budgets));
    expect(cell(t, 'timed builds per side', 'N=10,000')).toBe('3');
    expect(cell(t, 'Astro build', 'N=10,000')).toBe('22.0 s');
    expect(cell(t, 'bare Astro build', 'N=10,000')).toBe('16.0 s');
    expect(cell(t, 'build time ÷ bare Astro', 'N=10,000')).toBe('1.38×');
    expect(cell(t, 'growth of build time', 'N=10,000')).toBe('2.20×');
  });

  it('aligns every line to the same display width', () => {
    const widths = new Set(
      text
        .split('\n')
        .filter((l) => l.startsWith('|'))
        .map(displayWidth),
    );
    expect(widths.size).toBe(1);
  });
});

describe('publish-to-live rows', () => {
  const step = (total: number, deploy = 1) => ({ build: total - deploy - 1, inspect: 1, deploy, total, releaseKB: 2048, buildLine: '' });
  const withPublish = (run: Run, total: number, deploy?: number): Run => ({
    ...run,
    publish: {
      cold: step(400, 30),
      edits: {
        'one-entry edit': step(total, deploy),
        'new entry': step(total),
        'deleted entry': step(total),
        'title change': step(total),
        'settings change': step(total),
      },
    },
  });

  it('judges each size by the smallest bound at or above it, the demo by its own', () => {
    expect(publishBudget({ ...demo, n: undefined }, budgets)).toBe(15);
    expect(publishBudget({ ...demo, n: 200 }, budgets)).toBe(60);
    expect(publishBudget({ ...demo, n: 10000 }, budgets)).toBe(60);
    expect(publishBudget({ ...demo, n: 20000 }, budgets)).toBe(180);
    expect(publishBudget({ ...demo, n: 100000 }, budgets)).toBeUndefined();
  });

  it("judges a one-entry edit's total and deploy; shows the cold publish and the other edit kinds", () => {
    const table = buildTable({ demo: withPublish(demo, 14, 11), runs: [] }, budgets);
    const text = renderTable(table);
    const line = (metric: string) => text.split('\n').find((l) => l.startsWith(`| ${metric} `)) ?? '';
    expect(line('publish cold: total')).toMatch(/400\.0 s\s+\|/);
    expect(line('publish cold: build/inspect/deploy')).toMatch(/30\.0 s \(30\.0 s\)\s+\|/);
    expect(line('publish one-entry edit: total')).toMatch(/14\.0 s PASS/);
    expect(line('publish one-entry edit: build/inspect/deploy')).toMatch(/2\.0 s \/ 1\.0 s \/ 11\.0 s \(11\.0 s\) FAIL/);
    expect(line('publish settings change: release disk')).toMatch(/2\.0 MB/);
    const slow = renderTable(buildTable({ demo: withPublish(demo, 16), runs: [] }, budgets));
    expect(slow).toMatch(/FAIL publish one-entry edit: total \(demo\)/);
    expect(slow).not.toMatch(/FAIL publish title change/);
    expect(slow.split('\n').find((l) => l.startsWith('| publish title change: total '))).toMatch(/16\.0 s\s+\|/);
  });
});

describe('median', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([30, 10, 20])).toBe(20);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
  });
});

describe('pageType', () => {
  it.each([
    ['/', 'home'],
    ['/news/', '/news/'],
    ['/news/2026-11-20-a/', '/news/'],
    ['/school/course/lesson/', '/school/'],
    ['/search/', '/search/'],
    ['/404.html', 'other'],
    ['/admin/', 'other'],
  ])('puts %s under %s', (url, type) => {
    expect(pageType(url)).toBe(type);
  });
});

describe('percentile', () => {
  it.each([
    [[], 50, undefined],
    [[5], 95, 5],
    [[1, 2, 3, 4], 50, 2],
    [[10, 1, 7, 3, 5, 9, 2, 8, 6, 4], 95, 10],
    [[10, 1, 7, 3, 5, 9, 2, 8, 6, 4], 50, 5],
  ])('of %j at p%i is %s', (values, p, expected) => {
    expect(percentile(values, p)).toBe(expected);
  });
});

describe('weighPage', () => {
  const assets: Record<string, { gz: number; imports: string[] }> = {
    '/_astro/a.css': { gz: 1000, imports: [] },
    '/_astro/page.js': { gz: 300, imports: ['/_astro/shared.js'] },
    '/_astro/shared.js': { gz: 200, imports: ['/_astro/page.js'] },
  };
  const html = [
    '<html><head><link rel="stylesheet" href="/_astro/a.css"><link rel="icon" href="/favicon.svg">',
    '<style>body{color:red}</style><script>var a=1</script><script type="application/ld+json">{"a":1}</script>',
    '</head><body><script type="module" src="/_astro/page.js"></script></body></html>',
  ].join('');
  const w = weighPage('/news/x/', html, (href) => assets[href]);

  it('counts linked and inline CSS, but not other links', () => {
    expect(w.css).toBe(1000 + gzipSync('body{color:red}').length);
  });

  it('counts module scripts with their static imports once, and inline scripts, but not JSON data', () => {
    expect(w.js).toBe(300 + 200 + gzipSync('var a=1').length);
  });

  it('weighs the HTML gzipped', () => {
    expect(w.html).toBe(gzipSync(html).length);
  });
});

describe('renderedFiles', () => {
  it('reads the pages Astro rendered from its log, also when a line was cut by the next page', () => {
    const log = [
      '21:27:34 ▶ src/pages/news/[id].astro',
      '21:27:34   ├─ /news/2026-11-27-hongfeng-danyuan-xuexi/index.html21:27:34   ├─ /exchange/street/gucheng/index.html (restored)',
      '21:27:34   ├─ /news/2026-11-26-tongzhi-yuandan-huodong/index.html (restored)',
      '21:27:34   ├─ /news/category/dangjian/index.html (+28ms) ',
      '21:27:35   └─ /stations/anning/rss.xml (+14ms) (cached)',
      ' (+31ms) ',
      '21:27:35 [build] 461 page(s) built in 3.73s',
    ].join('\n');
    const files = renderedFiles(log);
    expect(files).toEqual(['/news/2026-11-27-hongfeng-danyuan-xuexi/index.html', '/news/category/dangjian/index.html']);
    expect(newsEntryPages(files)).toEqual(['2026-11-27-hongfeng-danyuan-xuexi']);
    expect(builtFiles(log).filter((f) => f.copied)).toHaveLength(3);
    // As CI writes it: in colour.
    const coloured = log.replace(/(\d\d:\d\d:\d\d)/g, '\x1b[2m$1\x1b[22m').replace(/\((restored|cached)\)/g, '\x1b[32m($1)\x1b[39m');
    expect(renderedFiles(coloured)).toEqual(files);
  });
});
