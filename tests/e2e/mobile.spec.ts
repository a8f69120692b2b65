/**
 * Mobile first: at three real phone sizes, with touch emulation, the reader's content fills the
 * first screen. On the home page, a lesson, an article, a station, /stations/ and /search/:
 * where <main> starts, where the first search result appears, no horizontal scrolling, tap
 * targets of controls, text sizes and line heights, and the axe sweep in each 适老化 state.
 * Checks are batched per page load (one in-page measurement returns every problem at once).
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import yaml from 'js-yaml';
import { zhCN } from '../../src/i18n/zh-CN.ts';
import { NAV } from '../../src/lib/nav.ts';
import { axeViolations, expect, test } from './helpers.ts';

const settings = yaml.load(readFileSync('content/settings/site.yaml', 'utf8')) as { title: string; shortTitle: string };

const SIZES = [
  { width: 360, height: 640 },
  { width: 390, height: 844 },
  { width: 412, height: 915 },
];

/** The chrome above <main> (header and breadcrumbs) may take at most 20% of an 844 px screen. */
const CHROME_MAX = 0.2 * 844;

const QUERY = '党课';
const PAGES = {
  home: '/',
  lesson: '/school/jiben-changshi/changshi-01-dangzhang/',
  article: '/theory/louyu-shijian/2025-05-28-shijian-zuzhi-fugai/',
  station: '/stations/lingxiu/',
  stations: '/stations/',
  search: `/search/?q=${encodeURIComponent(QUERY)}`,
} as const;

const FIRST_RESULT = 'ld-site-search [data-results] > li h2';

/** Waits for the search page to show its results. */
async function searchDone(page: Page) {
  const status = page.locator('ld-site-search [data-status]');
  await expect(status).not.toHaveText('');
  await expect(status).not.toHaveText(zhCN['search.loading']);
}

interface Layout {
  mainTop: number;
  scrollWidth: number;
  /** Visible controls smaller than 44 × 44 CSS px. */
  smallTargets: string[];
  /** Visible text below 14 px, or body text below 16 px. */
  smallText: string[];
  /** Visible text whose line height is under 1.5 times its size. */
  tightLines: string[];
}

/**
 * Measures the page as it is shown. Controls are buttons, disclosure buttons, form fields and
 * button-styled links, and the links of the header, navigation, breadcrumbs and pagers; links
 * inside running text (paragraphs, lists of entries) are exempt.
 */
function measure(page: Page): Promise<Layout> {
  return page.evaluate(() => {
    // checkVisibility() also hides what a closed <details> holds.
    const visible = (el: Element) => el.checkVisibility({ visibilityProperty: true }) && !el.closest('.sr-only');
    const name = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/)[0]}` : ''} "${(el.textContent ?? '').trim().slice(0, 12)}"`;
    const controls = document.querySelectorAll('button, summary, input:not([type="hidden"]), select, textarea, .ld-button, header a, nav a, .ld-skip:focus');
    // A checkbox or radio button is tapped through its label, which wraps it.
    const target = (el: Element) => (el.matches('input[type="checkbox"], input[type="radio"]') && el.closest('label')) || el;
    const smallTargets = [...controls]
      .filter(visible)
      .map((el) => ({ el, r: target(el).getBoundingClientRect() }))
      .filter(({ r }) => Math.round(r.width) < 44 || Math.round(r.height) < 44)
      .map(({ el, r }) => `${name(el)} ${Math.round(r.width)}×${Math.round(r.height)}`);
    const texts = [...document.querySelectorAll('header *, main *')].filter(
      (el) => [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== '') && visible(el),
    );
    const smallText: string[] = [];
    const tightLines: string[] = [];
    for (const el of texts) {
      const style = getComputedStyle(el);
      const size = parseFloat(style.fontSize);
      // Body text: paragraphs and list items of running text, outside metadata lines.
      const body = el.closest('.ld-prose') !== null && !el.closest('.ld-meta, figcaption');
      if (size < 14 || (body && size < 16)) smallText.push(`${name(el)} ${size}px`);
      // An explicitly sized box (a one-line button or tag) has no lines to space.
      if (el.closest('button, summary, select, input, .ld-button, .ld-tag, svg')) continue;
      const lineHeight = style.lineHeight === 'normal' ? 0 : parseFloat(style.lineHeight);
      if (lineHeight / size < 1.5 - 1e-6) tightLines.push(`${name(el)} ${style.lineHeight}/${size}px`);
    }
    return {
      mainTop: document.querySelector('main')!.getBoundingClientRect().top,
      scrollWidth: document.documentElement.scrollWidth,
      smallTargets,
      smallText,
      tightLines,
    };
  });
}

