/**
 * `npm run bench`: builds the demo content and generated content sets of N entries (default
 * 1,000 and 10,000) with the site's real configuration, builds the same generated content with a
 * bare Astro project, weighs the output, measures a first search, times the search index again
 * after a one-entry edit, and runs Lighthouse, then prints one table with every budget of
 * scripts/bench/budgets.json judged beside its figure.
 *
 *   npm run bench                    N = 1,000 and 10,000, demo, Lighthouse
 *   npm run bench -- --large         adds N = 60,000 (about ten years of a district's entries;
 *                                    long: allow an hour and about 10 GB of disk on a small machine)
 *   npm run bench -- --n 200         other sizes (comma-separated); BENCH_SIZES=200 works too
 *   npm run bench -- --smoke         N = 200 only, no demo build, no Lighthouse (used by the tests)
 *   --repeat <k>                     time each Astro build (ours and bare) k times, in turn, and
 *                                    use the medians (default 3; 1 with --smoke)
 *   --no-lighthouse, --no-demo (generated sizes only), --seed <n>, --json <file> (also write
 *                                    the measurements, after every size)
 *   --no-publish                     skip publish-to-live (scripts/bench/publish.ts: `npm run build`,
 *                                    `npm run inspect` and `scripts/deploy.sh deploy`, cold and after
 *                                    each edit kind, at every size and the demo)
 *
 * Progress goes to stderr, the table to stdout. Ports: BENCH_PORT (static server, default 4340)
 * and BENCH_PORT + 1 (Chromium's debugging port for Lighthouse). Work files live in
 * .tmp/bench-<pid>/ and are removed only at the end (about 1 GB at N = 10,000): on ext4,
 * creating files within a minute or more of deleting thousands is several times slower (the
 * allocator skips recently freed inodes one by one), so deleting one build's output just
 * before timing the next made whichever build came second look slow.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { firstSearchBytes, runLighthouse } from './browser.ts';
import { measureReader } from './reader-rows.ts';
import { analyzeDist } from './dist-stats.ts';
import { generateContent } from './generate.ts';
import { astroCacheDir, buildBare, buildSite, buildSiteAstro, measureEdit, measureRebuild, searchCacheDir } from './measure.ts';
import { serveStatic } from '../site-files.ts';
import { measurePublish } from './publish.ts';
import { buildTable, LIGHTHOUSE_PAGES, renderTable, type Budgets, type LighthousePage, type Measurements, type Run } from './table.ts';

const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(`--${name}`);
const option = (name: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};

const smoke = flag('smoke');
const sizesText = option('n') ?? process.env.BENCH_SIZES ?? (smoke ? '200' : flag('large') ? '1000,10000,60000' : '1000,10000');
const sizes = sizesText
  .split(',')
  .map((s) => Number(s.trim()))
  .filter((n) => Number.isInteger(n) && n > 0);
if (sizes.length === 0) {
  console.error(`Invalid sizes “${sizesText}”: give whole numbers, e.g. --n 1000,10000`);
  process.exit(2);
}
const withDemo = !smoke && !flag('no-demo');
const withLighthouse = !smoke && !flag('no-lighthouse');
const withPublish = !flag('no-publish');
/** One clock for every publish build, so each edit is built against the same content window. */
const publishNow = new Date().toISOString();
const seed = Number(option('seed') ?? 1);
const repeat = Number(option('repeat') ?? (smoke ? 1 : 3));
if (!Number.isInteger(repeat) || repeat < 1) {
  console.error(`Invalid --repeat “${option('repeat')}”: give a whole number of at least 1`);
  process.exit(2);
}
const port = Number(process.env.BENCH_PORT ?? 4340);
const budgets = JSON.parse(readFileSync(new URL('./budgets.json', import.meta.url), 'utf8')) as Budgets;
const work = path.join('.tmp', `bench-${process.pid}`);
const origin = `http://127.0.0.1:${port}`;

const log = (text: string) => process.stderr.write(`[bench] ${text}\n`);

/** First page in `dir/<prefix>` matching `depth` more path segments, as a URL; skips list pages. */
function findPage(dist: string, prefix: string, depth: number, skip: RegExp = /^(\d+|page|exam|record|rss\.xml)$/): string | undefined {
  const search = (dir: string, url: string, left: number): string | undefined => {
    if (left === 0) return existsSync(path.join(dir, 'index.html')) ? url : undefined;
    if (!existsSync(dir)) return undefined;
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (!e.isDirectory() || skip.test(e.name)) continue;
      const found = search(path.join(dir, e.name), `${url}${e.name}/`, left - 1);
      if (found) return found;
    }
    return undefined;
  };
  return search(path.join(dist, prefix), `/${prefix}/`, depth);
}

/** The pages Lighthouse tests, where they exist in the built site. */
function lighthouseTargets(dist: string): Partial<Record<LighthousePage, string>> {
  return {
    home: existsSync(path.join(dist, 'index.html')) ? '/' : undefined,
    'news article': findPage(dist, 'news', 1),
    lesson: findPage(dist, 'school', 2),
    station: findPage(dist, 'stations', 1),
    search: existsSync(path.join(dist, 'search', 'index.html')) ? '/search/' : undefined,
  };
}

