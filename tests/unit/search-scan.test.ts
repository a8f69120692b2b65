import { existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { Worker } from 'node:worker_threads';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { envOptions, indexShards, INDEX_CHUNK_SIZE, scanPages } from '../../src/lib/search/search-indexer.node.ts';
import { scanFiles, sha256, type KnownPage } from '../../src/lib/search/search-index.node.ts';
import { fileStamp } from '../../src/lib/file-stamp.node.ts';
import type { ShardManifest } from '../../src/lib/search/search-shards.ts';

// A built site of 2,600 pages (enough for the scan to use worker threads): dated, undated,
// unindexed pages and lessons (named shard), with Chinese text.
const site = mkdtempSync(path.join(tmpdir(), 'louyu-scan-'));
const files: string[] = [];
const lastBuild = new Date(Date.now() - 60_000);
for (let i = 0; i < 2600; i++) {
  const kind = i % 4;
  const year = 2017 + (i % 10);
  const attrs =
    kind === 0
      ? ` data-pagefind-body><span data-pagefind-sort="date:${year}-03-01T09:00"></span>`
      : kind === 1
        ? ' data-pagefind-body>'
        : kind === 2
          ? '>'
          : ' data-pagefind-body><span hidden data-pagefind-filter="type:网上党校"></span><span hidden data-pagefind-meta="shard:school"></span>';
  const file = `p/${String(i).padStart(5, '0')}/index.html`;
  mkdirSync(path.join(site, path.dirname(file)), { recursive: true });
  writeFileSync(path.join(site, file), `<html lang="zh-CN"><body><main${attrs}<p>第${i}条：楼宇服务</p></main></body></html>`);
  // Written a minute ago, as a previous build's pages were (a page changed just now has no stamp).
  utimesSync(path.join(site, file), lastBuild, lastBuild);
  files.push(file);
}
// Removing 2,600 folders can outlast the default hook timeout on a loaded machine.
afterAll(() => rmSync(site, { recursive: true, force: true }), 120_000);

describe('the search index scan of a built site', () => {
  it('gives each page its shard, and a hash only for pages Pagefind indexes', () => {
    const [dated, undated, unindexed, lesson] = scanFiles({ site, files: files.slice(0, 4), months: 12 });
    expect(dated).toMatchObject({ file: files[0], shard: '2017' });
    expect(dated?.hash).toBe(
      sha256(
        `<html lang="zh-CN"><body><main data-pagefind-body><span data-pagefind-sort="date:2017-03-01T09:00"></span><p>第0条：楼宇服务</p></main></body></html>`,
      ),
    );
    expect(undated).toMatchObject({ shard: 'base' });
    expect(unindexed).toEqual({ file: files[2], shard: undefined, hash: undefined });
    // A page of a named shard also gives its type, for the manifest.
    expect(lesson).toMatchObject({ shard: 'school', type: '网上党校' });
    expect(undated?.type).toBeUndefined();
  });
  it('split across worker threads, gives the same pages in the same order as one thread', async () => {
    const job = { site, files, months: 12 };
    const parallel = await scanPages(job);
    expect(parallel).toHaveLength(files.length);
    expect(parallel).toEqual(scanFiles(job));
  });
  it('one scan worker posts exactly what scanFiles gives for its part', async () => {
    const job = { site, files: files.slice(0, 40), months: 12 };
    const worker = new Worker(new URL('../../src/lib/search/search-scan-worker.node.ts', import.meta.url), { workerData: job });
    const posted = await new Promise((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    await worker.terminate();
    expect(posted).toEqual(scanFiles(job));
  });
});

describe('the scan of a site built again', () => {
  it('reads only pages whose file changed since the last scan (a linked copy keeps its stamp)', async () => {
    const again = mkdtempSync(path.join(tmpdir(), 'louyu-rescan-'));
    try {
      const part = files.slice(0, 8);
      // The next build's output: each page a hard link to the previous one's, as the incremental build leaves it.
      for (const f of part) {
        mkdirSync(path.join(again, path.dirname(f)), { recursive: true });
        linkSync(path.join(site, f), path.join(again, f));
      }
      const first = scanFiles({ site, files: part, months: 12, known: {} });
      expect(first.every((p) => p.stamp === fileStamp(path.join(site, p.file)))).toBe(true);
      // What the scan cache would hold, with a planted hash for page 0: a page not read again keeps it.
      const known: Record<string, KnownPage> = Object.fromEntries(first.map((p) => [p.file, [p.stamp!, p.shard ?? null, p.hash ?? null, p.type ?? null]]));
      known[part[0]!] = [first[0]!.stamp!, first[0]!.shard ?? null, 'planted', null];
      // Page 1 written anew (a new file renamed over it), page 4 deleted and written again with other bytes.
      writeFileSync(path.join(again, `${part[1]}.new`), '<html lang="zh-CN"><body><main data-pagefind-body><p>改过的页面</p></main></body></html>');
      renameSync(path.join(again, `${part[1]}.new`), path.join(again, part[1]!));
      rmSync(path.join(again, part[4]!));
      writeFileSync(path.join(again, part[4]!), '<html lang="zh-CN"><body><main data-pagefind-body><p>另一个页面，长度不同</p></main></body></html>');
      const rebuilt = new Date(Date.now() - 30_000);
      for (const i of [1, 4]) utimesSync(path.join(again, part[i]!), rebuilt, rebuilt);
      // As the cache file holds it (JSON: no undefined).
      const second = scanFiles({ site: again, files: part, months: 12, known: JSON.parse(JSON.stringify(known)) as Record<string, KnownPage> });
      expect(second[0]?.hash).toBe('planted');
      expect(second[1]).toMatchObject({ shard: 'base', hash: sha256(readFileSync(path.join(again, part[1]!))) });
      expect(second[4]).toMatchObject({ shard: 'base', hash: sha256(readFileSync(path.join(again, part[4]!))) });
      // The rest were not read: same shard, hash and type as the first scan.
      for (const i of [2, 3, 5, 6, 7]) expect(second[i]).toEqual(first[i]);
      // Split across worker threads, each gets its own pages' entries and the result is the same.
      const many = {
        site,
        files,
        months: 12,
        known: Object.fromEntries(
          scanFiles({ site, files, months: 12, known: {} }).map((p) => [p.file, [p.stamp!, p.shard ?? null, 'from-cache', p.type ?? null] as KnownPage]),
        ),
      };
      const parallel = await scanPages(many);
      expect(parallel.filter((p) => p.hash !== undefined && p.hash !== 'from-cache')).toEqual([]);
      expect(parallel).toEqual(scanFiles(many));
    } finally {
      rmSync(again, { recursive: true, force: true });
    }
  });

  it('indexes a page replaced since the last run again, with the scan cache of that run', { timeout: 60_000 }, async () => {
    const small = mkdtempSync(path.join(tmpdir(), 'louyu-rescan-site-'));
    const cacheDir = mkdtempSync(path.join(tmpdir(), 'louyu-rescan-cache-'));
    const page = (text: string) =>
      `<html lang="zh-CN"><body><main data-pagefind-body><span data-pagefind-sort="date:2025-05-01T09:00"></span><p>${text}</p></main></body></html>`;
    try {
      for (const [dir, year] of [
        ['a', 2024],
        ['b', 2025],
      ] as const) {
        mkdirSync(path.join(small, dir), { recursive: true });
        writeFileSync(path.join(small, dir, 'index.html'), page(`楼宇服务 ${year}`).replace('2025-05', `${year}-05`));
      }
      const first = await indexShards(small, { cacheDir, months: 12 });
      expect(
        first.shards
          .filter((s) => !s.cached)
          .map((s) => s.id)
          .sort(),
      ).toEqual(['2024', '2025', 'base']);
      expect(existsSync(path.join(cacheDir, 'scan-2-months-12.json'))).toBe(true);
      const untouched = await indexShards(small, { cacheDir, months: 12 });
      expect(untouched.shards.filter((s) => !s.cached)).toEqual([]);
      writeFileSync(path.join(small, 'b', 'index.html.new'), page('楼宇服务 2025 补充了报名方式'));
      renameSync(path.join(small, 'b', 'index.html.new'), path.join(small, 'b', 'index.html'));
      const edited = await indexShards(small, { cacheDir, months: 12 });
      expect(edited.shards.filter((s) => !s.cached).map((s) => s.id)).toEqual(['2025']);
      // Each earlier index was moved out of the site at once and is deleted in the background.
      expect(readdirSync(small).sort()).toEqual(['a', 'b', 'pagefind']);
      const aside = () => readdirSync(path.dirname(small)).filter((n) => n.startsWith(`.${path.basename(small)}-pagefind-old-`));
      for (let i = 0; i < 100 && aside().length > 0; i++) await new Promise((r) => setTimeout(r, 50));
      expect(aside()).toEqual([]);
    } finally {
      rmSync(small, { recursive: true, force: true });
      rmSync(cacheDir, { recursive: true, force: true });
    }
  });
});

describe('the index chunk size (most of a first search’s index bytes)', () => {
  it('is small by default and can be set from the environment', () => {
    expect(INDEX_CHUNK_SIZE).toBeLessThanOrEqual(12_000);
    expect(envOptions({}).chunkSize).toBeUndefined();
    expect(envOptions({ SEARCH_INDEX_CHUNK_SIZE: '9000' }).chunkSize).toBe(9000);
  });

  it('refuses a size that is not a whole number of at least 1,000, naming the variable', async () => {
    for (const chunkSize of [Number.NaN, 10, 1500.5]) {
      await expect(indexShards('does-not-matter', { chunkSize })).rejects.toThrow(/SEARCH_INDEX_CHUNK_SIZE/);
    }
  });
});

describe('the shard length, chosen from the pages per month', () => {
  it('indexes a site whose year holds more than the bound in quarters, and a first search loads the current one', { timeout: 60_000 }, async () => {
    const small = mkdtempSync(path.join(tmpdir(), 'louyu-periods-'));
    const before = process.env.BUILD_NOW;
    try {
      // 24 dated pages in 2026, two a month; the bound is 10: a year (24) and a half-year (12) are too many.
      for (let m = 1; m <= 12; m++)
        for (const d of ['05', '20']) {
          const dir = path.join(small, 'news', `2026-${String(m).padStart(2, '0')}-${d}`);
          mkdirSync(dir, { recursive: true });
          writeFileSync(
            path.join(dir, 'index.html'),
            `<html lang="zh-CN"><body><main data-pagefind-body><span data-pagefind-sort="date:2026-${String(m).padStart(2, '0')}-${d}T09:00"></span><p>楼宇服务</p></main></body></html>`,
          );
        }
      writeFileSync(path.join(small, 'index.html'), '<html lang="zh-CN"><body><main data-pagefind-body><p>首页</p></main></body></html>');
      process.env.BUILD_NOW = '2026-11-20T01:00:00Z';
      await indexShards(small, { firstMaxPages: 10 });
      const manifest = JSON.parse(readFileSync(path.join(small, 'pagefind', 'shards.json'), 'utf8')) as ShardManifest;
      expect(manifest.months).toBe(3);
      expect(manifest.shards.map((s) => [s.id, s.pages])).toEqual([
        ['base', 1],
        ['2026-10', 6],
        ['2026-07', 6],
        ['2026-04', 6],
        ['2026-01', 6],
      ]);
      expect(manifest.recent).toBe(1);
      expect(existsSync(path.join(small, 'pagefind', '2026-10', 'pagefind-entry.json'))).toBe(true);
      // Without a bound in the environment the length is chosen; SEARCH_SHARD_MONTHS fixes it.
      expect(envOptions({}).months).toBeUndefined();
      expect(envOptions({ SEARCH_SHARD_MONTHS: '6' }).months).toBe(6);
    } finally {
      if (before === undefined) delete process.env.BUILD_NOW;
      else process.env.BUILD_NOW = before;
      rmSync(small, { recursive: true, force: true });
    }
  });
});
