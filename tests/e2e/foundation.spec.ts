/**
 * The foundation: every address of DESIGN.md answers from the built site with content from
 * content/, unknown addresses get the 404 page, the navigation reaches every section, and the
 * 适老化 toolbar works by mouse and keyboard and persists.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import type { Page } from '@playwright/test';
import { collectionFiles } from '../../src/lib/schema/validate.node.ts';
import { splitFrontMatter } from '../../src/lib/front-matter.ts';
import type { CollectionName } from '../../src/lib/schema/enums.ts';
import { NAV } from '../../src/lib/nav.ts';
import { zhCN } from '../../src/i18n/zh-CN.ts';
import { expect, expectNoAxeViolations, test } from './helpers.ts';

/**
 * An entry of a collection in content/: its id and front matter. Dated collections name their
 * files by date, so the last file is the newest, which is on the first page of its list.
 */
function sample(collection: CollectionName): { id: string; data: Record<string, unknown> } {
  const file = collectionFiles('content', collection).at(-1);
  if (!file) throw new Error(`content/${collection} has no entries`);
  const raw = readFileSync(file, 'utf8');
  const front = file.endsWith('.md') ? (splitFrontMatter(raw)?.yaml ?? '') : raw;
  return { id: path.basename(file, path.extname(file)), data: yaml.load(front) as Record<string, unknown> };
}

const news = sample('news');
const activity = sample('activities');
const article = sample('theory');
const lesson = sample('lessons');
const station = sample('stations');
const post = sample('exchange');
const course = String(lesson.data.course);
const column = String(article.data.column);
const columnEntry = sample('columns');
const courseEntry = sample('courses');
const exam = sample('exams');
const diary = sample('diary');
const settings = sample('settings');
const mainBuilding = String((station.data.buildings as { name: string }[])[0]!.name);

/**
 * [address, text the response must contain]. For an HTML page the text must be inside its
 * <main>: navigation labels are on every page, so finding one proves nothing about the page.
 */
const ADDRESSES: [string, string][] = [
  ['/', String(settings.data.title)],
  ['/news/', String(news.data.title)],
  [`/news/${news.id}/`, String(news.data.title)],
  ['/activities/', String(activity.data.title)],
  [`/activities/${activity.id}/`, String(activity.data.title)],
  [`/activities/${activity.id}/poster/`, String(activity.data.title)],
  ['/theory/', String(columnEntry.data.title)],
  [`/theory/${column}/`, String(article.data.title)],
  [`/theory/${column}/${article.id}/`, String(article.data.title)],
  ['/school/', String(courseEntry.data.title)],
  [`/school/${course}/`, String(lesson.data.title)],
  [`/school/${course}/${lesson.id}/`, String(lesson.data.title)],
  [`/school/${String(exam.data.course)}/exam/`, String(exam.data.title)],
  ['/school/record/', zhCN['school.record.title']],
  ['/stations/', mainBuilding],
  [`/stations/${station.id}/`, mainBuilding],
  [`/stations/${station.id}/poster/`, mainBuilding],
  ['/exchange/', String(post.data.title)],
  [`/exchange/${post.id}/`, String(post.data.title)],
  ['/diary/', String(diary.data.title)],
  ['/stats/', zhCN['stats.title']],
  ['/search/?q=工作站', zhCN['search.title']],
  ['/admin/', '内容管理'],
  ['/admin/config.yml', 'collections:'],
  ['/rss.xml', '<rss'],
  ['/news/rss.xml', String(news.data.title)],
  [`/stations/${station.id}/rss.xml`, '<rss'],
  ['/activities.ics', 'BEGIN:VCALENDAR'],
  [`/stations/${station.id}/activities.ics`, 'BEGIN:VCALENDAR'],
  ['/sitemap-index.xml', '<sitemapindex'],
];