/** Serves `dist`, then measures the first search (and Lighthouse when asked). */
async function browse(run: Run, dist: string, lighthouse: boolean): Promise<void> {
  const server = await serveStatic(dist, port);
  try {
    if (existsSync(path.join(dist, 'search', 'index.html'))) {
      log(`first search for “${budgets.searchTerm}”`);
      const s = await firstSearchBytes(origin, budgets.searchTerm);
      log(`  ${s.requests} requests, ${s.bytes} bytes, ${s.results} results shown`);
      // A search that failed transfers little: its bytes must never pass for a figure.
      if (s.results === 0) throw new Error(`the first search for “${budgets.searchTerm}” showed no results`);
      run.searchBytes = s.bytes;
    }
    run.reader = await measureReader(origin, dist, log);
    if (lighthouse) {
      const targets = lighthouseTargets(dist);
      const pages = LIGHTHOUSE_PAGES.filter((p) => targets[p]);
      log(`Lighthouse on ${pages.map((p) => targets[p]).join(', ')}`);
      const results = await runLighthouse(
        pages.map((p) => `${origin}${targets[p]}`),
        port + 1,
      );
      run.lighthouse = {};
      pages.forEach((p, i) => {
        const r = results[i];
        if (r && run.lighthouse) run.lighthouse[p] = r;
      });
    }
  } finally {
    await server.close();
  }
}

async function main(): Promise<void> {
  mkdirSync(work, { recursive: true });
  // An interrupted run still removes its generated content and builds.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      rmSync(work, { recursive: true, force: true });
      process.exit(130);
    });
  }
  const measurements: Measurements = { runs: [] };
  try {
    if (withDemo) {
      const dist = path.join(work, 'dist-demo');
      log('demo content: site build');
      const site = await buildSite('content', dist, work, true);
      const run: Run = { n: undefined, ...site, dist: analyzeDist(dist), searchBytes: undefined };
      await browse(run, dist, withLighthouse);
      measurements.demo = run;
      if (withPublish) {
        // A copy: the edits must never touch the checkout's content.
        const copy = path.join(work, 'publish-demo');
        mkdirSync(copy, { recursive: true });
        cpSync('content', path.join(copy, 'content'), { recursive: true });
        log('demo content: publish to live, cold and after each edit kind');
        run.publish = await measurePublish({ contentRoot: path.join(copy, 'content'), work: copy, buildNow: publishNow, quiet: true, log });
      }
    }
    for (const n of sizes) {
      // A size that fails (say, out of memory at the largest N) is reported; the others still print.
      try {
        await measureSize(n, measurements);
        saveJson(measurements);
      } catch (error) {
        log(`N=${n} failed: ${error instanceof Error ? error.message : String(error)}`);
        failedSizes.push(n);
      }
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  saveJson(measurements);
  process.stdout.write(renderTable(buildTable(measurements, budgets)));
  if (failedSizes.length > 0) {
    process.stdout.write(`Sizes that did not complete: ${failedSizes.join(', ')}\n`);
    process.exitCode = 1;
  }
}

const failedSizes: number[] = [];

/** Writes the measurements so far to the --json file, if any (after every size, so a long run that is stopped keeps them). */
function saveJson(measurements: Measurements): void {
  const json = option('json');
  if (json) writeFileSync(json, `${JSON.stringify(measurements, null, 2)}\n`);
}

/** Generates, builds, indexes, weighs and times one generated size, adding its run to `measurements`. */
async function measureSize(n: number, measurements: Measurements): Promise<void> {
  const content = path.join(work, `content-${n}`);
  const dist = path.join(work, `dist-${n}`);
  const bareDist = path.join(work, `bare-${n}`);
  log(`N=${n}: generating content (seed ${seed})`);
  generateContent({ n, seed, out: content });
  log(`N=${n}: site build (validate, Astro, Pagefind)`);
  const site = await buildSite(content, dist, work, true);
  log(`  Astro ${site.astro.seconds.toFixed(1)} s, Pagefind ${site.pagefind.seconds.toFixed(1)} s`);
  const run: Run = { n, ...site, dist: analyzeDist(dist), searchBytes: undefined };
  // In the table even if a later step of this size fails.
  measurements.runs.push(run);
  await browse(run, dist, false);
  log(`N=${n}: search index after a one-entry edit`);
  run.edit = await measureEdit(dist, searchCacheDir(work, dist), site.pagefind, true);
  log(
    `  ${run.edit.seconds.toFixed(1)} s (indexed again: ${run.edit.reindexed.join(', ')}; ${run.edit.shard} took ${run.edit.shardSeconds.toFixed(1)} s cold)`,
  );
  log(`N=${n}: whole build again after editing one entry (Astro and search caches kept)`);
  run.rebuild = await measureRebuild(content, path.join(work, `dist-${n}-edit`), astroCacheDir(work, dist), searchCacheDir(work, dist), true);
  log(
    `  Astro ${run.rebuild.astroSeconds.toFixed(1)} s, search index ${run.rebuild.indexSeconds.toFixed(1)} s (indexed again: ${run.rebuild.reindexed.join(', ') || 'none'})`,
  );
  log(`N=${n}: bare Astro build`);
  run.bare = await buildBare(content, bareDist, work, true);
  log(`  bare Astro ${run.bare.seconds.toFixed(1)} s, ${run.bare.pages} pages`);
  if (withPublish) {
    log(`N=${n}: publish to live, cold and after each edit kind`);
    run.publish = await measurePublish({ contentRoot: content, work: path.join(work, `publish-${n}`), buildNow: publishNow, quiet: true, log });
  }
  run.repeats = { site: [], bare: [] };
  for (let k = 2; k <= repeat; k++) {
    log(`N=${n}: timing ${k} of ${repeat}, site then bare Astro`);
    run.repeats.site.push((await buildSiteAstro(content, path.join(work, `dist-${n}-${k}`), work, true)).seconds);
    run.repeats.bare.push((await buildBare(content, path.join(work, `bare-${n}-${k}`), work, true)).seconds);
    log(`  ${run.repeats.site.at(-1)?.toFixed(1)} s and ${run.repeats.bare.at(-1)?.toFixed(1)} s`);
  }
}

await main();
