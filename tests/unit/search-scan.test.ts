import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { Worker } from 'node:worker_threads';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { envOptions, indexShards, INDEX_CHUNK_SIZE, scanPages } from '../../src/lib/search/search-indexer.node.ts';
import { scanFiles, sha256 } from '../../src/lib/search/search-index.node.ts';
import type { ShardManifest } from '../../src/lib/search/search-shards.ts';

// A built site of 2,600 pages (enough for the scan to use worker threads): dated, undated,
// unindexed pages and lessons (named shard), with Chinese text.
const site = mkdtempSync(path.join(tmpdir(), 'louyu-scan-'));
const files: string[] = [];
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
