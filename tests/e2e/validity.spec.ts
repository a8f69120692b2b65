/**
 * The validity gate over the built site (dist/, read from disk after `npm run build`):
 * html-validate finds no error in any page, every internal link, image, script, stylesheet and
 * feed resolves to a file, every `#fragment` names an id on the page it points to, and every
 * JSON island is safe to embed. /admin/ (Decap's shell) and
 * Pagefind's own files are not ours to validate.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import { expect, test } from './helpers.ts';
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

/** The ids a page's fragments can point to (`id` attributes, and `name` on `<a>`), read once per file. */
const anchorCache = new Map<string, Set<string>>();
function anchorsOf(file: string): Set<string> {
  let ids = anchorCache.get(file);
  if (!ids) {
    const html = readFileSync(file, 'utf8');
    ids = new Set([...html.matchAll(/<[a-z][\w-]*\s[^>]*?\bid\s*=\s*(?:"([^"]*)"|'([^']*)')/gi)].map((m) => m[1] ?? m[2] ?? ''));
    for (const m of html.matchAll(/<a\s[^>]*?\bname\s*=\s*"([^"]*)"/gi)) ids.add(m[1] ?? '');
    anchorCache.set(file, ids);
  }
  return ids;
}

const SITE_ORIGIN = new URL(process.env.SITE_URL ?? 'https://louyu.example.gov.cn');

/**
 * The broken references of one page (`file` in dist/, `html` its text): internal URLs that resolve
 * to no file, and fragments naming no id on their target page. `counts` tallies what was checked.
 */
function brokenReferences(file: string, html: string, counts = { checked: 0, fragments: 0 }): string[] {
  const broken: string[] = [];
  for (const raw of references(html)) {
    if (!raw || raw === '#' || /^(mailto|tel|data|blob):/i.test(raw)) continue;
    let url = raw;
    if (/^https?:\/\//i.test(raw) || raw.startsWith('//')) {
      const absolute = new URL(raw, SITE_ORIGIN);
      if (absolute.host !== SITE_ORIGIN.host) continue; // other origins are not ours to check here
      url = absolute.pathname + absolute.search + absolute.hash;
    }
    counts.checked++;
    const hash = url.indexOf('#');
    const target = url.startsWith('#') ? path.join(DIST, file) : resolveInternal(hash < 0 ? url : url.slice(0, hash), file);
    if (!target) {
      broken.push(`${file}: ${raw}`);
      continue;
    }
    const fragment = hash < 0 ? '' : decodeURIComponent(url.slice(hash + 1));
    if (!fragment || !target.endsWith('.html')) continue;
    counts.fragments++;
    if (!anchorsOf(target).has(fragment)) broken.push(`${file}: ${raw} (no id "${fragment}" on ${path.relative(DIST, target)})`);
  }
  return broken;
}

test('the link check reports a fragment that names no id on its target page', () => {
  const [id] = anchorsOf(path.join(DIST, 'index.html'));
  expect(id).toBeTruthy();
  expect(brokenReferences('news/index.html', `<a href="/#${id}">x</a><a href="/">y</a>`)).toEqual([]);
  expect(brokenReferences('news/index.html', '<a href="/#no-such-entry">x</a>')).toEqual(['news/index.html: /#no-such-entry (no id "no-such-entry" on index.html)']);
  expect(brokenReferences('index.html', '<a href="#no-such-entry">x</a>')).toHaveLength(1);
});

test('links: every internal link, image, script, stylesheet and feed resolves, and every fragment exists', () => {
  const broken: string[] = [];
  const counts = { checked: 0, fragments: 0 };
  for (const file of pages) broken.push(...brokenReferences(file, readFileSync(path.join(DIST, file), 'utf8'), counts));
  console.log(`links: ${counts.checked} internal references (${counts.fragments} with a fragment) in ${pages.length} pages`);
  expect(broken).toEqual([]);
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
