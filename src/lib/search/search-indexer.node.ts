/**
 * The search-index step of the build: indexes a built site with Pagefind in shards (see
 * src/lib/search/search-shards.ts), one bundle per shard, written through Pagefind's Node API. Each
 * shard is indexed in a fresh Pagefind process, so peak memory is that of the largest shard, not
 * of the archive. A shard whose pages have not changed is copied from the cache instead.
 *
 * Its command line is scripts/search-index.ts: node scripts/search-index.ts <site> [--report <file.json>]
 *
 * Environment: SEARCH_SHARD_MONTHS (period per shard: 12 is one shard a year; 1, 2, 3, 4 or 6
 * give smaller shards; by default the longest of a year, a half-year, a quarter and a month
 * whose every period holds at most FIRST_SEARCH_MAX_PAGES pages, see chooseShardMonths),
 * SEARCH_RECENT_SHARDS (newest dated shards a first search loads; default: those of the
 * build's period and later, at least one),
 * SEARCH_FIRST_MAX_PAGES (pages naming a shard, the school's, stay in the base shard up to this
 * many; default FIRST_SEARCH_MAX_PAGES),
 * SEARCH_INDEX_CACHE (cache folder, default
 * .tmp/search-index-cache; `off` disables the cache), SEARCH_INDEX_CHUNK_SIZE (the size Pagefind
 * aims at for each index chunk; default INDEX_CHUNK_SIZE).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { copyFile, link, mkdir, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { replaceFile } from '../replace-file.node.ts';
import { removeLater } from '../remove-later.node.ts';
import * as pagefind from 'pagefind';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { pageUrl, scanFiles, shardCacheKey, type KnownPage, type ScanJob, type ScannedPage } from './search-index.node.ts';
import { shanghaiParts } from '../dates.ts';
import { buildNow } from '../schedule.ts';
import {
  BASE_SHARD,
  FIRST_SEARCH_MAX_PAGES,
  isNamedShard,
  MANIFEST_FILE,
  mergeOrder,
  chooseShardMonths,
  periodOf,
  recentCount,
  shardPath,
  shardYear,
  validShardMonths,
  type ShardInfo,
  type ShardManifest,
} from './search-shards.ts';

export interface IndexOptions {
  months?: number;
  /** The size Pagefind aims at for each index chunk (default INDEX_CHUNK_SIZE). */
  chunkSize?: number | undefined;
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
  /** Finding every page and reading (hashing) those changed since the last run. */
  scanSeconds: number;
  seconds: number;
}

/** Bump when the bundle layout or indexing settings change: every cached shard is then rebuilt. */
const FORMAT = 2;

/**
 * The size Pagefind aims at for each index chunk (its PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE; the
 * name says it may change, and the first-search budgets in tests/e2e/search.spec.ts and the bench
 * fail if it stops working). A search fetches the chunk holding each word from every shard it
 * loads, so a chunk's size is most of a first search's index bytes. Measured on the demo, a first
 * search for 讲座 fetched 43 KB of index chunks with Pagefind's default, 23 KB at 12,000 and
 * 19 KB at 6,000 (a common word's own entry is not split further).
 */
export const INDEX_CHUNK_SIZE = 6000;

/** Options from the environment (see the header). */
export function envOptions(env: NodeJS.ProcessEnv = process.env): IndexOptions {
  const months = env.SEARCH_SHARD_MONTHS ? Number(env.SEARCH_SHARD_MONTHS) : undefined;
  const recent = env.SEARCH_RECENT_SHARDS ? Number(env.SEARCH_RECENT_SHARDS) : undefined;
  const firstMaxPages = env.SEARCH_FIRST_MAX_PAGES ? Number(env.SEARCH_FIRST_MAX_PAGES) : undefined;
  const cache = env.SEARCH_INDEX_CACHE ?? '.tmp/search-index-cache';
  const chunkSize = env.SEARCH_INDEX_CHUNK_SIZE ? Number(env.SEARCH_INDEX_CHUNK_SIZE) : undefined;
  return { months, recent, firstMaxPages, chunkSize, cacheDir: cache === 'off' ? undefined : cache };
}

/**
 * The HTML files of a built site, as paths inside it with forward slashes, skipping /pagefind/,
 * sorted. Folders are read concurrently: each page has a folder of its own, and at 60,000
 * entries reading 94,000 folders one after another took 1.7 s, concurrently 1.1 s.
 */
