/**
 * The search-index step of the build: indexes a built site with Pagefind in shards (see
 * src/lib/search-shards.ts), one bundle per shard, written through Pagefind's Node API. Each
 * shard is indexed in a fresh Pagefind process, so peak memory is that of the largest shard, not
 * of the archive. A shard whose pages have not changed is copied from the cache instead.
 *
 *   node scripts/search-index.ts <site> [--report <file.json>]
 *
 * Environment: SEARCH_SHARD_MONTHS (period per shard: 12, the default, is one shard a year;
 * 1, 2, 3, 4 or 6 give smaller shards, used by the tests), SEARCH_RECENT_SHARDS (newest dated
 * shards a first search loads; default: those of the current year and later, at least one),
 * SEARCH_FIRST_MAX_PAGES (pages naming a shard, the school's, stay in the base shard up to this
 * many; default FIRST_SEARCH_MAX_PAGES),
 * SEARCH_INDEX_CACHE (cache folder, default
 * .tmp/search-index-cache; `off` disables the cache).
 */
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { pageUrl, scanFiles, shardCacheKey, type ScanJob, type ScannedPage } from '../src/lib/search-index.node.ts';
import { shanghaiParts } from '../src/lib/dates.ts';
import { BASE_SHARD, FIRST_SEARCH_MAX_PAGES, isNamedShard, MANIFEST_FILE, mergeOrder, recentCount, shardPath, shardYear, validShardMonths, type ShardInfo, type ShardManifest } from '../src/lib/search-shards.ts';

export interface IndexOptions {
  months?: number;
  /** Newest dated shards a first search loads; default: the current year's and later ones. */
  recent?: number | undefined;
  /** Pages naming a shard (the school's) stay in the base shard up to this many. */
  firstMaxPages?: number | undefined;
  /** Cache folder, or undefined for no cache. */
  cacheDir?: string | undefined;
  log?: (line: string) => void;
}

export interface ShardReport {
  id: string;
  pages: number;
  /** Served from the cache (true) or indexed now. */
  cached: boolean;
  seconds: number;
}

export interface IndexReport {
  shards: ShardReport[];
  pages: number;
  /** Reading and hashing every page. */
  scanSeconds: number;
  seconds: number;
}

/** Bump when the bundle layout or indexing settings change: every cached shard is then rebuilt. */
const FORMAT = 1;

/** Options from the environment (see the header). */
export function envOptions(env: NodeJS.ProcessEnv = process.env): IndexOptions {
  const months = Number(env.SEARCH_SHARD_MONTHS ?? 12);
  const recent = env.SEARCH_RECENT_SHARDS ? Number(env.SEARCH_RECENT_SHARDS) : undefined;
  const firstMaxPages = env.SEARCH_FIRST_MAX_PAGES ? Number(env.SEARCH_FIRST_MAX_PAGES) : undefined;
  const cache = env.SEARCH_INDEX_CACHE ?? '.tmp/search-index-cache';
  return { months, recent, firstMaxPages, cacheDir: cache === 'off' ? undefined : cache };
}

function walk(dir: string, base = dir, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (path.relative(base, full) !== 'pagefind') walk(full, base, out);
    } else if (e.name.endsWith('.html')) out.push(path.relative(base, full).split(path.sep).join('/'));
  }
  return out;
}

/** Indexes one shard's pages into `outDir` with a fresh Pagefind service, then stops it. */
async function indexShard(site: string, files: string[], outDir: string): Promise<void> {
  try {
    const { index, errors } = await pagefind.createIndex();
    if (!index) throw new Error(errors.join('; '));
    // A few files in flight at once keep the service busy without holding the shard in memory.
    for (let i = 0; i < files.length; i += 32) {
      const batch = files.slice(i, i + 32);
      const added = await Promise.all(batch.map((file) => index.addHTMLFile({ url: pageUrl(file), content: readFileSync(path.join(site, file), 'utf8') })));
      const failed = added.find((a) => a.errors.length > 0);
      if (failed) throw new Error(failed.errors.join('; '));
    }
    const written = await index.writeFiles({ outputPath: outDir });
    if (written.errors.length > 0) throw new Error(written.errors.join('; '));
  } finally {
    await pagefind.close();
  }
}

