/**
 * The validity gate over the built site (dist/, read from disk after `npm run build`):
 * html-validate finds no error in any page, every internal link, image, script, stylesheet and
 * feed resolves to a file and every `#fragment` names an id on the page it points to (the
 * inspection's link checker, src/lib/inspect-site.ts), and every
 * JSON island is safe to embed. /admin/ (Decap's shell) and
 * Pagefind's own files are not ours to validate.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import { expect, test } from './helpers.ts';
import { walkFiles } from '../../scripts/site-files.ts';
import { anchorIds, brokenLinks, references } from '../../src/lib/inspect-site.ts';

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

const SITE_ORIGIN = new URL(process.env.SITE_URL ?? 'https://louyu.example.gov.cn');
const isFile = (file: string) => existsSync(path.join(DIST, file)) && statSync(path.join(DIST, file)).isFile();

test('the link check reports a missing page and a fragment that names no id on its target page', () => {
  const home = readFileSync(path.join(DIST, 'index.html'), 'utf8');
  const [id] = anchorIds(home);
  expect(id).toBeTruthy();
  const check = (html: string) => brokenLinks(new Map([['index.html', home], ['news/index.html', html]]), isFile, SITE_ORIGIN);
  expect(check(`<a href="/#${id}">x</a><a href="/">y</a><img srcset="/favicon.svg 1x">`)).toEqual([]);
  expect(check('<a href="/#no-such-entry">x</a>')).toEqual(['/news/index.html → /#no-such-entry']);
  expect(check('<a href="#no-such-entry">x</a><img srcset="/a.png 1x, /favicon.svg 2x">')).toEqual(['/news/index.html → #no-such-entry', '/news/index.html → /a.png']);
});

// The inspection's own link checker (src/lib/inspect-site.ts, which `npm run inspect` reports
// from): one set of rules for what counts as a broken link.
test('links: every internal link, image, script, stylesheet and feed resolves, and every fragment exists', () => {
  const html = new Map(pages.map((f) => [f, readFileSync(path.join(DIST, f), 'utf8')]));
  const checked = [...html.values()].reduce((n, text) => n + references(text).length, 0);
  console.log(`links: ${checked} references in ${pages.length} pages`);
  expect(brokenLinks(html, isFile, SITE_ORIGIN)).toEqual([]);
});

test('no page loads anything from another origin', () => {
  const site = SITE_ORIGIN;
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