async function walk(site: string): Promise<string[]> {
  const out: string[] = [];
  const visit = async (prefix: string): Promise<void> => {
    const entries = await readdir(prefix ? path.join(site, prefix) : site, { withFileTypes: true });
    const folders: Promise<void>[] = [];
    for (const e of entries) {
      const rel = prefix ? `${prefix}/${e.name}` : e.name;
      if (e.isDirectory()) {
        if (rel !== 'pagefind') folders.push(visit(rel));
      } else if (e.name.endsWith('.html')) out.push(rel);
    }
    await Promise.all(folders);
  };
  await visit('');
  return out.sort();
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
  const log = options.log ?? (() => {});
  if (options.months !== undefined && !validShardMonths(options.months)) throw new Error(`SEARCH_SHARD_MONTHS 必须能整除 12（现为 ${options.months}）`);
  // Pages are placed by month first; the shard length is then chosen from the counts (unless given).
  const scanMonths = options.months ?? 1;
  const chunkSize = options.chunkSize ?? INDEX_CHUNK_SIZE;
  if (!Number.isInteger(chunkSize) || chunkSize < 1000) throw new Error(`SEARCH_INDEX_CHUNK_SIZE 必须是不小于 1000 的整数（现为 ${chunkSize}）`);
  // Read by every Pagefind service this step starts (they inherit the environment).
  process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE = String(chunkSize);
  const started = performance.now();
  const groups = new Map<string, { files: string[]; hashes: { url: string; hash: string }[]; types: Set<string> }>();
  const files = await walk(site);
  const walked = performance.now();
  // The build's clock (BUILD_NOW, as the pages were built), Beijing time: which period is current.
  const now = shanghaiParts(buildNow());
  // Pages whose file is unchanged since the last run (same stamp) are not read again.
  const scanCache = options.cacheDir ? path.join(options.cacheDir, `scan-${FORMAT}-months-${scanMonths}.json`) : undefined;
  const known = scanCache ? readScanCache(scanCache) : undefined;
  const all = await scanPages({ site, files, months: scanMonths, known });
  if (scanCache) writeScanCache(scanCache, all);
  const scanned = all.filter((page) => page.shard && page.hash);
  const perMonth = new Map<string, number>();
  for (const page of scanned) if (shardYear(page.shard!)) perMonth.set(page.shard!, (perMonth.get(page.shard!) ?? 0) + 1);
  const months = options.months ?? chooseShardMonths(perMonth, options.firstMaxPages ?? FIRST_SEARCH_MAX_PAGES);
  for (const page of scanned) {
    const id = periodOf(page.shard!, months);
    const group = groups.get(id) ?? { files: [], hashes: [], types: new Set<string>() };
    group.files.push(page.file);
    group.hashes.push({ url: pageUrl(page.file), hash: page.hash! });
    if (page.type) group.types.add(page.type);
    groups.set(id, group);
  }
  const scanSeconds = (performance.now() - started) / 1000;
  log(`搜索索引：查找页面 ${((walked - started) / 1000).toFixed(1)} 秒，读取并计算哈希 ${((performance.now() - walked) / 1000).toFixed(1)} 秒`);
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
  // An index from an earlier run on this folder (a site Astro has just built has none) is moved
  // out of it, beside it, at once and deleted in the background: at 60,000 entries it holds
  // 60,000 files, and the new index need not wait for them (nor may they be published with it).
  for (const name of readdirSync(site)) if (name.startsWith('.pagefind-part-')) rmSync(path.join(site, name), { recursive: true, force: true });
  const beside = path.resolve(site);
  removeLater(
    readdirSync(site)
      .filter((name) => name === 'pagefind' || /^pagefind\.old-\d+$/.test(name))
      .map((name) => {
        const aside = path.join(path.dirname(beside), `.${path.basename(beside)}-${name}-old-${process.pid}-${asides++}`);
        renameSync(path.join(site, name), aside);
        return aside;
      }),
  );
  mkdirSync(root, { recursive: true });
  const salt = `louyu-search ${FORMAT} pagefind ${pagefindVersion()} months ${months} chunk ${chunkSize}`;
  const plan = mergeOrder(groups.keys()).map((id) => {
    const group = groups.get(id)!;
    const cached = options.cacheDir ? path.join(options.cacheDir, `${id}-${shardCacheKey(group.hashes, `${salt} ${id}`)}`) : undefined;
    return { id, group, out: path.join(site, shardPath(id)), cached, hit: cached !== undefined && existsSync(cached) };
  });
  const seconds = new Map<string, number>();
  const done = (id: string, pages: number, hit: boolean, from: number) => {
    seconds.set(id, (performance.now() - from) / 1000);
    log(`搜索分片 ${id}：${pages} 页，${hit ? '使用缓存' : '已索引'}，${seconds.get(id)!.toFixed(1)} 秒`);
  };
  // Unchanged shards are linked from the cache while changed ones are indexed: Pagefind indexes
  // in its own process, so the two overlap (at 60,000 entries, linking eleven shards is about
  // 60,000 files).
  const linking = (async () => {
    for (const shard of plan.filter((s) => s.hit)) {
      const from = performance.now();
      await linkTree(shard.cached!, shard.out);
      done(shard.id, shard.group.files.length, true, from);
    }
  })();
  // Awaited below; a failure meanwhile must not end the process before the index step reports it.
  linking.catch(() => {});
  try {
    for (const shard of plan.filter((s) => !s.hit)) {
      const from = performance.now();
      // Written beside the index, then moved into place: the primary bundle's folder also holds
      // the other shards' bundles, which are being linked meanwhile.
      const part = path.join(site, `.pagefind-part-${shard.id}`);
      await indexShard(site, shard.group.files, part);
      moveBundle(part, shard.out);
      if (shard.cached && options.cacheDir) await storeInCache(options.cacheDir, shard.id, shard.cached, shard.out, new Set(groups.keys()));
      done(shard.id, shard.group.files.length, false, from);
    }
  } finally {
    await linking;
  }
  const reports: ShardReport[] = plan.map((s) => ({ id: s.id, pages: s.group.files.length, cached: s.hit, seconds: seconds.get(s.id) ?? 0 }));
  const manifest: ShardManifest = {
    months,
    recent: options.recent ?? recentCount(groups.keys(), periodOf(`${now.year}-${now.month}`, months)),
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

/** The scan cache's pages by path, or an empty record when there is none or it cannot be read. */
function readScanCache(file: string): Record<string, KnownPage> {
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    return data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, KnownPage>) : {};
  } catch {
    return {};
  }
}

