/**
 * The sharded search index on the demo site with quarter-year shards (SEARCH_SHARD_MONTHS=3),
 * so that several shards exist: the built pages of dist/ (the shard length does not change what
 * Astro writes) are copied and indexed again by the real indexer (scripts/search-index.ts), then
 * served on their own. Shows that a first search loads only the recent shards, that a word found
 * only in an old shard is found, and that filters work across shards. The school's shard is
 * treated as too big for a first search (SEARCH_FIRST_MAX_PAGES=0), as at 6,000 lessons: lessons
 * are found when a search runs short or is filtered to them.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { serveStatic, walkFiles, type StaticServer } from '../../scripts/site-files.ts';
import { zhCN } from '../../src/i18n/zh-CN.ts';
import { pageShard } from '../../src/lib/search/search-index.node.ts';
import { firstShards, SCHOOL_SHARD, shardYear, type ShardManifest } from '../../src/lib/search/search-shards.ts';
import { expect, test } from './helpers.ts';

test.describe.configure({ mode: 'serial' });

let dir = '';
let server: StaticServer;
let manifest: ShardManifest;

test.beforeAll(() => {
  mkdirSync('.tmp', { recursive: true });
  dir = mkdtempSync(path.join('.tmp', 'search-shards-'));
  cpSync('dist', dir, { recursive: true, filter: (src) => path.relative('dist', src) !== 'pagefind' });
  const indexed = spawnSync('node', ['scripts/search-index.ts', dir], {
    encoding: 'utf8',
    env: { ...process.env, SEARCH_SHARD_MONTHS: '3', SEARCH_INDEX_CACHE: 'off', SEARCH_RECENT_SHARDS: '', SEARCH_FIRST_MAX_PAGES: '0' },
  });
  expect(indexed.status, indexed.stderr).toBe(0);
  manifest = JSON.parse(readFileSync(path.join(dir, 'pagefind', 'shards.json'), 'utf8')) as ShardManifest;
});

test.beforeEach(async () => {
  server ??= await serveStatic(dir);
});

test.afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The shard bundles (by path) a page has requested anything from. */
function watchShards(page: Page): Set<string> {
  const paths = new Set<string>();
  page.on('request', (r) => {
    const p = new URL(r.url()).pathname;
    if (!p.startsWith('/pagefind/')) return;
    const shard = manifest.shards.find((s) => s.path !== '/pagefind/' && p.startsWith(s.path));
    paths.add(shard ? shard.path : '/pagefind/');
  });
  return paths;
}

