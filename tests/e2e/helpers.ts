import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { expect, test as base, type Locator, type Page } from '@playwright/test';

/** WCAG 2.1 A and AA rules, as the accessibility gate requires. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** The axe violations (WCAG 2.1 A and AA) on the current page, one line each: rule and elements. */
export async function axeViolations(page: Page): Promise<string[]> {
  // Only violations are needed; skipping passes and incomplete results makes each run faster.
  // options() replaces the options object, so it must come before withTags().
  // Legacy mode runs axe.run() in the page itself. The default opens a blank page per analysis
  // to combine per-frame results, which only matters for cross-origin frames, and no page of
  // ours has a frame from another origin (the CSP forbids them).
  const results = await new AxeBuilder({ page })
    .options({ resultTypes: ['violations'] })
    .withTags(WCAG_TAGS)
    .setLegacyMode(true)
    .analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Fails the test with the list of axe violations on the current page, if any. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  expect(await axeViolations(page), `axe violations on ${page.url()}`).toEqual([]);
}

/** Prefix of the console line the init script writes for every CSP violation. */
const CSP_MARK = '[csp-violation]';

/**
 * Reports every Content-Security-Policy violation of every document the page loads as a
 * console error (a `securitypolicyviolation` listener installed before any page script runs).
 */
export async function watchCsp(page: Page): Promise<void> {
  await page.addInitScript((mark) => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`${mark} ${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber} ${e.sample}`);
    });
  }, CSP_MARK);
}

/**
 * Playwright's `test`, with a guard on every page a test uses: the test fails on any CSP
 * violation and on any uncaught page error. The guard wraps the `page` fixture, so tests that
 * only read dist/ from disk start no browser. Specs adopt it with
 * `import { test, expect } from './helpers.ts'`.
 */
export const test = base.extend({
  page: async ({ page }, use) => {
    const problems: string[] = [];
    await watchCsp(page);
    page.on('console', (msg) => {
      const text = msg.text();
      if (text.startsWith(CSP_MARK) || (msg.type() === 'error' && /Content Security Policy/i.test(text))) problems.push(`${page.url()}: ${text}`);
    });
    page.on('pageerror', (error) => problems.push(`${page.url()}: page error: ${error.message}`));
    await use(page);
    expect(problems, 'CSP violations or page errors').toEqual([]);
  },
});

export { expect };

/** The published origin, read as astro.config.mjs reads it: absolute URLs in pages use it. */
export const SITE = process.env.SITE_URL ?? 'https://louyu.example.gov.cn';

/** jsQR's browser build (UMD: defines `window.jsQR`). */
const JSQR_PATH = fileURLToPath(import.meta.resolve('jsqr/dist/jsQR.js'));

/**
 * Decodes the inline SVG QR code at `locator` (the <svg> or an element holding one) in the
 * browser, the way a phone would see it: the SVG is drawn 4× onto a white canvas with a quiet
 * zone, and jsQR reads the pixels. Returns the encoded text, or null when nothing decodes.
 */
export async function decodeQr(page: Page, locator: Locator): Promise<string | null> {
  if (!(await page.evaluate(() => 'jsQR' in window))) await page.addScriptTag({ path: JSQR_PATH });
  const svg = locator.locator('xpath=self::*[local-name()="svg"] | .//*[local-name()="svg"]').first();
  return svg.evaluate(async (el) => {
    const { width, height } = el.getBoundingClientRect();
    const scale = 4;
    const pad = 16 * scale;
    const w = Math.round(width * scale);
    const h = Math.round(height * scale);
    const source = new XMLSerializer().serializeToString(el);
    const url = URL.createObjectURL(new Blob([source], { type: 'image/svg+xml' }));
    try {
      const image = new Image(w, h);
      image.src = url;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = w + 2 * pad;
      canvas.height = h + 2 * pad;
      const ctx = canvas.getContext('2d');
      if (!ctx) return null;
      ctx.fillStyle = '#ffffff';
      ctx.fillRect(0, 0, canvas.width, canvas.height);
      ctx.drawImage(image, pad, pad, w, h);
      const pixels = ctx.getImageData(0, 0, canvas.width, canvas.height);
      const decode = (window as unknown as { jsQR: (d: Uint8ClampedArray, w: number, h: number) => { data: string } | null }).jsQR;
      return decode(pixels.data, pixels.width, pixels.height)?.data ?? null;
    } finally {
      URL.revokeObjectURL(url);
    }
  });
}
