import { decodeQr, expect, expectNoAxeViolations, SITE, test } from './helpers.ts';

// The decoder (jsQR) is injected into the page and reads the QR code from an image of it; the
// site's own CSP rightly refuses both, so these tests lift it. csp.spec.ts and the guarded specs
// check the site under its CSP.
test.use({ bypassCSP: true });

/**
 * Every printed or shared QR code is read back in the browser with jsQR, as a phone camera
 * would read it, and must lead to the page it stands for on the published site.
 */

test.describe('station posters', () => {
  for (const id of ['lingxiu', 'xiaoshan', 'anning']) {
    test(`/stations/${id}/poster/ decodes to the station page`, async ({ page }) => {
      await page.goto(`/stations/${id}/poster/`);
      expect(await decodeQr(page, page.locator('.code'))).toBe(`${SITE}/stations/${id}/`);
    });
  }

  test('the decoder reads only QR codes: the logo beside it decodes to nothing', async ({ page }) => {
    await page.goto('/stations/lingxiu/poster/');
    const logo = page.locator('main svg:not(.code svg)').first();
    await expect(logo).toBeVisible();
    expect(await decodeQr(page, logo)).toBeNull();
  });
});

test.describe('activity posters', () => {
  const id = '2026-12-22-hongfeng-zhengce-jiedu';

  test('the QR code decodes to the activity page', async ({ page }) => {
    await page.goto(`/activities/${id}/poster/`);
    expect(await decodeQr(page, page.locator('.ld-poster__qr'))).toBe(`${SITE}/activities/${id}/`);
  });

  test('every activity poster prints on exactly one A4 page', async ({ page, request }) => {
    test.setTimeout(120_000);
    // The calendar feed lists every published activity; its UIDs start with the activity id.
    const ics = await (await request.get('/activities.ics')).text();
    const ids = [...ics.matchAll(/^UID:([^@\r\n]+)@/gm)].map((m) => m[1]!);
    expect(ids.length).toBeGreaterThanOrEqual(15);
    for (const activity of ids) {
      await page.goto(`/activities/${activity}/poster/`);
      const pdf = (await page.pdf({ format: 'A4' })).toString('latin1');
      const pages = pdf.match(/\/Type\s*\/Page(?!s)/g) ?? [];
      expect(pages, activity).toHaveLength(1);
      // A4 is 595.3 × 841.9 points; Chromium rounds the sheet to whole device pixels.
      const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)/.exec(pdf);
      expect(Math.abs(Number(box?.[1]) - 595.3), activity).toBeLessThan(2);
      expect(Math.abs(Number(box?.[2]) - 841.9), activity).toBeLessThan(2);
    }
  });
});

test.describe('share blocks', () => {
  for (const path of [
    '/news/2026-11-20-lingxiu-lianxi-huiyi/',
    '/theory/xuexi-zhaji/2026-11-10-louyu-dangjian-fugai/',
    '/exchange/2026-11-17-wanshang-taizhang-huiying/',
    '/activities/2026-12-10-meiyuan-yuandan-yingxin/',
  ]) {
    test(`${path} shares a QR code of its own address`, async ({ page }) => {
      await page.goto(path);
      const url = `${SITE}${path}`;
      await expect(page.locator('.ld-share__url')).toHaveText(url);
      expect(await decodeQr(page, page.locator('.ld-share__qr'))).toBe(url);
    });
  }
});

test.describe('one named image per QR code', () => {
  for (const [path, box] of [
    ['/news/2026-11-20-lingxiu-lianxi-huiyi/', '.ld-share__qr'],
    ['/stations/lingxiu/poster/', '.code'],
    ['/activities/2026-12-22-hongfeng-zhengce-jiedu/poster/', '.ld-poster__qr'],
  ] as const) {
    test(`${path}: the accessibility tree has the named box and no unnamed image inside it`, async ({ page }) => {
      await page.goto(path);
      const qr = page.locator(box);
      await expect(qr.locator('svg')).toHaveAttribute('aria-hidden', 'true');
      // The box is one image with a name; nothing inside it is exposed (no second, unnamed image).
      const snapshot = await qr.ariaSnapshot();
      expect(snapshot.trim().split('\n')).toHaveLength(1);
      expect(snapshot).toMatch(/^- img ".+"$/m);
      await expect(page.getByRole('img', { name: /二维码|扫码|扫一扫/ }).first()).toBeVisible();
      await expectNoAxeViolations(page);
    });
  }
});
