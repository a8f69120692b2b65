/**
 * Runs the build steps the way scripts/build.ts does (validate, copy Decap, Astro, Pagefind),
 * but each under a stopwatch and a peak-memory probe, so Astro and Pagefind are measured apart.
 * Peak RSS comes from GNU time (`/usr/bin/time -f %M`, the largest resident set of the process
 * tree it waited for) or, where that is missing, from polling /proc for the whole process tree.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { replaceFile } from '../../src/lib/replace-file.node.ts';
import path from 'node:path';
import { pageShard } from '../../src/lib/search/search-index.node.ts';
import { MANIFEST_FILE, shardYear, type ShardManifest } from '../../src/lib/search/search-shards.ts';
import { contentReport } from '../../src/lib/schema/validate.node.ts';
import { copyDecap } from '../prepare.ts';
import type { IndexReport } from '../../src/lib/search/search-indexer.node.ts';
import { writeServiceWorker } from '../service-worker.ts';
import { astroBuildEnv } from '../astro-env.ts';

const GNU_TIME = '/usr/bin/time';
const ASTRO = 'node_modules/.bin/astro';
const INDEXER = 'scripts/search-index.ts';

export interface StepResult {
  seconds: number;
  /** Peak resident set in MiB, or undefined when it could not be measured. */
  rssMB: number | undefined;
}

/** Sum of VmRSS (KiB) of `pid` and all its descendants, read from /proc. */
function treeRssKB(pid: number): number {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
    } catch {
      /* the process ended meanwhile */
    }
  }
  let total = 0;
  const queue = [pid];
  while (queue.length > 0) {
    const p = queue.pop() as number;
    try {
      const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, 'utf8'));
      total += Number(m?.[1] ?? 0);
    } catch {
      /* gone */
    }
    queue.push(...(children.get(p) ?? []));
  }
  return total;
}

/** Runs a command with output passed through (or quiet), timing it and probing its peak memory. */
export function timedRun(command: string, args: string[], env: NodeJS.ProcessEnv, quiet = false): Promise<StepResult & { code: number }> {
  const useTime = existsSync(GNU_TIME);
  const timeFile = path.join('.tmp', `bench-time-${process.pid}-${Date.now()}`);
  const [cmd, argv] = useTime ? [GNU_TIME, ['-f', '%M', '-o', timeFile, command, ...args]] : [command, args];
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(cmd, argv, {
      stdio: quiet ? ['ignore', 'ignore', 'pipe'] : 'inherit',
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env },
    });
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    let peakKB = 0;
    const poll = useTime || process.platform !== 'linux' ? undefined : setInterval(() => (peakKB = Math.max(peakKB, treeRssKB(child.pid ?? 0))), 100);
    child.on('exit', (code, signal) => {
      if (poll) clearInterval(poll);
      const seconds = (performance.now() - started) / 1000;
      if (useTime && existsSync(timeFile)) {
        const lines = readFileSync(timeFile, 'utf8').trim().split('\n');
        peakKB = Number(lines[lines.length - 1]) || 0;
        rmSync(timeFile, { force: true });
      }
      if (quiet && code !== 0) process.stderr.write(stderr);
      resolve({ seconds, rssMB: peakKB > 0 ? peakKB / 1024 : undefined, code: code ?? (signal ? 1 : 0) });
    });
  });
}

/** The sharded search-index step: time and memory of the whole step, and each shard's figures. */
export interface IndexStep extends StepResult {
  shards: IndexReport['shards'];
}

export interface SiteBuild {
  astro: StepResult;
  pagefind: IndexStep;
}

/**
 * Runs the build's search-index step (scripts/search-index.ts, the same module scripts/build.ts
 * calls) on a built site, in a process of its own so its peak memory is measured apart.
 */