test.describe('every address answers with content', () => {
  for (const [address, text] of ADDRESSES) {
    test(address, async ({ request }) => {
      const response = await request.get(address);
      expect(response.status()).toBe(200);
      const body = await response.text();
      const main = /<main\b[\s\S]*<\/main>/.exec(body)?.[0];
      const isPage = response.headers()['content-type']?.startsWith('text/html') && !address.startsWith('/admin/');
      if (isPage) expect(main, `${address} has a <main>`).toBeTruthy();
      expect(isPage ? main : body).toContain(text);
    });
  }

  test('an unknown address gets the 404 page', async ({ page }) => {
    const response = await page.goto('/no-such-page/');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(zhCN['notFound.title']);
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  });
});

test.describe('navigation', () => {
  test('the header reaches every section and marks the current one', async ({ page }) => {
    await page.goto('/');
    const nav = page.getByRole('navigation', { name: zhCN['site.mainNav'] });
    for (const item of NAV) {
      await nav.getByRole('link', { name: zhCN[item.label], exact: true }).click();
      await expect(page).toHaveURL(new RegExp(`${item.href.replace(/\//g, '\\/')}$`));
      await expect(nav.getByRole('link', { name: zhCN[item.label], exact: true })).toHaveAttribute('aria-current', 'page');
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    }
  });

  test('the header search box goes to /search/?q=', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('searchbox', { name: zhCN['search.label'] }).first().fill('政策');
    await page.getByRole('searchbox', { name: zhCN['search.label'] }).first().press('Enter');
    await expect(page).toHaveURL(/\/search\/\?q=%E6%94%BF%E7%AD%96$/);
  });

  test('the skip link moves focus to the main content', async ({ page }) => {
    await page.goto('/news/');
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: zhCN['site.skip'] });
    await expect(skip).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/#main$/);
  });

  test('breadcrumbs lead back home', async ({ page }) => {
    await page.goto(`/news/${news.id}/`);
    const crumbs = page.getByRole('navigation', { name: zhCN['site.breadcrumbs'] });
    await expect(crumbs.getByRole('link', { name: zhCN['site.home'] })).toHaveAttribute('href', '/');
  });

  test('a page reads without JavaScript', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`/news/${news.id}/`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(String(news.data.title));
    // The toolbar needs scripts, so it is not offered.
    await expect(page.getByRole('group', { name: zhCN['a11y.toolbar'] })).toBeHidden();
    await context.close();
  });
});