/** Stores what this scan found (the pages of this build only), replacing the file in one rename. */
function writeScanCache(file: string, pages: readonly ScannedPage[]): void {
  const data: Record<string, KnownPage> = {};
  for (const page of pages) if (page.stamp) data[page.file] = [page.stamp, page.shard ?? null, page.hash ?? null, page.type ?? null];
  mkdirSync(path.dirname(file), { recursive: true });
  replaceFile(file, JSON.stringify(data));
}

/** Folders moved aside by this process (each gets a name of its own). */
let asides = 0;

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
  // Each worker gets only its own pages' cache entries (the record is copied into the thread).
  const knownOf = (files: string[]) => {
    if (!job.known) return undefined;
    const part: Record<string, KnownPage> = {};
    for (const file of files) {
      const entry = job.known[file];
      if (entry) part[file] = entry;
    }
    return part;
  };
  const results = await Promise.all(
    parts.map(
      (files) =>
        new Promise<ScannedPage[]>((resolve, reject) => {
          const worker = new Worker(new URL('./search-scan-worker.node.ts', import.meta.url), {
            workerData: { ...job, files, known: knownOf(files) } satisfies ScanJob,
          });
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

/** Puts a bundle written at `part` in its place `out`; the primary bundle's files go in beside the other shards' folders. */
function moveBundle(part: string, out: string): void {
  if (!existsSync(out)) {
    renameSync(part, out);
    return;
  }
  for (const name of readdirSync(part)) renameSync(path.join(part, name), path.join(out, name));
  rmSync(part, { recursive: true, force: true });
}

/** Links a freshly written shard (without the other shards nested in the primary bundle) into the cache. */
async function storeInCache(cacheDir: string, id: string, target: string, out: string, shards: ReadonlySet<string>): Promise<void> {
  mkdirSync(cacheDir, { recursive: true });
  // Older entries of the same shard can never be hit again once the shard has changed.
  await Promise.all(
    readdirSync(cacheDir)
      .filter((name) => name.startsWith(`${id}-`))
      .map((name) => rm(path.join(cacheDir, name), { recursive: true, force: true })),
  );
  const temp = `${target}.part-${process.pid}`;
  // The primary bundle's folder also holds the other shards' folders; only its own files are cached.
  await linkTree(out, temp, (name) => !shards.has(name));
  renameSync(temp, target);
}

/** Files linked at once: enough to keep the file system busy from Node's thread pool. */
const LINKS_AT_ONCE = 64;

/**
 * Puts every file of `from` into `to` as a hard link (a copy across file systems). Pagefind's
 * files are never changed after they are written, and a shard holds one fragment file per page:
 * linking tens of thousands of them costs far less than copying them.
 */
async function linkTree(from: string, to: string, keep: (name: string) => boolean = () => true): Promise<void> {
  await mkdir(to, { recursive: true });
  const entries = (await readdir(from, { withFileTypes: true })).filter((e) => keep(e.name));
  for (const e of entries) if (e.isDirectory()) await linkTree(path.join(from, e.name), path.join(to, e.name));
  const files = entries.filter((e) => !e.isDirectory());
  for (let i = 0; i < files.length; i += LINKS_AT_ONCE) {
    await Promise.all(
      files.slice(i, i + LINKS_AT_ONCE).map(async (e) => {
        const source = path.join(from, e.name);
        const target = path.join(to, e.name);
        try {
          await link(source, target);
        } catch {
          await copyFile(source, target);
        }
      }),
    );
  }
}

function pagefindVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../../node_modules/pagefind/package.json', import.meta.url), 'utf8')) as { version: string };
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