/** Indexes `site` (a built site folder) in shards and writes the shard manifest. */
export async function indexShards(site: string, options: IndexOptions = {}): Promise<IndexReport> {
  const months = options.months ?? 12;
  const log = options.log ?? (() => {});
  if (!validShardMonths(months)) throw new Error(`SEARCH_SHARD_MONTHS 必须能整除 12（现为 ${months}）`);
  const started = performance.now();
  const groups = new Map<string, { files: string[]; hashes: { url: string; hash: string }[]; types: Set<string> }>();
  for (const page of await scanPages({ site, files: walk(site), months })) {
    if (!page.shard || !page.hash) continue;
    const group = groups.get(page.shard) ?? { files: [], hashes: [], types: new Set<string>() };
    group.files.push(page.file);
    group.hashes.push({ url: pageUrl(page.file), hash: page.hash });
    if (page.type) group.types.add(page.type);
    groups.set(page.shard, group);
  }
  const scanSeconds = (performance.now() - started) / 1000;
  // The base shard is the primary bundle at /pagefind/; it must exist even when empty of pages.
  if (!groups.has(BASE_SHARD)) groups.set(BASE_SHARD, { files: [], hashes: [], types: new Set() });
  // A named shard with few pages costs a first search more on its own than inside the base shard.
  const firstMax = options.firstMaxPages ?? FIRST_SEARCH_MAX_PAGES;
  const base = groups.get(BASE_SHARD)!;
  for (const [id, group] of groups) {
    if (!isNamedShard(id) || group.files.length > firstMax) continue;
    base.files.push(...group.files);
    base.hashes.push(...group.hashes);
    groups.delete(id);
  }
  const root = path.join(site, 'pagefind');
  rmSync(root, { recursive: true, force: true });
  const reports: ShardReport[] = [];
  const salt = `louyu-search ${FORMAT} pagefind ${pagefindVersion()} months ${months}`;
  for (const id of mergeOrder(groups.keys())) {
    const group = groups.get(id)!;
    const shardStarted = performance.now();
    const out = path.join(site, shardPath(id));
    const key = shardCacheKey(group.hashes, `${salt} ${id}`);
    const cached = options.cacheDir ? path.join(options.cacheDir, `${id}-${key}`) : undefined;
    const hit = cached !== undefined && existsSync(cached);
    if (hit) {
      linkTree(cached, out);
    } else {
      await indexShard(site, group.files, out);
      if (cached && options.cacheDir) storeInCache(options.cacheDir, id, cached, out, new Set(groups.keys()));
    }
    const seconds = (performance.now() - shardStarted) / 1000;
    reports.push({ id, pages: group.files.length, cached: hit, seconds });
    log(`搜索分片 ${id}：${group.files.length} 页，${hit ? '使用缓存' : '已索引'}，${seconds.toFixed(1)} 秒`);
  }
  const manifest: ShardManifest = {
    months,
    recent: options.recent ?? recentCount(groups.keys(), shanghaiParts(new Date()).year),
    shards: reports.map((r): ShardInfo => {
      const info: ShardInfo = { id: r.id, path: shardPath(r.id), years: shardYear(r.id) ? [shardYear(r.id) as string] : [], pages: r.pages };
      if (isNamedShard(r.id)) info.types = [...groups.get(r.id)!.types].sort();
      return info;
    }),
  };
  writeFileSync(path.join(root, MANIFEST_FILE), `${JSON.stringify(manifest)}\n`);
  const pages = reports.reduce((s, r) => s + r.pages, 0);
  return { shards: reports, pages, scanSeconds, seconds: (performance.now() - started) / 1000 };
}

