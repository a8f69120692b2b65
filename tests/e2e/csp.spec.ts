/**
 * Content-Security-Policy: every public page carries a strict policy (no 'unsafe-inline' or
 * 'unsafe-eval' for scripts), /search/ alone may compile Pagefind's WebAssembly, and pages in
 * use — search with a query, the 适老化 toolbar — cause no violation. The `test` of helpers.ts
 * fails on any violation; the first test proves that guard can fail.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test as base } from '@playwright/test';
import { expect, test, watchCsp } from './helpers.ts';
import { walkFiles } from '../../scripts/site-files.ts';
import { zhCN } from '../../src/i18n/zh-CN.ts';

const DIST = 'dist';

/** The content of the CSP <meta> elements of a built page. */
function metaPolicies(html: string): string[] {
  return [...html.matchAll(/<meta http-equiv="content-security-policy" content="([^"]*)"/gi)].map((m) => m[1] ?? '');
}

function directive(policy: string, name: string): string | undefined {
  return policy
    .split(';')
    .map((d) => d.trim())
    .find((d) => d.startsWith(`${name} `));
}

base('the guard sees a violation when an inline script is injected', async ({ page }) => {
  const seen: string[] = [];
  await watchCsp(page);
  page.on('console', (m) => seen.push(m.text()));
  await page.goto('/');
  await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__ran = true';
    document.body.append(s);
  });
  await expect.poll(() => seen.some((t) => t.startsWith('[csp-violation] script-src'))).toBe(true);
  expect(await page.evaluate(() => (window as unknown as { __ran?: boolean }).__ran)).toBeUndefined();
});

test('every public page carries one strict policy; only /search/ allows WebAssembly', () => {
  const pages = walkFiles(DIST).filter((f) => f.endsWith('.html') && !f.startsWith('admin/') && !f.startsWith('pagefind/'));
  expect(pages.length).toBeGreaterThan(5);
  const problems: string[] = [];
  for (const file of pages) {
    const policies = metaPolicies(readFileSync(path.join(DIST, file), 'utf8'));
    if (policies.length !== 1) {
      problems.push(`${file}: ${policies.length} CSP meta elements`);
      continue;
    }
    const policy = policies[0] ?? '';
    const script = directive(policy, 'script-src') ?? '';
    if (!script) problems.push(`${file}: no script-src`);
    if (/'unsafe-inline'|'unsafe-eval'/.test(script)) problems.push(`${file}: unsafe script-src`);
    if (/'unsafe-inline'/.test(directive(policy, 'style-src') ?? '')) problems.push(`${file}: unsafe style-src`);
    if (directive(policy, 'default-src') !== "default-src 'self'") problems.push(`${file}: default-src is not 'self'`);
    if (directive(policy, 'object-src') !== "object-src 'none'") problems.push(`${file}: object-src is not 'none'`);
    const wasm = script.includes("'wasm-unsafe-eval'");
    if (wasm !== (file === 'search/index.html')) problems.push(`${file}: 'wasm-unsafe-eval' ${wasm ? 'allowed' : 'missing'}`);
  }
  expect(problems).toEqual([]);
});

test('/admin/ does not carry the public policy (Decap needs its own)', () => {
  const html = readFileSync(path.join(DIST, 'admin/index.html'), 'utf8');
  for (const policy of metaPolicies(html)) expect(policy).not.toMatch(/script-src 'self' 'sha256-/);
});

test('search with a query works under the policy', async ({ page }) => {
  await page.goto(`/search/?q=${encodeURIComponent('工作站')}`);
  await expect(page.locator('[data-results] li').first()).toBeVisible();
  await expect(page.locator('ld-site-search [data-status]')).not.toHaveText(zhCN['search.error']);
});

test('the 适老化 toolbar in use causes no violation', async ({ page }) => {
  await page.goto('/stations/');
  const bar = page.getByRole('group', { name: zhCN['a11y.toolbar'] });
  await bar.getByRole('button', { name: zhCN['a11y.fontSize.xlarge'] }).click();
  await bar.getByRole('button', { name: zhCN['a11y.contrast'] }).click();
  await page.goto('/stats/');
  await expect(page.locator('html')).toHaveAttribute('data-contrast', 'high');
  await bar.getByRole('button', { name: zhCN['a11y.reset'] }).click();
  await expect(page.locator('html')).not.toHaveAttribute('data-contrast', 'high');
});
