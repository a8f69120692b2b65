import AxeBuilder from '@axe-core/playwright';
import { expect, test as base, type Page } from '@playwright/test';

/** WCAG 2.1 A and AA rules, as the accessibility gate requires. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Fails the test with the list of axe violations on the current page, if any. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
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
 * Playwright's `test`, with a guard on every page: the test fails on any CSP violation and on
 * any uncaught page error. Specs adopt it with `import { test, expect } from './helpers.ts'`.
 */
export const test = base.extend<{ guard: void }>({
  guard: [
    async ({ page }, use) => {
      const problems: string[] = [];
      await watchCsp(page);
      page.on('console', (msg) => {
        const text = msg.text();
        if (text.startsWith(CSP_MARK) || (msg.type() === 'error' && /Content Security Policy/i.test(text))) problems.push(`${page.url()}: ${text}`);
      });
      page.on('pageerror', (error) => problems.push(`${page.url()}: page error: ${error.message}`));
      await use();
      expect(problems, 'CSP violations or page errors').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
