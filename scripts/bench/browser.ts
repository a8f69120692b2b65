/**
 * The benchmark's browser measurements against a built site served locally: the bytes a first
 * search transfers, and Lighthouse on a few pages (mobile settings). Chromium is the installed
 * one (scripts/chromium.ts); Lighthouse connects to it over its remote-debugging port.
 */
import { chromium, type Browser } from '@playwright/test';
import lighthouse from 'lighthouse';
import { screenEmulationMetrics } from 'lighthouse/core/config/constants.js';
import { CHROMIUM_ARGS, findChromium } from '../chromium.ts';
import type { LighthouseScores } from './table.ts';

async function launch(extraArgs: string[] = []): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('No Chromium found (set CHROMIUM_PATH)');
  return chromium.launch({ executablePath, args: [...CHROMIUM_ARGS, ...extraArgs] });
}

/**
 * Loads /search/?q=<term> in a fresh browser and sums the transferred body bytes of every
 * response under /pagefind/ until the results are shown and the network is quiet.
 */
export async function firstSearchBytes(origin: string, term: string): Promise<{ bytes: number; requests: number; results: number }> {
  const browser = await launch();
  try {
    const page = await browser.newPage();
    const pending: Promise<number>[] = [];
    page.on('requestfinished', (request) => {
      if (new URL(request.url()).pathname.startsWith('/pagefind/')) pending.push(request.sizes().then((s) => s.responseBodySize));
    });
    await page.goto(`${origin}/search/?q=${encodeURIComponent(term)}`, { waitUntil: 'load' });
    // The status line leaves its "loading" message once Pagefind has answered.
    await page.waitForFunction(
      () => {
        const el = document.querySelector('ld-site-search [data-status]');
        const table = JSON.parse(document.querySelector('ld-site-search')?.getAttribute('data-messages') ?? '{}') as Record<string, string>;
        const loading = table['search.loading'];
        return !!el && !!el.textContent && el.textContent !== loading;
      },
      undefined,
      { timeout: 60_000 },
    );
    await page.waitForLoadState('networkidle');
    const results = await page.locator('[data-results] > li').count();
    const sizes = await Promise.all(pending);
    return { bytes: sizes.reduce((s, v) => s + v, 0), requests: sizes.length, results };
  } finally {
    await browser.close();
  }
}

/** Runs Lighthouse (mobile) on each URL in one Chromium listening on `debugPort`. */
export async function runLighthouse(urls: string[], debugPort: number): Promise<(LighthouseScores | undefined)[]> {
  const browser = await launch([`--remote-debugging-port=${debugPort}`]);
  const out: (LighthouseScores | undefined)[] = [];
  try {
    for (const url of urls) {
      const result = await lighthouse(url, {
        port: debugPort,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
        formFactor: 'mobile',
        screenEmulation: screenEmulationMetrics.mobile,
      });
      const lhr = result?.lhr;
      if (!lhr) {
        out.push(undefined);
        continue;
      }
      const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
      const num = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
      out.push({
        performance: score('performance'),
        accessibility: score('accessibility'),
        bestPractices: score('best-practices'),
        seo: score('seo'),
        lcp: num('largest-contentful-paint'),
        cls: num('cumulative-layout-shift'),
        tbt: num('total-blocking-time'),
      });
    }
  } finally {
    await browser.close();
  }
  return out;
}