/** The 适老化 button (narrow screens) and the toolbar it opens. */
const settingsButton = (page: Page) => page.getByRole('button', { name: zhCN['mobile.settings'], exact: true });
const toolbar = (page: Page) => page.getByRole('group', { name: zhCN['a11y.toolbar'] });

for (const size of SIZES) {
  test.describe(`${size.width} × ${size.height}, touch`, () => {
    test.use({ viewport: size, hasTouch: true, isMobile: true });

    test('every template: content starts high, nothing scrolls sideways, targets are big enough, text is readable, axe passes', async ({ page }) => {
      // Six pages, each measured twice and swept by axe once: slower than one page's test.
      test.slow();
      for (const [kind, path] of Object.entries(PAGES)) {
        await page.goto(path);
        if (kind === 'search') {
          await searchDone(page);
          // The first result's title is on the first screen.
          const box = (await page.locator(FIRST_RESULT).first().boundingBox())!;
          expect(box.y + box.height, `first result bottom at ${size.width}×${size.height}`).toBeLessThanOrEqual(size.height);
        }
        const layout = await measure(page);
        expect(layout.mainTop, `${kind}: <main> starts at ${layout.mainTop}`).toBeLessThanOrEqual(CHROME_MAX);
        expect(layout.scrollWidth, `${kind}: page width`).toBeLessThanOrEqual(size.width);
        expect(layout.smallTargets, `${kind}: controls under 44×44`).toEqual([]);
        expect(layout.smallText, `${kind}: text too small`).toEqual([]);
        expect(layout.tightLines, `${kind}: line height under 1.5`).toEqual([]);
        expect(await axeViolations(page), `${kind}: axe`).toEqual([]);
        // What the page folds away (station finder, search filters) meets the same sizes when opened.
        await page.evaluate(() => document.querySelectorAll('main details').forEach((d) => ((d as HTMLDetailsElement).open = true)));
        const opened = await measure(page);
        expect(opened.smallTargets, `${kind} opened: controls under 44×44`).toEqual([]);
        expect(opened.scrollWidth, `${kind} opened: page width`).toBeLessThanOrEqual(size.width);
      }
    });

    for (const [kind, path] of Object.entries(PAGES)) {
      test(`${kind}: each 适老化 state, chosen from the header row, stays readable and passes axe`, async ({ page }) => {
        await page.goto(path);
        if (kind === 'search') await searchDone(page);
        await expect(toolbar(page)).toBeHidden();
        await settingsButton(page).tap();
        await expect(settingsButton(page)).toHaveAttribute('aria-expanded', 'true');
        await expect(toolbar(page)).toBeVisible();
        // Each tap changes one thing: large, large in high contrast, extra large in high contrast,
        // extra large. Layout is checked in each; axe (the slow part) in the two that together
        // cover every text size and both contrasts with the standard state of the test above.
        const states = [
          { button: zhCN['a11y.fontSize.large'], attr: 'data-font-size', value: 'large', axe: false },
          { button: zhCN['a11y.contrast'], attr: 'data-contrast', value: 'high', axe: true },
          { button: zhCN['a11y.fontSize.xlarge'], attr: 'data-font-size', value: 'xlarge', axe: false },
          { button: zhCN['a11y.contrast'], attr: 'data-contrast', value: null, axe: true },
        ];
        for (const { button, attr, value, axe } of states) {
          await toolbar(page).getByRole('button', { name: button, exact: true }).tap();
          if (value) await expect(page.locator('html')).toHaveAttribute(attr, value);
          else await expect(page.locator('html')).not.toHaveAttribute(attr, /./);
          const layout = await measure(page);
          const state = `${kind} after ${button}`;
          expect(layout.scrollWidth, `${state}: page width`).toBeLessThanOrEqual(size.width);
          expect(layout.smallTargets, `${state}: controls under 44×44`).toEqual([]);
          expect(layout.tightLines, `${state}: line height under 1.5`).toEqual([]);
          if (axe) expect(await axeViolations(page), `${state}: axe`).toEqual([]);
        }
      });
    }

    test('without JavaScript: content starts high, the menu opens, and the search page says what to do on the first screen', async ({ browser }) => {
      const context = await browser.newContext({ viewport: size, hasTouch: true, isMobile: true, javaScriptEnabled: false });
      const page = await context.newPage();
      for (const [kind, path] of Object.entries(PAGES)) {
        await page.goto(path);
        const layout = await measure(page);
        expect(layout.mainTop, `${kind} without JS: <main> starts at ${layout.mainTop}`).toBeLessThanOrEqual(CHROME_MAX);
        expect(layout.scrollWidth, `${kind} without JS: page width`).toBeLessThanOrEqual(size.width);
        expect(layout.smallTargets, `${kind} without JS: controls under 44×44`).toEqual([]);
      }
      // On /search/ the notice that stands in for the results is on the first screen.
      const notice = (await page.getByRole('heading', { name: zhCN['search.nojsTitle'] }).boundingBox())!;
      expect(notice.y + notice.height).toBeLessThanOrEqual(size.height);
      // The 适老化 button needs scripts, so it is not offered; the menu is a <details>.
      await expect(settingsButton(page)).toBeHidden();
      const menu = page.locator('header').getByRole('navigation', { name: zhCN['site.mainNav'] });
      await expect(menu).toBeHidden();
      await page.locator('header summary', { hasText: zhCN['mobile.menu'] }).tap();
      await expect(menu).toBeVisible();
      await menu.getByRole('link', { name: zhCN['nav.news'], exact: true }).tap();
      await expect(page).toHaveURL(/\/news\/$/);
      await context.close();
    });
  });
}

