/**
 * Scheduled publishing (定时发布) with a fixed build clock: two real builds (Astro, then Pagefind)
 * of tests/fixtures/content-min plus one news entry published at 2026-12-01 10:00, one with
 * BUILD_NOW a minute before that time and one at it. Before: no page, and the entry is in no
 * list, feed, sitemap or search result. After: everywhere. Slow (two builds): kept in this one file.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './helpers.ts';
import { zhCN } from '../../src/i18n/zh-CN.ts';
import { serveStatic, walkFiles } from '../../scripts/site-files.ts';

const ID = '2026-12-01-dingshi-tongzhi';
const TITLE = '定时发布的培训通知';
/** A Latin word Pagefind indexes as a whole, found nowhere else. */
const TOKEN = 'Dingshifabu2026';

/** A content root (inside the project: the loaders resolve CONTENT_ROOT relative to it) with the scheduled entry. */
function contentRoot(dir: string): string {
  const root = path.join(dir, 'content');
  cpSync('tests/fixtures/content-min', root, { recursive: true });
  writeFileSync(
    path.join(root, 'news', `${ID}.md`),
    `---\ntitle: ${TITLE}\npublished: 2026-12-01 10:00\ncategory: 通知公告\nsummary: 这条通知定时在十点发布。\n---\n培训安排见附件。${TOKEN}\n`,
  );
  return root;
}

/** Builds the content root with the given build clock; returns the output folder. */
function build(dir: string, root: string, now: string, name: string): string {
  const out = path.join(dir, name);
  const env = { ...process.env, CONTENT_ROOT: root, BUILD_NOW: now, ASTRO_TELEMETRY_DISABLED: '1' };
  const astro = spawnSync('npx', ['astro', 'build', '--outDir', out], { encoding: 'utf8', env });
  expect(astro.status, `${astro.stdout}\n${astro.stderr}`).toBe(0);
  // The site's own sharded indexer, as `npm run build` runs it.
  const pagefind = spawnSync('node', ['scripts/search-index.ts', out], { encoding: 'utf8', env });
  expect(pagefind.status, `${pagefind.stdout}\n${pagefind.stderr}`).toBe(0);
  return out;
}

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
  return page.locator('ld-site-search [data-results] > li h2 a, ld-site-search [data-results] > li h3 a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
}

test('an entry scheduled for 10:00 is absent from a 09:59 build and present in a 10:00 build', async ({ page }) => {
  test.setTimeout(300_000);
  mkdirSync('.tmp', { recursive: true });
  const dir = path.relative(process.cwd(), mkdtempSync(path.join('.tmp', 'schedule-')));
  try {
    const root = contentRoot(dir);
    const before = build(dir, root, '2026-12-01 09:59', 'before');
    expect(existsSync(path.join(before, 'news', ID, 'index.html'))).toBe(false);
    expect(mentions(before)).toEqual([]);

    const after = build(dir, root, '2026-12-01 10:00', 'after');
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
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
