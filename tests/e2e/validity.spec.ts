/**
 * The validity gate over the built site (dist/, read from disk after `npm run build`):
 * html-validate finds no error in any page, every internal link, image, script, stylesheet and
 * feed resolves to a file, and every JSON island is safe to embed. /admin/ (Decap's shell) and
 * Pagefind's own files are not ours to validate.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import { expect, test } from '@playwright/test';
import { walkFiles } from '../../scripts/site-files.ts';

const DIST = 'dist';
const pages = walkFiles(DIST).filter((f) => f.endsWith('.html') && !f.startsWith('admin/') && !f.startsWith('pagefind/'));

test('html-validate: no errors in any built page', async () => {
  expect(pages.length).toBeGreaterThan(5);
  const validator = new HtmlValidate(new FileSystemConfigLoader());
  const errors: string[] = [];
  for (const file of pages) {
    const report = await validator.validateFile(path.join(DIST, file));
    for (const result of report.results) {
      for (const m of result.messages) errors.push(`${file}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
    }
  }
  console.log(`html-validate: ${pages.length} pages`);
  expect(errors).toEqual([]);
});

/** Every URL a page refers to: href, src, srcset candidates, poster, data, action. */
function references(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/\s(href|src|srcset|poster|data|action)\s*=\s*(?:"([^"]*)"|'([^']*)')/gi)) {
    const value = (m[2] ?? m[3] ?? '').replace(/&amp;/g, '&');
    if (m[1]?.toLowerCase() === 'srcset') out.push(...value.split(',').map((c) => c.trim().split(/\s+/)[0] ?? ''));
    else out.push(value);
  }
  return out;
}

/** The file in dist/ that an internal URL resolves to, or undefined if none. */
function resolveInternal(url: string, fromFile: string): string | undefined {
  const pathname = decodeURIComponent(new URL(url, `http://site/${fromFile}`).pathname);
  const candidates = pathname.endsWith('/') ? [`${pathname}index.html`] : [pathname, `${pathname}/index.html`];
  return candidates.map((c) => path.join(DIST, c)).find((c) => existsSync(c) && statSync(c).isFile());
}

test('links: every internal link, image, script, stylesheet and feed resolves', () => {
  const site = new URL(process.env.SITE_URL ?? 'https://louyu.example.gov.cn');
  const broken: string[] = [];
  let checked = 0;
  for (const file of pages) {
    const html = readFileSync(path.join(DIST, file), 'utf8');
    for (const raw of references(html)) {
      if (!raw || raw.startsWith('#') || /^(mailto|tel|data|blob):/i.test(raw)) continue;
      let url = raw;
      if (/^https?:\/\//i.test(raw) || raw.startsWith('//')) {
        const absolute = new URL(raw, site);
        if (absolute.host !== site.host) continue; // other origins are not ours to check here
        url = absolute.pathname + absolute.search;
      }
      checked++;
      if (!resolveInternal(url, file)) broken.push(`${file}: ${raw}`);
    }
  }
  console.log(`links: ${checked} internal references in ${pages.length} pages`);
  expect(broken).toEqual([]);
});

test('no page loads anything from another origin', () => {
  const site = new URL(process.env.SITE_URL ?? 'https://louyu.example.gov.cn');
  const foreign: string[] = [];
  for (const file of pages) {
    const html = readFileSync(path.join(DIST, file), 'utf8');
    for (const m of html.matchAll(/<(?:script|img|link|iframe|video|audio|source|track)\b[^>]*\s(?:src|href)="(https?:)?\/\/([^/"]+)/gi)) {
      const tag = m[0];
      if (/rel="(?:canonical|alternate)"/.test(tag)) continue; // addresses, not loads
      if (m[2] !== site.host) foreign.push(`${file}: ${m[2]}`);
    }
  }
  expect(foreign).toEqual([]);
});

test('JSON islands cannot close their <script> element', () => {
  const unsafe: string[] = [];
  for (const file of pages) {
    const html = readFileSync(path.join(DIST, file), 'utf8');
    for (const m of html.matchAll(/<script\b[^>]*type="application\/(?:ld\+)?json"[^>]*>([\s\S]*?)<\/script>/gi)) {
      const body = m[1] ?? '';
      if (body.includes('<')) unsafe.push(`${file}: JSON island contains "<" (escape it as \\u003c)`);
      try {
        JSON.parse(body);
      } catch {
        unsafe.push(`${file}: JSON island does not parse`);
      }
    }
  }
  expect(unsafe).toEqual([]);
});
