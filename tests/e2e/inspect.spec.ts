/**
 * Inspection readiness on the built demo site: the identifiers in the footer of every template,
 * the 网站地图 page and robots.txt, and the report page `npm run inspect` writes for the chief
 * editor (run here on dist/, then opened in Chromium: noindex, accessible, no CSP violation).
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, expectNoAxeViolations, test } from './helpers.ts';
import { serveStatic, walkFiles } from '../../scripts/site-files.ts';

const DIST = 'dist';

/** One page per template (ids replaced by a placeholder), printable posters excepted: they print alone. */
function templatePaths(): string[] {
  const byTemplate = new Map<string, string>();
  for (const f of walkFiles(DIST).sort()) {
    if (!f.endsWith('.html') || /^(admin|pagefind)\//.test(f) || f.endsWith('/poster/index.html')) continue;
    const p = `/${f.replace(/index\.html$/, '')}`;
    const key = p
      .split('/')
      .filter(Boolean)
      .map((s, i) => (i === 0 || ['exam', 'record'].includes(s) ? s : ':id'))
      .join('/');
    if (!byTemplate.has(key)) byTemplate.set(key, p);
  }
  return [...byTemplate.values()];
}

const settings = readFileSync('content/settings/site.yaml', 'utf8');
const value = (key: string) => new RegExp(`^${key}: "?([^"\\n]+)"?$`, 'm').exec(settings)?.[1] ?? '';

test('every template shows the identifiers in its footer, the 公安 number linking to its record', async ({ page }) => {
  const templates = templatePaths();
  expect(templates.length).toBeGreaterThan(15);
  const psbNumber = /(\d{14})/.exec(value('psb'))?.[1];
  expect(psbNumber).toBeTruthy();
  for (const p of templates) {
    await page.goto(p);
    const footer = page.locator('footer.ld-footer');
    await expect(footer, p).toContainText(`网站标识码：${value('siteCode')}`);
    await expect(footer.getByRole('link', { name: value('icp'), exact: true }), p).toHaveAttribute('href', 'https://beian.miit.gov.cn/');
    await expect(footer.getByRole('link', { name: value('psb'), exact: true }), p).toHaveAttribute('href', new RegExp(`code=${psbNumber}$`));
    await expect(footer.getByRole('link', { name: '网站地图' }), p).toHaveAttribute('href', '/sitemap/');
  }
});

test('the 网站地图 lists every section, column, course, station and topic', async ({ page }) => {
  await page.goto('/');
  await page.locator('footer').getByRole('link', { name: '网站地图' }).click();
  await expect(page).toHaveURL(/\/sitemap\/$/);
  await expect(page.locator('h1')).toHaveText('网站地图');
  const hrefs = await page.locator('main a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  const ids = (folder: string, ext: string) =>
    readdirSync(path.join('content', folder))
      .filter((f) => f.endsWith(ext))
      .map((f) => f.slice(0, -ext.length));
  for (const id of ids('stations', '.md')) expect(hrefs).toContain(`/stations/${id}/`);
  for (const id of ids('columns', '.yaml')) expect(hrefs).toContain(`/theory/${id}/`);
  for (const id of ids('courses', '.md')) expect(hrefs).toContain(`/school/${id}/`);
  for (const id of ids('topics', '.md')) expect(hrefs).toContain(`/topics/${id}/`);
  for (const section of ['/news/', '/activities/', '/theory/', '/school/', '/stations/', '/exchange/', '/diary/', '/topics/', '/stats/'])
    expect(hrefs).toContain(section);
  await expectNoAxeViolations(page);
});

test('robots.txt keeps /admin/ out and points at the XML sitemap', async ({ request }) => {
  const robots = await (await request.get('/robots.txt')).text();
  expect(robots).toContain('Disallow: /admin/');
  const sitemap = /^Sitemap: (\S+)$/m.exec(robots)?.[1];
  expect(sitemap).toMatch(/\/sitemap-index\.xml$/);
  const xml = await request.get(new URL(sitemap!).pathname);
  expect(xml.status()).toBe(200);
  expect(await xml.text()).toContain('<sitemapindex');
});

test('the inspection report page: written into the site, noindex, accessible, no script', async ({ page }) => {
  const run = spawnSync(process.execPath, ['scripts/inspect.ts', '--date', '2026-12-04'], { encoding: 'utf8' });
  expect(run.stdout).toContain('网站检查报告');
  // The preview server lists dist/ once at start; serve the folder afresh to see the new page.
  const server = await serveStatic(DIST);
  try {
    await page.goto(`${server.url}/admin/inspect/`);
    await expect(page.locator('h1')).toHaveText('网站检查报告');
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', 'noindex, nofollow');
    await expect(page.locator('script')).toHaveCount(0);
    await expect(page.getByRole('table')).toContainText('党建日记');
    await expectNoAxeViolations(page);
    // Readable on a phone: at 320 px nothing scrolls sideways (the column table wraps its text).
    await page.setViewportSize({ width: 320, height: 640 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  } finally {
    await server.close();
  }
});
