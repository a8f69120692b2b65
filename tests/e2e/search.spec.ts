import type { Page } from '@playwright/test';
import { zhCN } from '../../src/i18n/zh-CN.ts';
import { expect, expectNoAxeViolations, test } from './helpers.ts';

/** Waits for the search to finish and returns the full-match and partial-match links, in order. */
async function results(page: Page): Promise<{ status: string; full: string[]; partial: string[] }> {
  const status = page.locator('ld-site-search [data-status]');
  await expect(status).not.toHaveText('');
  await expect(status).not.toHaveText(zhCN['search.loading']);
  const hrefs = (selector: string) =>
    page.locator(`ld-site-search ${selector} > li h2 a, ld-site-search ${selector} > li h3 a`).evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  return { status: (await status.textContent()) ?? '', full: await hrefs('[data-results]'), partial: await hrefs('[data-partial-results]') };
}

async function search(page: Page, query: string, extra = '') {
  await page.goto(`/search/?q=${encodeURIComponent(query)}${extra}`);
  return results(page);
}

const searchbox = (page: Page) => page.locator('ld-site-search').getByRole('searchbox', { name: zhCN['search.label'] });

/** Real queries and the page each must return first, must return, or must not return. */
const QUERIES: { q: string; first?: string; includes?: string[]; excludes?: RegExp; none?: boolean }[] = [
  // Each of the report's seven building names finds its station first.
  { q: '领秀大厦', first: '/stations/lingxiu/' },
  { q: '首特科技孵化器有限责任公司', first: '/stations/lingxiu/' },
  { q: '万商大厦', first: '/stations/wanshang/' },
  { q: '长城大厦', first: '/stations/wanshang/' },
  { q: '小山环保大厦', first: '/stations/xiaoshan/' },
  { q: '莱亚西大厦', first: '/stations/xiaoshan/' },
  { q: '诚海大厦', first: '/stations/xiaoshan/' },
  // Fictional buildings too, including one whose station has a single building.
  { q: '银杏大厦', first: '/stations/yinxing/' },
  { q: '紫藤大厦', first: '/stations/ziteng/' },
  // 五站合一 finds exactly the five stations that have all five services.
  {
    q: '五站合一',
    includes: ['/stations/furong/', '/stations/haitang/', '/stations/lingxiu/', '/stations/wanshang/', '/stations/yinxing/'],
    excludes: /^\/stations\/(?!furong|haitang|lingxiu|wanshang|yinxing)/,
  },
  // Course and lesson titles find the course or lesson first.
  { q: '新任工作人员上岗培训', first: '/school/xinren-peixun/' },
  { q: '服务楼宇企业实务', first: '/school/louyu-shiwu/' },
  { q: '怎样学习党章', first: '/school/jiben-changshi/' },
  { q: '走访楼宇企业的基本方法', first: '/school/xinren-peixun/' },
  { q: '需求台账', includes: ['/school/xinren-peixun/'] },
  // Titles of news and activities.
  { q: '职场压力与情绪调适讲座', first: '/activities/2026-11-25-ziteng-xinli-jiangzuo/' },
  { q: '第四季度企业联席会议', first: '/news/2026-11-20-lingxiu-lianxi-huiyi/' },
  { q: '讲座', includes: ['/activities/2026-11-25-ziteng-xinli-jiangzuo/'] },
  // Words absent from the site, whose single characters do occur: nothing.
  { q: '铁路', none: true },
  { q: '楼道', none: true },
  { q: '年会', none: true },
  { q: '会计', none: true },
  // Header and footer text is not indexed.
  { q: '京ICP备00000000号', none: true },
  // Lists, stats and the search page itself are not indexed.
  { q: '站内搜索', none: true },
];

test.describe('search finds the right page first', () => {
  for (const { q, first, includes = [], excludes, none } of QUERIES) {
    test(`${q}`, async ({ page }) => {
      const { full, partial } = await search(page, q);
      if (none) {
        expect(full).toEqual([]);
        expect(partial).toEqual([]);
        return;
      }
      if (first) expect(full[0], `first result for ${q}`).toContain(first);
      for (const url of includes)
        expect(
          full.some((h) => h.startsWith(url)),
          `${url} for ${q}`,
        ).toBe(true);
      if (excludes) expect(full.filter((h) => excludes.test(h))).toEqual([]);
    });
  }
});

