/**
 * The validity gate over the built site (dist/, read from disk after `npm run build`):
 * html-validate finds no error in any page, every internal link, image, script, stylesheet and
 * feed resolves to a file and every `#fragment` names an id on the page it points to (the
 * inspection's link checker, src/lib/inspect/inspect-site.ts), and every
 * JSON island is safe to embed. A second checker, the W3C Nu Html Checker (npm vnu-jar, run on
 * Java), reads one or two pages of every template, the stylesheet and the SVG files: it knows
 * HTML's parsing rules that html-validate does not check (content after </html>, for one).
 * /admin/ (Decap's shell) and Pagefind's own files are not ours to validate.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import { expect, test } from './helpers.ts';
import { walkFiles } from '../../scripts/site-files.ts';
import { anchorIds, brokenLinks, references } from '../../src/lib/inspect/inspect-site.ts';

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

/**
 * Up to two built pages of every template: a page's address with each id segment replaced by
 * ":id" names its template (words that are the same for every entry, such as exam, page or
 * poster, are kept).
 */
function templatePages(): string[] {
  const byTemplate = new Map<string, string[]>();
  for (const f of pages) {
    const key = `/${f.replace(/index\.html$/, '')}`
      .split('/')
      .filter(Boolean)
      .map((s, i) => (i === 0 || ['exam', 'record', 'poster', 'page', 'month', 'category', 'station', 'kind', 'year'].includes(s) ? s : ':id'))
      .join('/');
    const list = byTemplate.get(key) ?? [];
    if (list.length < 2) byTemplate.set(key, [...list, f]);
  }
  return [...byTemplate.values()].flat();
}

/**
 * What the Nu Html Checker may report and still pass, each with its reason (matched against a
 * problem's line: "file:line type: message").
 */
const NU_ALLOWED: [RegExp, string][] = [
  // It reads the pages from disk, where they have no origin, so it reports every file a page's
  // Content-Security-Policy allows from 'self' (or by hash) as blocked; the policy is tested in
  // Chromium (csp.spec.ts).
  [/ (Inline script|Inline style|Resource) violates Content Security Policy \(meta tag\)/, 'CSP read from a file: no origin'],
];

interface NuMessage {
  type: string;
  subType?: string;
  url?: string;
  lastLine?: number;
  message: string;
}

test('the Nu Html Checker finds nothing in a page of every template, the stylesheet and the SVG files', async () => {
  test.setTimeout(180_000);
  const html = templatePages();
  const css = walkFiles(path.join(DIST, '_astro'))
    .filter((f) => f.endsWith('.css'))
    .map((f) => `_astro/${f}`);
  const svg = walkFiles(DIST).filter((f) => f.endsWith('.svg') && !/^(admin|pagefind)\//.test(f));
  expect(html.length).toBeGreaterThan(30);
  expect(css.length).toBeGreaterThan(0);
  expect(svg.length).toBeGreaterThan(0);
  const jar = createRequire(import.meta.url).resolve('vnu-jar/build/dist/vnu.jar');
  // One JVM for every file: starting Java is most of the cost.
  const args = ['-jar', jar, '--format', 'json', '--also-check-css', '--also-check-svg', ...[...html, ...css, ...svg].map((f) => path.join(DIST, f))];
  const output = await new Promise<string>((resolve, reject) => {
    const java = spawn('java', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let text = '';
    java.stdout.on('data', (d: Buffer) => (text += d.toString()));
    java.stderr.on('data', (d: Buffer) => (text += d.toString()));
    java.on('error', (err) => reject(new Error(`the Nu Html Checker needs Java (17 or later) on PATH: ${err.message}`)));
    java.on('close', () => resolve(text));
  });
  const messages = (JSON.parse(output) as { messages: NuMessage[] }).messages;
  const problems = messages
    .map((m) => {
      const file = path.relative(DIST, decodeURIComponent(new URL(m.url ?? 'file:///').pathname));
      return `${file}:${m.lastLine ?? 0} ${m.type}${m.subType ? `/${m.subType}` : ''}: ${m.message}`;
    })
    .filter((line) => !NU_ALLOWED.some(([re]) => re.test(line)));
  console.log(`Nu Html Checker: ${html.length} pages, ${css.length} stylesheet(s), ${svg.length} SVG file(s)`);
  expect(problems).toEqual([]);
});

const SITE_ORIGIN = new URL(process.env.SITE_URL ?? 'https://louyu.example.gov.cn');
const isFile = (file: string) => existsSync(path.join(DIST, file)) && statSync(path.join(DIST, file)).isFile();

test('the link check reports a missing page and a fragment that names no id on its target page', () => {
  const home = readFileSync(path.join(DIST, 'index.html'), 'utf8');
  const [id] = anchorIds(home);
  expect(id).toBeTruthy();
  const check = (html: string) =>
    brokenLinks(
      new Map([
        ['index.html', home],
        ['news/index.html', html],
      ]),
      isFile,
      SITE_ORIGIN,
    );
  expect(check(`<a href="/#${id}">x</a><a href="/">y</a><img srcset="/favicon.svg 1x">`)).toEqual([]);
  expect(check('<a href="/#no-such-entry">x</a>')).toEqual(['/news/index.html → /#no-such-entry']);
  expect(check('<a href="#no-such-entry">x</a><img srcset="/a.png 1x, /favicon.svg 2x">')).toEqual([
    '/news/index.html → #no-such-entry',
    '/news/index.html → /a.png',
  ]);
});

// The inspection's own link checker (src/lib/inspect/inspect-site.ts, which `npm run inspect` reports
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