export async function indexSite(outDir: string, cacheDir: string, quiet = false): Promise<IndexStep> {
  const reportFile = path.join('.tmp', `bench-index-${process.pid}-${Date.now()}.json`);
  const result = await timedRun(process.execPath, [INDEXER, outDir, '--report', reportFile], { SEARCH_INDEX_CACHE: cacheDir }, quiet);
  if (result.code !== 0) throw new Error(`search index of ${outDir} failed (exit ${result.code})`);
  const report = JSON.parse(readFileSync(reportFile, 'utf8')) as IndexReport;
  rmSync(reportFile, { force: true });
  return { seconds: result.seconds, rssMB: result.rssMB, shards: report.shards };
}

/** What a one-entry edit costs the search-index step. */
export interface EditResult {
  /** The whole step after the edit (every page read and hashed, the changed shard indexed). */
  seconds: number;
  rssMB: number | undefined;
  /** The shard the edited page is in, and how long indexing it took in the cold build. */
  shard: string;
  shardSeconds: number;
  /** Shards indexed again (the rest came from the cache). */
  reindexed: string[];
}

/** The shard a one-entry edit changes: the newest dated shard with pages (shards come newest first after the undated ones). */
export function editTarget<T extends { id: string; pages: number }>(shards: readonly T[]): T | undefined {
  return shards.find((s) => shardYear(s.id) !== undefined && s.pages > 0);
}

/**
 * Edits one entry of the newest dated shard in a built site (one sentence added to its body,
 * as a rebuilt page would differ) and runs the search-index step again with the cache of the
 * first run: only that shard should be indexed again.
 */
export async function measureEdit(outDir: string, cacheDir: string, cold: IndexStep, quiet = false): Promise<EditResult> {
  const target = editTarget(cold.shards);
  if (!target) throw new Error(`${outDir}: no dated shard to edit`);
  const dir = path.join(outDir, 'news');
  // The shard length the indexer chose for this site (a year, half-year, quarter or month).
  const { months } = JSON.parse(readFileSync(path.join(outDir, 'pagefind', MANIFEST_FILE), 'utf8')) as ShardManifest;
  const page = readdirSync(dir)
    .sort()
    .reverse()
    .map((name) => path.join(dir, name, 'index.html'))
    .find((file) => existsSync(file) && pageShard(readFileSync(file, 'utf8'), months) === target.id);
  if (!page) throw new Error(`${outDir}: no news page in shard ${target.id}`);
  const html = readFileSync(page, 'utf8');
  replaceFile(page, html.replace('</h1>', '</h1><p>本条内容已更新：补充了活动报名方式。</p>'));
  const again = await indexSite(outDir, cacheDir, quiet);
  return {
    seconds: again.seconds,
    rssMB: again.rssMB,
    shard: target.id,
    shardSeconds: target.seconds,
    reindexed: again.shards.filter((s) => !s.cached).map((s) => s.id),
  };
}

/** What republishing one entry costs the whole build: Astro again with its cache, then the search index with its cache. */
export interface RebuildResult {
  astroSeconds: number;
  indexSeconds: number;
  /** Shards indexed again (the rest came from the cache). */
  reindexed: string[];
}

/**
 * Edits one news entry's Markdown (one sentence added to its body, as an editor's correction
 * would) and builds the site again as a deploy would after it: Astro with the content cache of
 * the first build (`astroCache`), into a new folder, then the search index with the first
 * build's shard cache, so only the edited entry's shard should be indexed again.
 */
export async function measureRebuild(contentRoot: string, outDir: string, astroCache: string, searchCache: string, quiet = false): Promise<RebuildResult> {
  const dir = path.join(contentRoot, 'news');
  const newest = readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .at(-1);
  if (!newest) throw new Error(`${dir}: no news entry to edit`);
  const file = path.join(dir, newest);
  writeFileSync(file, `${readFileSync(file, 'utf8').trimEnd()}\n\n本条内容已更新：补充了活动报名方式。\n`);
  const astro = await siteAstro(contentRoot, outDir, astroCache, quiet);
  writeServiceWorker(outDir);
  const index = await indexSite(outDir, searchCache, quiet);
  return { astroSeconds: astro.seconds, indexSeconds: index.seconds, reindexed: index.shards.filter((s) => !s.cached).map((s) => s.id) };
}

/** The Astro content cache of one build in `work` (see buildSiteAstro). */
export function astroCacheDir(work: string, outDir: string): string {
  return path.join(work, `cache-${path.basename(outDir)}`);
}