test.describe('search page', () => {
  test('a two-character query absent from the site shows nothing, though Pagefind matches its single characters', async ({ page }) => {
    const { status, full, partial } = await search(page, '楼道');
    expect(full).toEqual([]);
    expect(partial).toEqual([]);
    expect(status).toBe(zhCN['search.none'].replace('{query}', '楼道'));
    // The guard matters: Pagefind alone does return pages for this query.
    const raw = await page.evaluate(async () => {
      const path = '/pagefind/pagefind.js';
      const pf = await import(/* @vite-ignore */ path);
      return (await pf.search('楼道')).results.length as number;
    });
    expect(raw).toBeGreaterThan(0);
  });

  test('the header search box lands on /search/ with results', async ({ page }) => {
    await page.goto('/news/');
    const header = page.locator('header').getByRole('searchbox', { name: zhCN['search.label'] });
    await header.fill('领秀大厦');
    await header.press('Enter');
    await expect(page).toHaveURL(/\/search\/\?q=%E9%A2%86%E7%A7%80%E5%A4%A7%E5%8E%A6$/);
    await expect(searchbox(page)).toHaveValue('领秀大厦');
    expect((await results(page)).full[0]).toBe('/stations/lingxiu/');
  });

  test('filters and sort change the address and the results', async ({ page }) => {
    const all = await search(page, '讲座');
    const types = () => page.locator('ld-site-search [data-results] .ld-meta span:first-child').allTextContents();
    expect(new Set(await types()).size).toBeGreaterThan(1);

    await page.getByLabel(zhCN['search.filter.type']).selectOption(zhCN['search.type.activities']);
    await expect(page).toHaveURL(/type=%E6%B4%BB%E5%8A%A8/);
    const filtered = await results(page);
    expect(filtered.full.length).toBeGreaterThan(0);
    expect(filtered.full.length).toBeLessThan(all.full.length);
    expect(filtered.full.every((h) => h.startsWith('/activities/'))).toBe(true);
    expect(filtered.status).toContain('已筛选');

    await page.getByLabel(zhCN['search.sort']).selectOption('date');
    await expect(page).toHaveURL(/sort=date/);
    await expect(page).toHaveURL(/type=%E6%B4%BB%E5%8A%A8/);
    await results(page);
    const dates = await page.locator('ld-site-search [data-results] .ld-meta span:last-child').allTextContents();
    const keys = dates.map((d) => d.replace(/\D+/g, '-'));
    expect(dates.length).toBeGreaterThan(1);
    const asNumbers = dates.map((d) => {
      const [y, m, day] = d
        .match(/(\d+)年(\d+)月(\d+)日/)!
        .slice(1)
        .map(Number);
      return y! * 10000 + m! * 100 + day!;
    });
    expect(asNumbers, keys.join()).toEqual([...asNumbers].sort((a, b) => b - a));

    // The address alone restores the same state.
    await page.reload();
    await expect(page.getByLabel(zhCN['search.filter.type'])).toHaveValue(zhCN['search.type.activities']);
    await expect(page.getByLabel(zhCN['search.sort'])).toHaveValue('date');
    expect((await results(page)).full).toEqual(
      await page.locator('ld-site-search [data-results] > li h2 a').evaluateAll((as) => as.map((a) => a.getAttribute('href'))),
    );
  });

  test('Back restores the previous query and its results', async ({ page }) => {
    const first = await search(page, '领秀大厦');
    await searchbox(page).fill('长城大厦');
    await searchbox(page).press('Enter');
    await expect(page).toHaveURL(/q=%E9%95%BF%E5%9F%8E%E5%A4%A7%E5%8E%A6/);
    expect((await results(page)).full[0]).toBe('/stations/wanshang/');
    await page.goBack();
    await expect(page).toHaveURL(/q=%E9%A2%86%E7%A7%80%E5%A4%A7%E5%8E%A6/);
    await expect(searchbox(page)).toHaveValue('领秀大厦');
    await expect(page.locator('ld-site-search [data-results] > li h2 a').first()).toHaveAttribute('href', '/stations/lingxiu/');
    expect((await results(page)).full).toEqual(first.full);
  });

  test('results show title, type, station, date and a highlighted excerpt; the count is announced', async ({ page }) => {
    await search(page, '第四季度企业联席会议');
    const item = page.locator('ld-site-search [data-results] > li').first();
    await expect(item.getByRole('heading', { level: 2 })).toHaveText('领秀大厦工作站召开第四季度企业联席会议');
    await expect(item.locator('.ld-meta')).toContainText(`${zhCN['search.meta.type']}：${zhCN['search.type.news']}`);
    await expect(item.locator('.ld-meta')).toContainText('古城街道领秀大厦工作站');
    await expect(item.locator('.ld-meta')).toContainText(/\d{4}年\d{1,2}月\d{1,2}日/);
    await expect(item.locator('mark').first()).toBeVisible();
    const status = page.locator('ld-site-search [role="status"]');
    await expect(status).toHaveAttribute('aria-live', 'polite');
    await expect(status).toHaveText(/找到 \d+ 条/);
  });

  test('partial matches are set apart under their own heading', async ({ page }) => {
    const { full, partial } = await search(page, '领秀大厦 足球');
    expect(full).toEqual([]);
    expect(partial.length).toBeGreaterThan(0);
    await expect(page.getByRole('heading', { level: 2, name: zhCN['search.partial'] })).toBeVisible();
  });

  test('Pagefind is not requested before the search field gets focus', async ({ page }) => {
    const requested: string[] = [];
    page.context().on('request', (r) => {
      if (r.url().includes('/pagefind/')) requested.push(r.url());
    });
    await page.goto('/search/');
    await page.waitForLoadState('networkidle');
    expect(requested).toEqual([]);
    await searchbox(page).focus();
    await expect.poll(() => requested.some((u) => u.endsWith('/pagefind/pagefind.js'))).toBe(true);
    // Pagefind searches on the page (noWorker): its worker script would add 12 KB to a first search.
    await expect.poll(() => requested.some((u) => u.endsWith('/pagefind/wasm.unknown.pagefind'))).toBe(true);
    expect(requested.filter((u) => u.endsWith('/pagefind-worker.js'))).toEqual([]);
  });

  test('a first search for a two-character word (讲座) transfers at most 110 KB from /pagefind/', async ({ page }) => {
    const bodies = new Map<string, number>();
    page.context().on('requestfinished', async (r) => {
      if (!r.url().includes('/pagefind/')) return;
      const sizes = await r.sizes();
      bodies.set(r.url(), sizes.responseBodySize + sizes.responseHeadersSize);
    });
    const { full } = await search(page, '讲座');
    expect(full.length).toBeGreaterThan(3);
    await page.waitForLoadState('networkidle');
    // No worker script, and no filter index (the filter choices are in the page).
    expect([...bodies.keys()].filter((u) => u.endsWith('/pagefind-worker.js') || u.includes('/filter/'))).toEqual([]);
    const total = [...bodies.values()].reduce((a, b) => a + b, 0);
    const shown = [...bodies].map(([u, n]) => `${new URL(u).pathname} ${n}`).join(', ');
    console.log(`first search for 讲座: ${bodies.size} requests, ${total} bytes from /pagefind/ (${shown})`);
    expect(total).toBeLessThanOrEqual(110 * 1024);
  });

  test('the filter choices are in the page, so a first search downloads no filter index', async ({ page }) => {
    const requested: string[] = [];
    page.context().on('request', (r) => {
      if (r.url().includes('/pagefind/')) requested.push(r.url());
    });
    await page.goto('/search/');
    // Every station is offered before Pagefind has loaded at all.
    await expect(page.locator('#search-station option')).toHaveCount(32);
    await expect(page.locator('#search-type option')).not.toHaveCount(1);
    expect(requested).toEqual([]);
    const { full } = await search(page, '讲座');
    expect(full.length).toBeGreaterThan(0);
    await page.waitForLoadState('networkidle');
    expect(requested.filter((u) => u.includes('/pagefind/filter/'))).toEqual([]);
    // Filtering still works: it is Pagefind's search that applies the filter.
    await page.locator('#search-type').selectOption(zhCN['search.type.activities']);
    await expect(page).toHaveURL(/type=/);
  });

  test('keyboard only: type, submit, choose a filter', async ({ page }) => {
    await page.goto('/search/');
    await searchbox(page).focus();
    await page.keyboard.type('讲座');
    await page.keyboard.press('Enter');
    await results(page);
    await page.keyboard.press('Tab'); // the submit button
    await page.keyboard.press('Tab'); // the type filter
    await expect(page.getByLabel(zhCN['search.filter.type'])).toBeFocused();
  });

  test('readable at 320 px: no horizontal scroll with filters loaded and results shown', async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 640 });
    await search(page, '领秀大厦');
    await expect(page.getByLabel(zhCN['search.filter.station']).locator('option')).not.toHaveCount(1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  });

  test('axe: no violations on /search/ with results shown', async ({ page }) => {
    expect((await search(page, '领秀大厦')).full.length).toBeGreaterThan(1);
    await expectNoAxeViolations(page);
    // And with the partial-match section shown.
    expect((await search(page, '领秀大厦 足球')).partial.length).toBeGreaterThan(0);
    await expectNoAxeViolations(page);
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the page says search needs JavaScript and links to the directories', async ({ page }) => {
    await page.goto('/search/?q=%E8%AE%B2%E5%BA%A7');
    await expect(page.getByText(zhCN['search.noScript'])).toBeVisible();
    await expect(page.locator('[data-nojs]').getByRole('link', { name: zhCN['nav.stations'], exact: true })).toHaveAttribute('href', '/stations/');
  });
});