async function results(page: Page, address: string): Promise<string[]> {
  await page.goto(server.url + address);
  const status = page.locator('ld-site-search [data-status]');
  await expect(status).not.toHaveText('');
  await expect(status).not.toHaveText(zhCN['search.loading']);
  return page.locator('ld-site-search [data-results] > li h2 a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
}

/** The shard of the built page behind a result address. */
const shardOfUrl = (url: string) => pageShard(readFileSync(path.join(dir, url.split('#')[0]!, 'index.html'), 'utf8'), 3);

test('quarter shards exist: the base shard, recent ones and older ones', () => {
  const dated = manifest.shards.filter((s) => s.years.length > 0);
  expect(dated.length).toBeGreaterThan(4);
  expect(manifest.recent).toBeGreaterThan(0);
  expect(manifest.recent).toBeLessThan(dated.length);
  // Every indexed page is in exactly one shard.
  const indexed = walkFiles(dir).filter((f) => f.endsWith('.html') && !f.startsWith('pagefind/') && pageShard(readFileSync(path.join(dir, f), 'utf8')));
  expect(manifest.shards.reduce((sum, s) => sum + s.pages, 0)).toBe(indexed.length);
});

test('a first search for a common word loads only the base and recent shards', async ({ page }) => {
  const requested = watchShards(page);
  const found = await results(page, `/search/?q=${encodeURIComponent('工作站')}`);
  expect(found.length).toBeGreaterThanOrEqual(3);
  await page.waitForLoadState('networkidle');
  const recent = firstShards(manifest).map((id) => manifest.shards.find((s) => s.id === id)!.path);
  expect([...requested].sort()).toEqual(recent.sort());
  // The older years are offered, and choosing them searches them too.
  const older = page.getByRole('button', { name: `同时搜索${zhCN['search.shard.school']}和更早的内容`, exact: false });
  await expect(older).toBeVisible();
  await older.click();
  await expect(older).toBeHidden();
  await expect.poll(() => requested.size).toBe(manifest.shards.length);
});

test('a word found only in an old shard is found (older shards are merged when results run short)', async ({ page }) => {
  const found = await results(page, `/search/?q=${encodeURIComponent('摸底')}`);
  expect(found).toContain('/news/2025-11-20-quanqu-dangyuan-paicha/');
  const recentIds = new Set(firstShards(manifest));
  for (const url of found) expect(recentIds.has(shardOfUrl(url)!), `${url} is in an old shard`).toBe(false);
});

test('asking for older years adds their results to recent ones, in one ranking', async ({ page }) => {
  const before = await results(page, `/search/?q=${encodeURIComponent('读书')}`);
  expect(before.length).toBeGreaterThanOrEqual(3);
  const recentIds = new Set(firstShards(manifest));
  for (const url of before) expect(recentIds.has(shardOfUrl(url)!)).toBe(true);
  await page.getByRole('button', { name: /同时搜索.*更早的内容/ }).press('Enter');
  await expect.poll(async () => (await page.locator('[data-results] > li').count()) > before.length).toBe(true);
  const after = await page.locator('ld-site-search [data-results] > li h2 a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  expect(after.some((url) => !recentIds.has(shardOfUrl(url)!))).toBe(true);
  // Exact title matches still come first across shards (src/lib/search/search-rank.ts).
  const titles = await page.locator('ld-site-search [data-results] > li h2 a').allTextContents();
  const inTitle = titles.map((t) => t.includes('读书'));
  expect(inTitle.indexOf(false) === -1 || inTitle.lastIndexOf(true) < inTitle.indexOf(false)).toBe(true);
  // The request is in the address; Back gives the recent-only results again, though the older
  // shards stay merged in the page.
  await expect(page).toHaveURL(/older=1/);
  await page.goBack();
  await expect(page).not.toHaveURL(/older=1/);
  await expect
    .poll(() => page.locator('ld-site-search [data-results] > li h2 a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? '')))
    .toEqual(before);
  await expect(page.getByRole('button', { name: /同时搜索.*更早的内容/ })).toBeVisible();
});

test('many lessons get a shard of their own, searched when a search needs it; a few stay in the base shard', async ({ page }) => {
  // The site as built (dist/) has a few lessons: they are in the base shard, which every search loads.
  const built = JSON.parse(readFileSync(path.join('dist', 'pagefind', 'shards.json'), 'utf8')) as ShardManifest;
  expect(built.shards.map((s) => s.id)).not.toContain(SCHOOL_SHARD);
  // Every course and lesson page is in the school shard, and nothing else is.
  const school = manifest.shards.find((s) => s.id === SCHOOL_SHARD)!;
  const lessonPages = walkFiles(dir).filter((f) => f.startsWith('school/') && f.endsWith('index.html') && shardOfUrl(`/${path.dirname(f)}/`) !== undefined);
  expect(lessonPages.length).toBe(school.pages);
  for (const f of lessonPages) expect(shardOfUrl(`/${path.dirname(f)}/`)).toBe(SCHOOL_SHARD);
  expect(school.types).toEqual([zhCN['search.type.school']]);
  expect(firstShards(manifest)).not.toContain(SCHOOL_SHARD);

  // A word only lessons use: the recent shards find nothing, so the search widens, school first.
  const requested = watchShards(page);
  const found = await results(page, `/search/?q=${encodeURIComponent('通读')}`);
  expect(found.length).toBeGreaterThan(0);
  for (const url of found) expect(url.startsWith('/school/'), url).toBe(true);
  expect(requested.has(school.path)).toBe(true);

  // A search filtered to lessons loads their shard at once, and finds only lessons.
  const filtered = watchShards(page);
  const lessons = await results(page, `/search/?q=${encodeURIComponent('组织生活')}&type=${encodeURIComponent(zhCN['search.type.school'])}`);
  expect(lessons.length).toBeGreaterThan(0);
  for (const url of lessons) expect(shardOfUrl(url)).toBe(SCHOOL_SHARD);
  await page.waitForLoadState('networkidle');
  expect([...filtered].sort()).toEqual(
    [...firstShards(manifest, '', zhCN['search.type.school'])].map((id) => manifest.shards.find((s) => s.id === id)!.path).sort(),
  );
  expect(filtered.has(school.path)).toBe(true);
});

test('filters work across shards: a year filter loads that year at once, type and station filter old pages', async ({ page }) => {
  const requested = watchShards(page);
  const in2025 = await results(page, `/search/?q=${encodeURIComponent('稳岗')}&year=2025`);
  expect(in2025.length).toBeGreaterThan(0);
  for (const url of in2025) expect(shardYear(shardOfUrl(url)!)).toBe('2025');
  expect([...requested].some((p) => p.startsWith('/pagefind/2025-'))).toBe(true);
  await expect(page.locator('#search-year')).toHaveValue('2025');

  const news = await results(page, `/search/?q=${encodeURIComponent('摸底')}&type=${encodeURIComponent(zhCN['search.type.news'])}`);
  expect(news).toContain('/news/2025-11-20-quanqu-dangyuan-paicha/');
  const diary = await results(page, `/search/?q=${encodeURIComponent('摸底')}&type=${encodeURIComponent(zhCN['search.type.diary'])}`);
  expect(diary).not.toContain('/news/2025-11-20-quanqu-dangyuan-paicha/');

  // A station's page in an old shard, found through that station's filter and not another's.
  const old = '/news/2025-10-15-cuibai-anquan-xunjian/';
  const station = /data-pagefind-filter="station:([^"]+)"/.exec(readFileSync(path.join(dir, old, 'index.html'), 'utf8'))![1]!;
  const other = /data-pagefind-filter="station:([^"]+)"/.exec(readFileSync(path.join(dir, 'news/2025-04-08-wanshang-lianxi-huiyi/index.html'), 'utf8'))?.[1];
  expect(await results(page, `/search/?q=${encodeURIComponent('安全检查')}&station=${encodeURIComponent(station)}`)).toContain(old);
  expect(other && other !== station).toBe(true);
  expect(await results(page, `/search/?q=${encodeURIComponent('安全检查')}&station=${encodeURIComponent(other!)}`)).not.toContain(old);
});
