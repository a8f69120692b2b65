/**
 * Scheduled publishing (定时发布) with a fixed build clock: two real builds (Astro, then Pagefind)
 * of tests/fixtures/content-min plus one news entry published at 2026-12-01 10:00, one with
 * BUILD_NOW a minute before that time and one at it (the fixtures schedule-0959 and schedule-1000
 * of tests/support/fixture-build.node.ts). Before: no page, and the entry is in no list, feed,
 * sitemap or search result. After: everywhere.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './helpers.ts';
import { zhCN } from '../../src/i18n/zh-CN.ts';
import { serveStatic, walkFiles } from '../../scripts/site-files.ts';
import { fixtureSite, SCHEDULED } from '../support/fixture-build.node.ts';

const { id: ID, title: TITLE, token: TOKEN } = SCHEDULED;

/** Files of the built site that mention the entry (its address or its title). */
function mentions(out: string): string[] {
  return walkFiles(out)
    .filter((f) => /\.(html|xml|ics|json)$/.test(f) && !f.startsWith('pagefind/'))
    .filter((f) => {
      const text = readFileSync(path.join(out, f), 'utf8');
      return text.includes(`/news/${ID}/`) || text.includes(TITLE);
    });
}

/** Pagefind's results for the token, as the search page shows them. */
async function searchHits(page: Page, url: string): Promise<string[]> {
  await page.goto(`${url}/search/?q=${TOKEN}`);
  const status = page.locator('ld-site-search [data-status]');
  await expect(status).not.toHaveText('');
  await expect(status).not.toHaveText(zhCN['search.loading']);
  return page
    .locator('ld-site-search [data-results] > li h2 a, ld-site-search [data-results] > li h3 a')
    .evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
}

test('an entry scheduled for 10:00 is absent from a 09:59 build and present in a 10:00 build', async ({ page }) => {
  test.setTimeout(300_000);
  const before = (await fixtureSite('schedule-0959')).out;
  expect(existsSync(path.join(before, 'news', ID, 'index.html'))).toBe(false);
  expect(mentions(before)).toEqual([]);

  const after = (await fixtureSite('schedule-1000')).out;
  expect(existsSync(path.join(after, 'news', ID, 'index.html'))).toBe(true);
  const found = mentions(after);
  for (const f of ['index.html', 'news/index.html', 'news/category/tongzhi/index.html', 'rss.xml', 'news/rss.xml', 'sitemap-0.xml']) expect(found).toContain(f);

  for (const [out, expected] of [
    [before, []],
    [after, [`/news/${ID}/`]],
  ] as const) {
    const server = await serveStatic(out);
    try {
      expect(await searchHits(page, server.url)).toEqual(expected);
    } finally {
      await server.close();
    }
  }
});