test.describe('适老化 toolbar', () => {
  const toolbar = (page: Page) => page.getByRole('group', { name: zhCN['a11y.toolbar'] });
  const rootFontSize = (page: Page) => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));

  test('text size has three steps, is announced, and persists across pages and reloads', async ({ page }) => {
    await page.goto('/');
    const base = await rootFontSize(page);
    await toolbar(page).getByRole('button', { name: zhCN['a11y.fontSize.large'], exact: true }).click();
    await expect(page.locator('html')).toHaveAttribute('data-font-size', 'large');
    await expect(toolbar(page).getByRole('button', { name: zhCN['a11y.fontSize.large'], exact: true })).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByRole('status').first()).toHaveText(zhCN['a11y.announce.fontSize'].replace('{size}', zhCN['a11y.fontSize.large']));
    const large = await rootFontSize(page);
    expect(large).toBeGreaterThan(base);
    await toolbar(page).getByRole('button', { name: zhCN['a11y.fontSize.xlarge'], exact: true }).click();
    expect(await rootFontSize(page)).toBeGreaterThan(large);

    await page.goto('/news/');
    await expect(page.locator('html')).toHaveAttribute('data-font-size', 'xlarge');
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('data-font-size', 'xlarge');
  });

  test('choices apply before first paint (the attribute is set before <body> exists)', async ({ page }) => {
    await page.goto('/');
    await toolbar(page).getByRole('button', { name: zhCN['a11y.contrast'] }).click();
    await page.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (document.body) {
          (window as unknown as { contrastAtBody: string | undefined }).contrastAtBody = document.documentElement.dataset.contrast;
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    await page.reload();
    expect(await page.evaluate(() => (window as unknown as { contrastAtBody?: string }).contrastAtBody)).toBe('high');
  });

  test('high contrast switches colours and back, by keyboard', async ({ page }) => {
    await page.goto('/');
    const contrast = toolbar(page).getByRole('button', { name: zhCN['a11y.contrast'] });
    await contrast.focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('html')).toHaveAttribute('data-contrast', 'high');
    await expect(contrast).toHaveAttribute('aria-pressed', 'true');
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(bg).toBe('rgb(0, 0, 0)');
    await expectNoAxeViolations(page);
    await page.keyboard.press('Space');
    await expect(page.locator('html')).not.toHaveAttribute('data-contrast', 'high');
  });

  test('reset restores the defaults', async ({ page }) => {
    await page.goto('/');
    await toolbar(page).getByRole('button', { name: zhCN['a11y.fontSize.xlarge'], exact: true }).click();
    await toolbar(page).getByRole('button', { name: zhCN['a11y.contrast'] }).click();
    await toolbar(page).getByRole('button', { name: zhCN['a11y.reset'] }).click();
    await expect(page.locator('html')).not.toHaveAttribute('data-font-size', /./);
    await expect(page.locator('html')).not.toHaveAttribute('data-contrast', /./);
    await page.reload();
    await expect(page.locator('html')).not.toHaveAttribute('data-font-size', /./);
  });

  test('朗读 is hidden where the browser has no Chinese voice', async ({ page }) => {
    await page.addInitScript(() => {
      Object.defineProperty(window, 'speechSynthesis', {
        value: { getVoices: () => [{ lang: 'en-US', name: 'English' }], addEventListener() {}, cancel() {}, speak() {} },
      });
    });
    await page.goto('/');
    await expect(toolbar(page).getByRole('button', { name: zhCN['a11y.read'] })).toBeHidden();
  });

  test('朗读 reads the main content with a zh-CN voice and can be stopped', async ({ page }) => {
    await page.addInitScript(() => {
      const spoken: { text: string; lang: string }[] = [];
      (window as unknown as { spoken: typeof spoken }).spoken = spoken;
      Object.defineProperty(window, 'speechSynthesis', {
        value: {
          getVoices: () => [{ lang: 'zh-CN', name: '中文' }],
          addEventListener() {},
          cancel() {},
          speak(u: { text: string; lang: string }) {
            spoken.push({ text: u.text, lang: u.lang });
          },
        },
      });
      // The fake voice is a plain object, which the real SpeechSynthesisUtterance refuses.
      (window as unknown as { SpeechSynthesisUtterance: unknown }).SpeechSynthesisUtterance = class {
        text: string;
        lang = '';
        voice: unknown = null;
        constructor(text: string) {
          this.text = text;
        }
        addEventListener() {}
      };
    });
    await page.goto(`/news/${news.id}/`);
    const read = toolbar(page).getByRole('button', { name: zhCN['a11y.read'] });
    await read.click();
    const spoken = await page.evaluate(() => (window as unknown as { spoken: { text: string; lang: string }[] }).spoken);
    expect(spoken.length).toBeGreaterThan(0);
    expect(spoken.every((s) => s.lang === 'zh-CN')).toBe(true);
    expect(spoken.map((s) => s.text).join('')).toContain(String(news.data.title));
    const stop = toolbar(page).getByRole('button', { name: zhCN['a11y.read.stop'] });
    await expect(stop).toHaveAttribute('aria-pressed', 'true');
    await stop.click();
    await expect(toolbar(page).getByRole('button', { name: zhCN['a11y.read'] })).toHaveAttribute('aria-pressed', 'false');
  });
});

test.describe('accessibility of each section (axe, WCAG 2.1 AA)', () => {
  const pages = [
    '/',
    '/news/',
    `/news/${news.id}/`,
    '/activities/',
    `/activities/${activity.id}/`,
    '/theory/',
    `/theory/${column}/${article.id}/`,
    '/school/',
    `/school/${course}/${lesson.id}/`,
    '/stations/',
    `/stations/${station.id}/`,
    '/exchange/',
    '/diary/',
    '/stats/',
    '/search/',
    '/about/',
    '/no-such-page/',
  ];
  for (const address of pages) {
    test(address, async ({ page }) => {
      await page.goto(address);
      await expectNoAxeViolations(page);
    });
  }
});
