/**
 * Turns the benchmark's measurements into one table with each budget's pass/fail printed
 * beside the figure it judges. Pure functions: the same measurements always give the same text.
 */
import { PAGE_TYPES, type DistStats } from './dist-stats.ts';
import { READER_METRICS, readerRows, type ReaderBudgets, type ReaderFigures } from './reader-rows.ts';
import { EDIT_KINDS, type PublishResult, type PublishStep } from './publish.ts';

/** The budgets file (scripts/bench/budgets.json). Sizes are gzipped KiB. */
export interface Budgets extends Partial<ReaderBudgets> {
  /** The common word the first-search figure looks up. */
  searchTerm: string;
  /** Our JavaScript per page type (the 适老化 toolbar plus small page scripts). */
  jsMaxKB: Partial<Record<string, number>>;
  /** HTML + CSS + JS of any page. */
  pageMaxKB: number;
  /** Bytes of the first search on the demo site and on a generated site, at every N. */
  firstSearchMaxKB: { demo: number; generated: number };
  lighthouseMin: { performance: number; accessibility: number };
  /** Our Astro time per HTML page over bare Astro's, same content, at every N. */
  timePerPageRatioMax: number;
  /** Peak resident memory of the Astro build, at every N. */
  astroPeakRssMaxMB: number;
  /** Peak resident memory of the search-index step, at every N. */
  indexPeakRssMaxMB: number;
  /** The search-index step after a one-entry edit, over the cold indexing time of that entry's shard. */
  editIndexRatioMax: number;
  /** Growth of our Astro build time between two sizes. */
  buildGrowthMax: { from: number; to: number; max: number };
  /**
   * Publish-to-live after an edit (build + inspect + deploy), seconds: `demo`, and generated
   * sizes by their upper bound (a size is judged by the smallest bound at or above it).
   */
  publishMaxSeconds: Record<string, number>;
  /** The deploy step alone, at every size, cold or after an edit. */
  deployMaxSeconds: number;
}

export interface Step {
  seconds: number;
  rssMB: number | undefined;
}

/** One page's Lighthouse result: the four category scores (0–100) and three metrics. */
export interface LighthouseScores {
  performance: number;
  accessibility: number;
  bestPractices: number;
  seo: number;
  /** Largest contentful paint, ms. */
  lcp: number;
  cls: number;
  /** Total blocking time, ms. */
  tbt: number;
}

/** Pages Lighthouse is asked to test, in table order. */
export const LIGHTHOUSE_PAGES = ['home', 'news article', 'lesson', 'station', 'search'] as const;
export type LighthousePage = (typeof LIGHTHOUSE_PAGES)[number];

/** One build of the site (demo content or N generated entries) and what was measured of it. */
export interface Run {
  /** Generated entries; undefined for the demo content. */
  n: number | undefined;
  astro: Step;
  /** The sharded search-index step (cold cache), with each shard's figures when measured. */
  pagefind: Step & { shards?: { id: string; pages: number; seconds: number }[] };
  /** The search-index step again after a one-entry edit (warm cache), beside that shard's cold time. */
  edit?: { seconds: number; rssMB: number | undefined; shard: string; shardSeconds: number; reindexed: string[] };
  /** The whole build again after editing one entry's Markdown, with Astro's and the search index's caches. */
  rebuild?: { astroSeconds: number; indexSeconds: number; reindexed: string[] };
  dist: DistStats;
  /** Bytes the first search transferred; undefined when not measured. */
  searchBytes: number | undefined;
  /** The school's first visit and the calendars' sizes (scripts/bench/reader-rows.ts). */
  reader?: ReaderFigures;
  /** The bare Astro baseline on the same content (generated runs only). */
  bare?: Step & { pages: number };
  /**
   * Further timed Astro builds of the same content, site and bare taken in turn (the machines
   * are noisy): build times and the ratio use the median of every timing of a side.
   */
  repeats?: { site: number[]; bare: number[] };
  /** Publish-to-live through the pipeline's own commands, cold and after each edit kind. */
  publish?: PublishResult;
  /** Lighthouse per page (demo only); undefined where the page does not exist. */
  lighthouse?: Partial<Record<LighthousePage, LighthouseScores>>;
}

export interface Measurements {
  demo?: Run;
  runs: Run[];
}

export interface Row {
  metric: string;
  cells: string[];
  budget: string;
}

export interface Table {
  header: string[];
  rows: Row[];
  passed: number;
  failed: string[];
}

