/**
 * The accessibility gate over the built site: axe (WCAG 2.1 A/AA) on every page of the
 * sitemap; and, for one page per template (found by walking dist/), axe in the 适老化 state
 * (extra-large text + high contrast), reflow at 320 px and text at 200 % without sideways
 * scrolling or content pushed out of view. Every test also fails on CSP violations and page
 * errors (the `test` of helpers.ts), so this is the CSP sweep as well.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { PREFS_KEY } from '../../src/lib/a11y-prefs.browser.ts';
import { axeViolations, expect, expectNoAxeViolations, test } from './helpers.ts';
import { walkFiles } from '../../scripts/site-files.ts';

const DIST = 'dist';

/** Local paths of every page in dist/sitemap-*.xml. */
function sitemapPaths(): string[] {
  const maps = readdirSync(DIST).filter((f) => /^sitemap-\d+\.xml$/.test(f));
  return maps.flatMap((f) => [...readFileSync(path.join(DIST, f), 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1] ?? '/').pathname));
}

/** One page per template: pages grouped by their address with the ids replaced. */
function templatePaths(): string[] {
  const pages = walkFiles(DIST)
    .filter((f) => f.endsWith('.html') && !f.startsWith('admin/') && !f.startsWith('pagefind/'))
    .map((f) => `/${f.replace(/index\.html$/, '')}`)
    .sort();
  const byTemplate = new Map<string, string>();
  for (const p of pages) {
    const segments = p.split('/').filter(Boolean);
    // The first segment names the section; deeper ones are ids, except fixed words.
    const key = segments.map((s, i) => (i === 0 || ['poster', 'exam', 'record'].includes(s) ? s : ':id')).join('/');
    if (!byTemplate.has(key)) byTemplate.set(key, p);
  }
  return [...byTemplate.values()];
}

const sitemap = sitemapPaths();
const templates = templatePaths();

test('the sitemap lists the pages', () => {
  expect(sitemap.length).toBeGreaterThan(5);
  console.log(`a11y sweep: ${sitemap.length} sitemap pages, ${templates.length} templates`);
});

/** Pages per test: one browser page visits several addresses, which saves a context per page. */
const BATCH = 8;

test.describe('axe on every sitemap page', () => {
  for (let i = 0; i < sitemap.length; i += BATCH) {
    const batch = sitemap.slice(i, i + BATCH);
    test(`${batch[0]} … (${batch.length} pages)`, async ({ page }) => {
      const problems: string[] = [];
      for (const p of batch) {
        const response = await page.goto(p);
        if (response?.status() !== 200) problems.push(`${p}: HTTP ${response?.status()}`);
        else problems.push(...(await axeViolations(page)).map((v) => `${p} ${v}`));
      }
      expect(problems, 'axe violations').toEqual([]);
    });
  }
});

/** Elements (outside scroll containers) that stick out past the right edge of the viewport. */
async function overflow(page: Page): Promise<{ scrollWidth: number; innerWidth: number; clipped: string[] }> {
  return page.evaluate(() => {
    const clipped: string[] = [];
    const scrolls = (el: Element | null): boolean => {
      for (let e = el; e && e !== document.body; e = e.parentElement) {
        const o = getComputedStyle(e).overflowX;
        if (o === 'auto' || o === 'scroll') return true;
      }
      return false;
    };
    for (const el of document.body.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || getComputedStyle(el).visibility === 'hidden') continue;
      if (el.closest('.sr-only, [hidden]')) continue;
      if (r.right > innerWidth + 1 && !scrolls(el.parentElement)) {
        clipped.push(`${el.localName}${el.className ? `.${String(el.className).split(' ')[0]}` : ''} right=${Math.round(r.right)}`);
      }
    }
    return { scrollWidth: document.scrollingElement!.scrollWidth, innerWidth, clipped: clipped.slice(0, 5) };
  });
}

test.describe('one page per template', () => {
  for (const p of templates) {
    test.describe(p, () => {
      test('axe with extra-large text and high contrast', async ({ page }) => {
        await page.addInitScript(([key]) => localStorage.setItem(key!, JSON.stringify({ fontSize: 'xlarge', contrast: true })), [PREFS_KEY]);
        await page.goto(p);
        await expect(page.locator('html')).toHaveAttribute('data-contrast', 'high');
        await expectNoAxeViolations(page);
      });

      test('reflows at 320 px with extra-large text', async ({ page }) => {
        await page.setViewportSize({ width: 320, height: 640 });
        await page.addInitScript(([key]) => localStorage.setItem(key!, JSON.stringify({ fontSize: 'xlarge', contrast: false })), [PREFS_KEY]);
        await page.goto(p);
        const o = await overflow(page);
        expect(o.scrollWidth, `sideways scroll at 320 px: ${o.clipped.join(', ')}`).toBeLessThanOrEqual(o.innerWidth);
        expect(o.clipped).toEqual([]);
      });

      test('text at 200 % (640 px wide, as 1280 px zoomed)', async ({ page }) => {
        await page.setViewportSize({ width: 640, height: 800 });
        await page.goto(p);
        // Through the CSSOM, which the CSP allows (an injected <style> would be refused).
        await page.evaluate(() => document.documentElement.style.setProperty('font-size', '200%'));
        const o = await overflow(page);
        expect(o.scrollWidth, `sideways scroll at 200 %: ${o.clipped.join(', ')}`).toBeLessThanOrEqual(o.innerWidth);
        expect(o.clipped).toEqual([]);
      });
    });
  }
});