test.describe('390 × 844, touch: the header row and the search page', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('one row: 适老化 first after the skip link, then the short name, 搜索 and 栏目; Escape folds the toolbar', async ({ page }) => {
    await page.goto('/news/');
    const row = await page.locator('header').evaluate((header) => {
      const items = [...header.querySelectorAll('.ld-a11y__toggle, .ld-header__brand, .ld-header__find, .ld-menu > summary')];
      return items.map((el) => ({ top: Math.round(el.getBoundingClientRect().top), bottom: Math.round(el.getBoundingClientRect().bottom) }));
    });
    expect(row).toHaveLength(4);
    // All four share one row: each overlaps the first vertically.
    for (const r of row) expect(r.top < row[0]!.bottom && r.bottom > row[0]!.top).toBe(true);
    await expect(page.locator('header').getByRole('link', { name: settings.shortTitle, exact: true })).toHaveAttribute('href', '/');

    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: zhCN['site.skip'] })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(settingsButton(page)).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(toolbar(page)).toBeVisible();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Escape');
    await expect(toolbar(page)).toBeHidden();
    await expect(settingsButton(page)).toBeFocused();
    await expect(settingsButton(page)).toHaveAttribute('aria-expanded', 'false');

    await page.locator('header').getByRole('link', { name: zhCN['mobile.search'], exact: true }).tap();
    await expect(page).toHaveURL(/\/search\/$/);
  });

  test('/search/: no header search box; filters fold behind 筛选, which counts the active ones', async ({ page }) => {
    await page.goto(`/search/?q=${encodeURIComponent('讲座')}&type=${encodeURIComponent(zhCN['search.type.activities'])}&year=2025`);
    await searchDone(page);
    await expect(page.locator('header').getByRole('searchbox')).toHaveCount(0);
    await expect(page.getByRole('searchbox')).toHaveCount(1);
    const fold = page.locator('ld-site-search summary');
    await expect(fold).toHaveText(`${zhCN['mobile.filters']}${zhCN['mobile.filtersActive'].replace('{count}', '2')}`);
    const type = page.getByLabel(zhCN['search.filter.type']);
    await expect(type).toBeHidden();
    await fold.tap();
    await expect(type).toBeVisible();
    await type.selectOption('');
    await expect(page).not.toHaveURL(/type=/);
    await expect(fold).toHaveText(`${zhCN['mobile.filters']}${zhCN['mobile.filtersActive'].replace('{count}', '1')}`);
  });

  test('search excerpts show the text around the match, not the metadata line', async ({ page }) => {
    await page.goto(`/search/?q=${encodeURIComponent('领秀大厦')}`);
    await searchDone(page);
    const excerpts = await page.locator('ld-site-search [data-results] .ld-result__excerpt').allTextContents();
    expect(excerpts.length).toBeGreaterThan(3);
    for (const label of [zhCN['meta.published'], zhCN['meta.category'], zhCN['meta.author'], zhCN['activities.time']]) {
      expect(
        excerpts.filter((e) => e.includes(`${label}：`) || e.includes(`${label}20`)),
        label,
      ).toEqual([]);
    }
    expect(excerpts.filter((e) => e.includes('领秀大厦')).length).toBeGreaterThan(3);
  });
});

