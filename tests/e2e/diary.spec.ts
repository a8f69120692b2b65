/**
 * Diary entries have pages of their own (/diary/<id>/): station, day, previous/next within the
 * station and a share block with a QR code. Station pages, month archives, feeds, the sitemap
 * and search all lead there, and the month archive keeps its #<id> anchors.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { expect, SITE, test } from './helpers.ts';
import { zhCN } from '../../src/i18n/zh-CN.ts';

const NEWEST = '/diary/2026-11-27-lanting/';
const OLDER = '/diary/2026-09-11-lanting/';
const DIARY_IDS = readdirSync('content/diary').map((f) => f.replace(/\.md$/, ''));

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('station page → entry page → the older entry of the same station and back', async ({ page }) => {
    await page.goto('/stations/lanting/');
    await page.getByRole('link', { name: '义诊前的协调' }).click();
    await expect(page).toHaveURL(new RegExp(`${NEWEST}$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('义诊前的协调');
    const meta = page.locator('article .ld-meta').first();
    await expect(meta).toContainText('2026-11-27');
    await expect(meta.getByRole('link', { name: /兰亭大厦工作站$/ })).toHaveAttribute('href', '/stations/lanting/');

    const prevNext = page.getByRole('navigation', { name: zhCN['pub.prevNext'] });
    // The newest entry of its station: no newer one, although other stations wrote later.
    await expect(prevNext.getByRole('link')).toHaveCount(1);
    await prevNext.getByRole('link', { name: '志愿服务回访' }).click();
    await expect(page).toHaveURL(new RegExp(`${OLDER}$`));
    await page.getByRole('navigation', { name: zhCN['pub.prevNext'] }).getByRole('link', { name: '义诊前的协调' }).click();
    await expect(page).toHaveURL(new RegExp(`${NEWEST}$`));
  });

  test('the entry page shares its own address as text and QR code', async ({ page }) => {
    await page.goto(NEWEST);
    const share = page.getByRole('region', { name: zhCN['pub.share'] });
    await expect(share.locator('code')).toHaveText(new URL(NEWEST, SITE).href);
    await expect(share.getByRole('img', { name: zhCN['pub.qr'] }).locator('svg')).toHaveCount(1);
  });

  test('the month archive keeps #<id> anchors, and each entry there links to its page', async ({ page }) => {
    await page.goto(NEWEST);
    await page.getByRole('link', { name: /在2026年11月的日记中查看/ }).click();
    await expect(page).toHaveURL(/\/diary\/month\/2026-11\/#2026-11-27-lanting$/);
    const entry = page.locator('article[id="2026-11-27-lanting"]');
    await expect(entry).toBeInViewport();
    await entry.getByRole('link', { name: '义诊前的协调' }).click();
    await expect(page).toHaveURL(new RegExp(`${NEWEST}$`));
  });

  test('every diary entry has a page, and station pages link only to entry pages', async ({ page, request }) => {
    for (const id of DIARY_IDS) expect((await request.get(`/diary/${id}/`)).status(), id).toBe(200);
    await page.goto('/stations/lingxiu/');
    const hrefs = await page.locator('section[aria-labelledby="diary"] a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) expect(href).toMatch(/^\/diary\/[a-z0-9-]+\/$/);
  });
});

test('feeds and the sitemap point at entry pages, never at the diary anchors', async ({ request }) => {
  const all = await (await request.get('/rss.xml')).text();
  const station = await (await request.get('/stations/lanting/rss.xml')).text();
  expect(all).toContain(new URL(NEWEST, SITE).href);
  expect(station).toContain(new URL(NEWEST, SITE).href);
  expect(`${all}${station}`).not.toMatch(/\/diary\/[^<"]*#/);
  const sitemap = readdirSync('dist')
    .filter((f) => /^sitemap-\d+\.xml$/.test(f))
    .map((f) => readFileSync(`dist/${f}`, 'utf8'))
    .join('');
  for (const id of DIARY_IDS) expect(sitemap).toContain(new URL(`/diary/${id}/`, SITE).href);
});

test('search finds a diary entry and links to its page', async ({ page }) => {
  await page.goto(`/search/?q=${encodeURIComponent('义诊前的协调')}`);
  const first = page.locator('ld-site-search [data-results] > li').first();
  await expect(first.getByRole('link')).toHaveAttribute('href', NEWEST);
  await expect(first).toContainText(`${zhCN['search.meta.type']}：${zhCN['search.type.diary']}`);
});
