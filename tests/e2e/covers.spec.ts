import { expect, expectNoAxeViolations, SITE, test } from './helpers.ts';

/** A news item whose demo content has a cover, and one that has none. */
const WITH_COVER = '/news/2026-11-20-lingxiu-lianxi-huiyi/';
const WITHOUT_COVER = '/news/2026-11-26-tongzhi-yuandan-huodong/';

test.describe('news article cover', () => {
  test('is sized, responsive, described and loaded first', async ({ page }) => {
    await page.goto(WITH_COVER);
    const img = page.locator('article img.ld-cover--hero');
    await expect(img).toHaveCount(1);
    await expect(img).toHaveAttribute('alt', '插画：一张椭圆形会议桌，四周围着十二个座位');
    await expect(img).toHaveAttribute('width', '1600');
    await expect(img).toHaveAttribute('height', '900');
    await expect(img).toHaveAttribute('loading', 'eager');
    await expect(img).toHaveAttribute('fetchpriority', 'high');
    await expect(img).toHaveAttribute('sizes', /42em/);
    const srcset = (await img.getAttribute('srcset')) ?? '';
    const widths = [...srcset.matchAll(/\s(\d+)w/g)].map((m) => Number(m[1]));
    expect(widths.length).toBeGreaterThanOrEqual(3);
    expect(srcset).toMatch(/^\/_astro\/.+\.webp /);
    // The browser picked and decoded one of the generated variants.
    await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBeGreaterThan(0);
    expect(await img.evaluate((el: HTMLImageElement) => new URL(el.currentSrc).pathname)).toMatch(/^\/_astro\/.+\.webp$/);
  });

  test('reserves its box before the picture arrives (no layout shift)', async ({ page }) => {
    await page.route('**/_astro/*.webp', (route) => route.abort());
    await page.goto(WITH_COVER);
    const box = await page.locator('article img.ld-cover--hero').boundingBox();
    expect(box).not.toBeNull();
    expect(box!.height).toBeGreaterThan(100);
    expect(Math.abs(box!.height - (box!.width * 9) / 16)).toBeLessThan(2);
  });

  test('gives sharing previews an absolute 1200-wide JPEG that exists', async ({ page, request }) => {
    await page.goto(WITH_COVER);
    const og = await page.locator('meta[property="og:image"]').getAttribute('content');
    expect(og).toMatch(new RegExp(`^${SITE.replace(/[.]/g, '\\.')}/_astro/.+\\.jpe?g$`));
    await expect(page.locator('meta[property="og:image:width"]')).toHaveAttribute('content', '1200');
    await expect(page.locator('meta[property="og:image:height"]')).toHaveAttribute('content', '675');
    await expect(page.locator('meta[property="og:image:alt"]')).toHaveAttribute('content', /会议桌/);
    const response = await request.get(new URL(og!).pathname);
    expect(response.ok()).toBe(true);
    expect(response.headers()['content-type']).toMatch(/image\/jpeg/);
  });

  test('tells site search which picture to show', async ({ page }) => {
    await page.goto(WITH_COVER);
    const meta = page.locator('[data-pagefind-meta^="image:"]');
    await expect(meta).toHaveAttribute('data-pagefind-meta', /^image:\/_astro\/.+\.webp$/);
    await expect(page.locator('[data-pagefind-meta^="image_alt:"]')).toHaveAttribute('data-pagefind-meta', /会议桌/);
  });

  test('an article without a cover shows no picture and no og:image', async ({ page }) => {
    await page.goto(WITHOUT_COVER);
    await expect(page.locator('article img')).toHaveCount(0);
    await expect(page.locator('meta[property="og:image"]')).toHaveCount(0);
  });
});

test.describe('thumbnails in lists', () => {
  for (const [path, variant] of [
    ['/news/', 'thumb'],
    ['/', 'mini'],
  ] as const) {
    test(`${path}: items with a cover have a lazy, sized 16:9 thumbnail`, async ({ page }) => {
      await page.goto(path);
      const thumbs = page.locator(`main img.ld-cover--${variant}`);
      const count = await thumbs.count();
      expect(count).toBeGreaterThanOrEqual(3);
      for (let i = 0; i < count; i++) {
        const img = thumbs.nth(i);
        await expect(img).toHaveAttribute('loading', 'lazy');
        await expect(img).toHaveAttribute('decoding', 'async');
        await expect(img).toHaveAttribute('srcset', /\d+w, .+\d+w/);
        const width = Number(await img.getAttribute('width'));
        const height = Number(await img.getAttribute('height'));
        expect(width * 9).toBe(height * 16);
      }
    });
  }

  test('the news list shows a thumbnail exactly where an item has a cover', async ({ page }) => {
    await page.goto('/news/');
    const items = page.locator('main .ld-list > li');
    const withThumb = await items.filter({ has: page.locator('img') }).allTextContents();
    expect(withThumb.length).toBeGreaterThan(0);
    expect(withThumb.join('\n')).toContain('第四季度企业联席会议');
    expect(withThumb.join('\n')).not.toContain('元旦');
  });
});

test.describe('accessibility and narrow screens with covers', () => {
  for (const path of [WITH_COVER, '/news/', '/']) {
    test(`axe: ${path}`, async ({ page }) => {
      await page.goto(path);
      await expectNoAxeViolations(page);
    });
  }

  test.describe('at 320 px', () => {
    test.use({ viewport: { width: 320, height: 800 } });
    for (const path of [WITH_COVER, '/news/', '/']) {
      test(`${path} does not scroll sideways`, async ({ page }) => {
        await page.goto(path);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
      });
    }
  });
});