test.describe('wide screens keep the full header', () => {
  test('at 1280 px: toolbar row, full title, search box and the navigation bar; no 适老化 button or menu', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto('/news/');
    await expect(toolbar(page)).toBeVisible();
    await expect(settingsButton(page)).toBeHidden();
    await expect(page.locator('header').getByRole('searchbox', { name: zhCN['search.label'] })).toBeVisible();
    await expect(page.locator('header').getByRole('link', { name: settings.title, exact: true })).toHaveAttribute('href', '/');
    await expect(page.locator('header summary')).toBeHidden();
    await expect(page.getByRole('navigation', { name: zhCN['site.mainNav'] })).toHaveCount(1);
    await expect(page.getByRole('navigation', { name: zhCN['site.mainNav'] }).getByRole('link')).toHaveCount(NAV.length);
    // The search page shows its filters open, with no 筛选 button.
    await page.goto(`/search/?q=${encodeURIComponent('讲座')}`);
    await expect(page.getByLabel(zhCN['search.filter.type'])).toBeVisible();
    await expect(page.locator('ld-site-search summary')).toBeHidden();
  });
});

test.describe('360 × 640 with 大 text, touch: the way in from the first screen', () => {
  test.use({ viewport: { width: 360, height: 640 }, hasTouch: true, isMobile: true });
  const SCREEN = 640;
  const NEXT = '继续学习：名称、标识与办公规范';

  test("home: today's 每日一题 and 继续学习 with the lesson's name on the first screen, both in the menu; one header row at 大 and 特大; 44 px links", async ({
    page,
  }) => {
    await page.addInitScript(() => {
      localStorage.setItem('ld-a11y-v1', JSON.stringify({ fontSize: 'large', contrast: false }));
      localStorage.setItem(
        'ld-school-progress',
        JSON.stringify({
          version: 3,
          courses: {},
          exams: {},
          daily: {},
          lessons: { 'xinren-01-zhineng': { course: 'xinren-peixun', learnedAt: '2026-05-01T02:00:00.000Z' } },
        }),
      );
    });
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('data-font-size', 'large');
    const daily = page.getByRole('link', { name: zhCN['home.dailyLink'] });
    const resume = page.locator('main').getByRole('link', { name: NEXT });
    await expect(resume).toHaveAttribute('href', '/school/xinren-peixun/xinren-02-mingcheng/');
    for (const link of [daily, resume]) {
      const box = (await link.boundingBox())!;
      expect(box.y + box.height, 'on the first screen').toBeLessThanOrEqual(SCREEN);
      expect(box.height).toBeGreaterThanOrEqual(44);
    }
    // Standalone links (全部活动, 进入网上党校, 去答今天的题 …) are 44 px tall.
    const short = await page.locator('main .ld-tap-link').evaluateAll((links) =>
      links
        .filter((a) => a.checkVisibility())
        .map((a) => [a.textContent, Math.round(a.getBoundingClientRect().height)] as const)
        .filter(([, h]) => h < 44),
    );
    expect(short).toEqual([]);
    expect(await page.locator('main .ld-tap-link').count()).toBeGreaterThanOrEqual(6);
    // The header stays one row at 大 and at 特大.
    for (const size of ['large', 'xlarge']) {
      await page.evaluate((s) => (document.documentElement.dataset.fontSize = s), size);
      const row = await page.locator('header').evaluate((header) =>
        [...header.querySelectorAll('.ld-a11y__toggle, .ld-header__brand, .ld-header__find, .ld-menu > summary')].map((el) => {
          const r = el.getBoundingClientRect();
          return { top: Math.round(r.top), bottom: Math.round(r.bottom), height: Math.round(r.height) };
        }),
      );
      expect(row, size).toHaveLength(4);
      for (const r of row) {
        expect(r.top < row[0]!.bottom && r.bottom > row[0]!.top, `${size}: one row`).toBe(true);
        expect(r.height, `${size}: 44 px`).toBeGreaterThanOrEqual(44);
      }
      expect(await page.locator('main').evaluate((m) => m.getBoundingClientRect().top), `${size}: content starts high`).toBeLessThanOrEqual(CHROME_MAX);
    }
    // Both ways in are in the 栏目 menu too.
    await page.locator('header summary', { hasText: zhCN['mobile.menu'] }).tap();
    const menu = page.locator('header').getByRole('navigation', { name: zhCN['site.mainNav'] });
    await expect(menu.getByRole('link', { name: zhCN['nav.daily'], exact: true })).toBeVisible();
    await expect(menu.getByRole('link', { name: NEXT })).toBeVisible();
    // A station's phone number is a 44 px target as well.
    await page.goto('/stations/lingxiu/');
    const phone = (await page.locator('main a[href^="tel:"]').first().boundingBox())!;
    expect(phone.height).toBeGreaterThanOrEqual(44);
  });

  test('a list filtered by a station shows its first result on the first screen; filters fold behind 筛选（已选 1 项）, also without JavaScript', async ({
    page,
    browser,
  }) => {
    await page.addInitScript(() => localStorage.setItem('ld-a11y-v1', JSON.stringify({ fontSize: 'large', contrast: false })));
    await page.goto('/activities/station/lingxiu/');
    const fold = page.locator('main .ld-filters summary').first();
    await expect(fold).toHaveText(`${zhCN['mobile.filters']}${zhCN['mobile.filtersActive'].replace('{count}', '1')}`);
    const first = page.locator('main ol.ld-list > li h3 a').first();
    await expect(first).toBeVisible();
    const box = (await first.boundingBox())!;
    expect(box.y + box.height, 'first result on the first screen').toBeLessThanOrEqual(SCREEN);
    const allLink = page.locator('main .ld-filters').getByRole('link', { name: zhCN['filter.all'] });
    await expect(allLink).toBeHidden();
    await fold.tap();
    await expect(allLink).toBeVisible();

    // The station directory's filter form folds the same way, and counts what is chosen.
    await page.goto('/stations/');
    const stationFold = page.locator('ld-station-filter summary');
    await expect(stationFold).toHaveText(zhCN['mobile.filters']);
    const street = page.getByLabel(zhCN['stations.filter.street']);
    await expect(street).toBeHidden();
    await stationFold.tap();
    await street.selectOption({ index: 1 });
    await expect(stationFold).toHaveText(`${zhCN['mobile.filters']}${zhCN['mobile.filtersActive'].replace('{count}', '1')}`);

    const context = await browser.newContext({ viewport: { width: 360, height: 640 }, hasTouch: true, isMobile: true, javaScriptEnabled: false });
    const nojs = await context.newPage();
    for (const list of ['/news/', '/activities/', '/exchange/', '/diary/', '/activities/station/lingxiu/']) {
      await nojs.goto(list);
      const summary = nojs.locator('main .ld-filters summary').first();
      await expect(summary, list).toHaveText(new RegExp(`^${zhCN['mobile.filters']}`));
      const all = nojs.locator('main .ld-filters').getByRole('link', { name: zhCN['filter.all'] });
      await expect(all, list).toBeHidden();
      await summary.tap();
      await expect(all, list).toBeVisible();
    }
    await context.close();
  });
});