/** Below this many pages the scan runs in this thread: starting workers would cost more. */
const PARALLEL_SCAN_MIN = 2000;

/**
 * Reads every page once to find its shard and hash it (see scanFiles), split across worker
 * threads, one per core (at most four), in file order. Every build pays this scan, even when
 * one entry changed, so at 60,000 entries it was a third of republishing one entry.
 */
export async function scanPages(job: ScanJob): Promise<ScannedPage[]> {
  const workers = Math.min(4, availableParallelism());
  if (workers < 2 || job.files.length < PARALLEL_SCAN_MIN) return scanFiles(job);
  const size = Math.ceil(job.files.length / workers);
  const parts = Array.from({ length: workers }, (_, i) => job.files.slice(i * size, (i + 1) * size));
  const results = await Promise.all(
    parts.map(
      (files) =>
        new Promise<ScannedPage[]>((resolve, reject) => {
          const worker = new Worker(new URL('./search-scan-worker.ts', import.meta.url), { workerData: { ...job, files } satisfies ScanJob });
          worker.once('message', (pages: ScannedPage[]) => resolve(pages));
          worker.once('error', reject);
          worker.once('exit', (code) => {
            if (code !== 0) reject(new Error(`search scan worker exited with code ${code}`));
          });
        }),
    ),
  );
  return results.flat();
}

/** Copies a freshly written shard (without the other shards nested in the primary bundle) into the cache. */
function storeInCache(cacheDir: string, id: string, target: string, out: string, shards: ReadonlySet<string>): void {
  mkdirSync(cacheDir, { recursive: true });
  // Older entries of the same shard can never be hit again once the shard has changed.
  for (const name of readdirSync(cacheDir)) if (name.startsWith(`${id}-`)) rmSync(path.join(cacheDir, name), { recursive: true, force: true });
  const temp = `${target}.part-${process.pid}`;
  // The primary bundle's folder also holds the other shards' folders; only its own files are cached.
  linkTree(out, temp, (name) => !shards.has(name));
  renameSync(temp, target);
}

/**
 * Puts every file of `from` into `to` as a hard link (a copy across file systems). Pagefind's
 * files are never changed after they are written, and a shard holds one fragment file per page:
 * linking tens of thousands of them costs far less than copying them.
 */
function linkTree(from: string, to: string, keep: (name: string) => boolean = () => true): void {
  mkdirSync(to, { recursive: true });
  for (const e of readdirSync(from, { withFileTypes: true })) {
    if (!keep(e.name)) continue;
    const source = path.join(from, e.name);
    const target = path.join(to, e.name);
    if (e.isDirectory()) linkTree(source, target);
    else {
      try {
        linkSync(source, target);
      } catch {
        copyFileSync(source, target);
      }
    }
  }
}

function pagefindVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../node_modules/pagefind/package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

/** The build's search step: indexes `site` with the environment's options; resolves with an exit code. */
export async function indexSearch(site: string): Promise<number> {
  try {
    const report = await indexShards(site, { ...envOptions(), log: (line) => console.log(line) });
    console.log(`搜索索引：${report.pages} 页，${report.shards.length} 个分片，${report.seconds.toFixed(1)} 秒`);
    return 0;
  } catch (error) {
    console.error(`搜索索引失败：${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const site = process.argv[2];
  if (!site) {
    console.error('用法：node scripts/search-index.ts <网站目录> [--report <文件>]');
    process.exit(2);
  }
  const reportAt = process.argv.indexOf('--report');
  try {
    const report = await indexShards(site, { ...envOptions(), log: (line) => console.error(line) });
    if (reportAt > 0 && process.argv[reportAt + 1]) writeFileSync(process.argv[reportAt + 1] as string, `${JSON.stringify(report, null, 2)}\n`);
  } catch (error) {
    console.error(`搜索索引失败：${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