/**
 * Builds the site from `contentRoot` (relative to the repository) into `outDir` with a cold
 * content cache in `work`: validation, Decap copy, Astro with the site's configuration, the
 * service worker, the sharded search index (cold).
 */
export async function buildSite(contentRoot: string, outDir: string, work: string, quiet = false): Promise<SiteBuild> {
  const report = contentReport(contentRoot);
  if (report) throw new Error(`${contentRoot}:\n${report}`);
  copyDecap();
  const astro = await buildSiteAstro(contentRoot, outDir, work, quiet);
  // As scripts/build.ts does: the party school's service worker, which every school page
  // registers (without it, each registration logs an error and Lighthouse marks it down).
  writeServiceWorker(outDir);
  // A cache of its own: the first index is cold; measureEdit reuses it.
  const pagefind = await indexSite(outDir, searchCacheDir(work, outDir), quiet);
  return { astro, pagefind };
}

/** The search-index cache of one build in `work`. */
export function searchCacheDir(work: string, outDir: string): string {
  return path.join(work, `search-cache-${path.basename(outDir)}`);
}

/**
 * Writes the kernel's dirty pages out before a timed build. The bench writes gigabytes in a row
 * (each build, its cache, the search index); without this, a build starts with the previous
 * step's writes still pending and is throttled by them, and the more a build writes (the site
 * writes each page twice, to its output and to the incremental cache) the more it pays for
 * what came before: one machine gave the same 10,000-entry build 21 s and 29 s.
 */
export function settleDisk(): void {
  spawnSync('sync', { stdio: 'ignore' });
}

/** The Astro step of the site build alone, cold, timed (also used for the repeated timings). */
export async function buildSiteAstro(contentRoot: string, outDir: string, work: string, quiet = false): Promise<StepResult> {
  // A cache of its own per build: cold, and nothing to delete before timing (see run.ts).
  const cache = astroCacheDir(work, outDir);
  rmSync(cache, { recursive: true, force: true });
  rmSync(outDir, { recursive: true, force: true });
  settleDisk();
  return siteAstro(contentRoot, outDir, cache, quiet);
}

/** `astro build` of the site with its own configuration and the content cache `cache`, timed. */
async function siteAstro(contentRoot: string, outDir: string, cache: string, quiet: boolean): Promise<StepResult> {
  const astro = await timedRun(
    ASTRO,
    ['build', '--config', 'scripts/bench/astro.site.config.mjs', '--outDir', outDir],
    { CONTENT_ROOT: contentRoot, BENCH_CACHE_DIR: cache, ...astroBuildEnv() },
    quiet,
  );
  if (astro.code !== 0) throw new Error(`Astro build of ${contentRoot} failed (exit ${astro.code})`);
  return { seconds: astro.seconds, rssMB: astro.rssMB };
}

/** Builds the bare Astro baseline (scripts/bench/bare) from the same content, cold. */
export async function buildBare(contentRoot: string, outDir: string, work: string, quiet = false): Promise<StepResult & { pages: number }> {
  const cache = path.join(work, `cache-${path.basename(outDir)}`);
  rmSync(cache, { recursive: true, force: true });
  rmSync(outDir, { recursive: true, force: true });
  settleDisk();
  const result = await timedRun(
    ASTRO,
    ['build', '--root', 'scripts/bench/bare', '--outDir', path.resolve(outDir)],
    {
      BENCH_CONTENT_ROOT: path.resolve(contentRoot),
      BENCH_CACHE_DIR: path.resolve(cache),
      BENCH_VITE_CACHE_DIR: path.resolve(work, 'vite-bare'),
      ...astroBuildEnv(),
    },
    quiet,
  );
  if (result.code !== 0) throw new Error(`bare Astro build of ${contentRoot} failed (exit ${result.code})`);
  let pages = 0;
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) walk(path.join(dir, e.name));
      else if (e.name.endsWith('.html')) pages++;
    }
  };
  walk(outDir);
  return { seconds: result.seconds, rssMB: result.rssMB, pages };
}