const DASH = '—';
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const mb = (v: number | undefined) => (v === undefined ? DASH : `${Math.round(v)} MB`);
const sec = (s: number) => `${s.toFixed(1)} s`;
const ratio = (r: number) => `${r.toFixed(2)}×`;
const thousands = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** The middle value (mean of the two middle values for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Every timing of our Astro build for a run: the main build and the repeats. */
export const siteTimes = (run: Run): number[] => [run.astro.seconds, ...(run.repeats?.site ?? [])];
/** Every timing of the bare build for a run. */
export const bareTimes = (run: Run): number[] => (run.bare ? [run.bare.seconds, ...(run.repeats?.bare ?? [])] : []);

/** The column label of a run. */
export function columnLabel(run: Run): string {
  return run.n === undefined ? 'demo' : `N=${thousands(run.n)}`;
}

/** The publish-to-live rows: the cold publish, then each edit kind. */
export const PUBLISH_ROWS = ['cold', ...EDIT_KINDS] as const;

/** The publish budget of a run: the demo's, or the smallest generated bound at or above its size. */
export function publishBudget(run: Run, budgets: Budgets): number | undefined {
  if (run.n === undefined) return budgets.publishMaxSeconds.demo;
  const bounds = Object.keys(budgets.publishMaxSeconds)
    .map(Number)
    .filter((b) => Number.isFinite(b) && b >= (run.n as number))
    .sort((a, b) => a - b);
  return bounds[0] === undefined ? undefined : budgets.publishMaxSeconds[String(bounds[0])];
}

/** Every metric the table has, in order; the smoke test checks they are all printed. */
export function metricNames(): string[] {
  const names = [
    'pages (HTML files)',
    'timed builds per side',
    'Astro build',
    'pages per second',
    'Pagefind',
    'search shards (largest, pages)',
    'peak RSS Astro',
    'peak RSS Pagefind',
    'one-entry edit: search index',
    'one-entry edit ÷ indexing its shard',
    'one-entry edit: whole build',
    'dist/ size',
    'HTML per page gz, median',
    'HTML per page gz, p95',
    'first search transfer',
    ...READER_METRICS,
    'bare Astro pages',
    'bare Astro build',
    'bare Astro peak RSS',
    'time per page ÷ bare Astro',
    'build time ÷ bare Astro',
    'peak RSS ÷ bare Astro',
    'growth of build time',
    'growth of build time, budgeted',
    'growth of peak RSS',
  ];
  for (const k of PUBLISH_ROWS)
    names.push(`publish ${k}: total`, `publish ${k}: build/inspect/deploy`, `publish ${k}: release disk`, `publish ${k}: pages copied`);
  for (const t of PAGE_TYPES) names.push(`${t} CSS gz (max)`, `${t} JS gz (max)`, `${t} HTML+CSS+JS gz (max)`);
  for (const p of LIGHTHOUSE_PAGES) names.push(`Lighthouse ${p}: perf/a11y/bp/seo`, `Lighthouse ${p}: LCP/CLS/TBT`);
  return names;
}

/** Builds the rows: one column per run (demo first), each figure judged by its budget. */
export function buildTable(m: Measurements, budgets: Budgets): Table {
  const runs = [...(m.demo ? [m.demo] : []), ...m.runs];
  const rows: Row[] = [];
  let passed = 0;
  const failed: string[] = [];

  /** A figure with its verdict beside it; `ok` undefined means no budget applies. */
  const judged = (metric: string, run: Run, value: string, ok: boolean | undefined): string => {
    if (ok === undefined) return value;
    if (ok) passed++;
    else failed.push(`${metric} (${columnLabel(run)})`);
    return `${value} ${ok ? 'PASS' : 'FAIL'}`;
  };
  const row = (metric: string, budget: string, cell: (run: Run, i: number) => [string] | [string, boolean | undefined] | undefined) => {
    rows.push({
      metric,
      budget,
      cells: runs.map((run, i) => {
        const c = cell(run, i);
        return c ? judged(metric, run, c[0], c[1]) : DASH;
      }),
    });
  };

  row('pages (HTML files)', '', (r) => [thousands(r.dist.pages)]);
  row('timed builds per side', 'median used', (r) => [String(siteTimes(r).length)]);
  row('Astro build', '', (r) => [sec(median(siteTimes(r)))]);
  row('pages per second', '', (r) => [(r.dist.pages / median(siteTimes(r))).toFixed(1)]);
  row('Pagefind', '', (r) => [sec(r.pagefind.seconds)]);
  row('search shards (largest, pages)', '', (r) => {
    const shards = r.pagefind.shards;
    if (!shards || shards.length === 0) return undefined;
    const largest = shards.reduce((a, b) => (b.pages > a.pages ? b : a));
    return [`${shards.length} (${largest.id}, ${thousands(largest.pages)})`];
  });
  row('peak RSS Astro', `≤ ${budgets.astroPeakRssMaxMB} MB`, (r) =>
    r.astro.rssMB === undefined ? undefined : [mb(r.astro.rssMB), r.astro.rssMB <= budgets.astroPeakRssMaxMB],
  );
  row('peak RSS Pagefind', `≤ ${budgets.indexPeakRssMaxMB} MB`, (r) =>
    r.pagefind.rssMB === undefined ? undefined : [mb(r.pagefind.rssMB), r.pagefind.rssMB <= budgets.indexPeakRssMaxMB],
  );
  row('one-entry edit: search index', 'shard indexed again', (r) =>
    r.edit ? [`${sec(r.edit.seconds)} (${r.edit.reindexed.join(', ') || 'none'})`] : undefined,
  );
  row('one-entry edit ÷ indexing its shard', `≤ ${budgets.editIndexRatioMax.toFixed(1)}×`, (r) => {
    if (!r.edit) return undefined;
    const v = r.edit.seconds / r.edit.shardSeconds;
    return [`${ratio(v)} (${r.edit.shard}: ${sec(r.edit.shardSeconds)})`, v <= budgets.editIndexRatioMax];
  });
  row('one-entry edit: whole build', '(information only)', (r) =>
    r.rebuild
      ? [
          `${sec(r.rebuild.astroSeconds + r.rebuild.indexSeconds)} (Astro ${sec(r.rebuild.astroSeconds)}, search ${sec(r.rebuild.indexSeconds)}: ${r.rebuild.reindexed.join(', ') || 'none'})`,
        ]
      : undefined,
  );
  row('dist/ size', '', (r) => [`${(r.dist.distBytes / 1024 / 1024).toFixed(1)} MB`]);
  row('HTML per page gz, median', '', (r) => (r.dist.htmlMedian === undefined ? undefined : [kb(r.dist.htmlMedian)]));
  row('HTML per page gz, p95', '', (r) => (r.dist.htmlP95 === undefined ? undefined : [kb(r.dist.htmlP95)]));
  row(
    'first search transfer',
    `“${budgets.searchTerm}”: demo ≤ ${budgets.firstSearchMaxKB.demo} KB, generated ≤ ${budgets.firstSearchMaxKB.generated} KB`,
    (r) => {
      if (r.searchBytes === undefined) return undefined;
      const max = r.n === undefined ? budgets.firstSearchMaxKB.demo : budgets.firstSearchMaxKB.generated;
      return [kb(r.searchBytes), r.searchBytes <= max * 1024];
    },
  );
  readerRows(row, budgets);
  row('bare Astro pages', '', (r) => (r.bare ? [thousands(r.bare.pages)] : undefined));
  row('bare Astro build', '', (r) => (r.bare ? [sec(median(bareTimes(r)))] : undefined));
  row('bare Astro peak RSS', '', (r) => (r.bare ? [mb(r.bare.rssMB)] : undefined));
  // Our build also writes list, filter, poster and calendar pages that bare Astro does not, so
  // the budget compares the cost of one page with the cost of one bare page.
  row('time per page ÷ bare Astro', `≤ ${budgets.timePerPageRatioMax.toFixed(2)}×`, (r) => {
    if (!r.bare) return undefined;
    const v = median(siteTimes(r)) / r.dist.pages / (median(bareTimes(r)) / r.bare.pages);
    return [ratio(v), v <= budgets.timePerPageRatioMax];
  });
  row('build time ÷ bare Astro', '(information only)', (r) => (r.bare ? [ratio(median(siteTimes(r)) / median(bareTimes(r)))] : undefined));
  row('peak RSS ÷ bare Astro', '', (r) => (r.bare?.rssMB && r.astro.rssMB ? [ratio(r.astro.rssMB / r.bare.rssMB)] : undefined));

  // Growth from the smallest generated run to each larger one.
  const first = m.runs[0];
  row('growth of build time', first ? `from ${columnLabel(first)}` : '', (r) =>
    first && r !== first && r.n !== undefined ? [ratio(median(siteTimes(r)) / median(siteTimes(first)))] : undefined,
  );
  const { from, to, max } = budgets.buildGrowthMax;
  const base = m.runs.find((r) => r.n === from);
  row('growth of build time, budgeted', `N=${thousands(from)} → N=${thousands(to)}: ≤ ${max.toFixed(1)}×`, (r) => {
    if (!base || r.n !== to) return undefined;
    const v = median(siteTimes(r)) / median(siteTimes(base));
    return [ratio(v), v <= max];
  });
  row('growth of peak RSS', first ? `from ${columnLabel(first)}` : '', (r) =>
    first && r !== first && r.n !== undefined && r.astro.rssMB && first.astro.rssMB ? [ratio(r.astro.rssMB / first.astro.rssMB)] : undefined,
  );

  const publishBudgetText = Object.entries(budgets.publishMaxSeconds)
    .map(([k, v]) => `${k === 'demo' ? 'demo' : `N≤${thousands(Number(k))}`} ≤ ${v} s`)
    .join(', ');
  for (const k of PUBLISH_ROWS) {
    const step = (r: Run): PublishStep | undefined => (k === 'cold' ? r.publish?.cold : r.publish?.edits[k]);
    // The budgets are those of a one-entry edit (the issue's "one-word correction"). A cold build
    // keeps its existing budgets (Astro, search index); the other edit kinds are shown beside:
    // a settings change renders and compresses every page, as a cold build does.
    const judged = k === 'one-entry edit';
    row(`publish ${k}: total`, judged ? publishBudgetText : '(information only)', (r) => {
      const s = step(r);
      if (!s) return undefined;
      const max = judged ? publishBudget(r, budgets) : undefined;
      return [sec(s.total), max === undefined ? undefined : s.total <= max];
    });
    row(`publish ${k}: build/inspect/deploy`, `deploy to live${judged ? ` ≤ ${budgets.deployMaxSeconds} s` : ''} (whole deploy command)`, (r) => {
      const s = step(r);
      if (!s) return undefined;
      const text = `${sec(s.build)} / ${sec(s.inspect)} / ${sec(s.deploy)} (${sec(s.deployCommand ?? s.deploy)})`;
      return [text, judged ? s.deploy <= budgets.deployMaxSeconds : undefined];
    });
    row(`publish ${k}: release disk`, 'du of the deploy root, before → after', (r) => {
      const s = step(r);
      return s ? [`${(s.releaseKB / 1024).toFixed(1)} MB`] : undefined;
    });
    row(`publish ${k}: pages copied`, 'incremental build: copied of built; news entry pages rendered', (r) => {
      const s = step(r);
      return s ? [`${s.copiedPages ?? 0} of ${s.builtPages ?? 0}; ${s.renderedNews ?? 0} rendered`] : undefined;
    });
  }

  for (const t of PAGE_TYPES) {
    const jsMax = budgets.jsMaxKB[t];
    row(`${t} CSS gz (max)`, '', (r) => {
      const s = r.dist.types[t];
      return s ? [kb(s.cssMax)] : undefined;
    });
    row(`${t} JS gz (max)`, jsMax === undefined ? '' : `≤ ${jsMax} KB`, (r) => {
      const s = r.dist.types[t];
      return s ? [kb(s.jsMax), jsMax === undefined ? undefined : s.jsMax <= jsMax * 1024] : undefined;
    });
    row(`${t} HTML+CSS+JS gz (max)`, `≤ ${budgets.pageMaxKB} KB`, (r) => {
      const s = r.dist.types[t];
      return s ? [kb(s.totalMax), s.totalMax <= budgets.pageMaxKB * 1024] : undefined;
    });
  }

  const { performance, accessibility } = budgets.lighthouseMin;
  for (const p of LIGHTHOUSE_PAGES) {
    row(`Lighthouse ${p}: perf/a11y/bp/seo`, `perf ≥ ${performance}, a11y ≥ ${accessibility}`, (r) => {
      const l = r.lighthouse?.[p];
      if (!l) return undefined;
      return [`${l.performance}/${l.accessibility}/${l.bestPractices}/${l.seo}`, l.performance >= performance && l.accessibility >= accessibility];
    });
    row(`Lighthouse ${p}: LCP/CLS/TBT`, '', (r) => {
      const l = r.lighthouse?.[p];
      return l ? [`${(l.lcp / 1000).toFixed(2)} s / ${l.cls.toFixed(3)} / ${Math.round(l.tbt)} ms`] : undefined;
    });
  }

  return { header: ['metric', ...runs.map(columnLabel), 'budget'], rows, passed, failed };
}

/** Display width: CJK and full-width characters take two columns. */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    w +=
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6)
        ? 2
        : 1;
  }
  return w;
}

const padEnd = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - displayWidth(text)));

/** Renders the table as aligned Markdown, followed by the budget summary. */
export function renderTable(table: Table): string {
  const lines = [table.header, ...table.rows.map((r) => [r.metric, ...r.cells, r.budget])];
  const widths = table.header.map((_, i) => Math.max(...lines.map((l) => displayWidth(l[i] ?? ''))));
  const fmt = (cells: string[]) => `| ${cells.map((c, i) => padEnd(c, widths[i] ?? 0)).join(' | ')} |`;
  const out = [fmt(table.header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...lines.slice(1).map(fmt)];
  const total = table.passed + table.failed.length;
  out.push('', `Budgets: ${total} evaluated, ${table.passed} passed, ${table.failed.length} failed.`);
  for (const f of table.failed) out.push(`  FAIL ${f}`);
  return `${out.join('\n')}\n`;
}
