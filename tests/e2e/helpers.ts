import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';

/** WCAG 2.1 A and AA rules, as the accessibility gate requires. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Fails the test with the list of axe violations on the current page, if any. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

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
