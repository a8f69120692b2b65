/**
 * Shared by the "result in view" cases (school.spec.ts, daily-question.spec.ts): phone sizes,
 * text sizes, the two places the 提交 button can be when tapped, and the check that the result
 * is on screen and has the focus.
 */
import type { Locator, Page } from '@playwright/test';
import { expect } from './helpers.ts';

export const PHONES = [
  { width: 360, height: 640 },
  { width: 390, height: 844 },
] as const;
export const TEXT_SIZES = ['large', 'xlarge'] as const;
export const BUTTON_AT = ['top', 'bottom'] as const;

/** Every combination of text size and button position, for one phone size. */
export const CASES = TEXT_SIZES.flatMap((size) => BUTTON_AT.map((at) => ({ size, at })));

/** Sets the 适老化 text size as the toolbar does (data-font-size on <html>). */
export async function setTextSize(page: Page, size: (typeof TEXT_SIZES)[number]): Promise<void> {
  await page.evaluate((s) => (document.documentElement.dataset.fontSize = s), size);
}

/**
 * Scrolls so the button sits near the top (a fifth down, below the exam's sticky clock) or at
 * the bottom of the screen, then taps it.
 */
export async function tapAt(button: Locator, at: (typeof BUTTON_AT)[number]): Promise<void> {
  await button.evaluate((b, where) => {
    b.scrollIntoView({ block: where === 'top' ? 'start' : 'end', behavior: 'instant' });
    if (where === 'top') window.scrollBy({ top: -Math.round(innerHeight / 5), behavior: 'instant' });
  }, at);
  await button.tap();
}

/** The result has the focus (or holds it) and its first line is inside the screen. */
export async function expectResultInView(page: Page, result: Locator, label: string): Promise<void> {
  await expect(result, label).toBeVisible();
  await expect
    .poll(() => result.evaluate((r) => r === document.activeElement || r.contains(document.activeElement)), { message: `${label}: focus on the result` })
    .toBe(true);
  await expect
    .poll(
      async () => {
        const box = await result.evaluate((r) => {
          const rect = r.getBoundingClientRect();
          return { top: rect.top, height: innerHeight };
        });
        // Its top line (at least 40 px of it) is on the screen.
        return box.top >= 0 && box.top + 40 <= box.height;
      },
      { message: `${label}: result on screen` },
    )
    .toBe(true);
}
