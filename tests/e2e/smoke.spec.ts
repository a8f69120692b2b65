import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './helpers.ts';

test('home page is Chinese and accessible', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expectNoAxeViolations(page);
});
