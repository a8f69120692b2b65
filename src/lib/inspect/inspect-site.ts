/**
 * What `npm run inspect` reads from the built pages and the content text: internal links and
 * fragments, the identifiers in each footer, and wrong forms of standard phrasings. Pure
 * functions over strings; the script reads the files.
 */
import { normalizeForMatching } from '../format-chars.ts';

/**
 * Every URL a page refers to: href, src, each srcset candidate, poster, data, action. (The
 * validity gate, tests/e2e/validity.spec.ts, checks the built site with this same checker.)
 */
export function references(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/\s(href|src|srcset|poster|data|action)\s*=\s*(?:"([^"]*)"|'([^']*)')/gi)) {
    const value = (m[2] ?? m[3] ?? '').replace(/&amp;/g, '&');
    if (m[1]?.toLowerCase() === 'srcset') out.push(...value.split(',').map((c) => c.trim().split(/\s+/)[0] ?? ''));
    else out.push(value);
  }
  return out;
}

/** The ids a fragment can point at: `id` attributes, and the legacy `name` of an `<a>`. */
export function anchorIds(html: string): Set<string> {
  const ids = new Set<string>();
  for (const m of html.matchAll(/<[a-z][\w-]*[^>]*?\sid\s*=\s*(?:"([^"]*)"|'([^']*)')/gi)) ids.add(m[1] ?? m[2] ?? '');
  for (const m of html.matchAll(/<a\b[^>]*?\sname\s*=\s*(?:"([^"]*)"|'([^']*)')/gi)) ids.add(m[1] ?? m[2] ?? '');
  return ids;
}

/** Candidate files of dist/ for a path: /a/ → a/index.html; /a.xml → a.xml or a.xml/index.html. */
export function filesFor(pathname: string): string[] {
  const p = pathname.replace(/^\//, '');
  return pathname.endsWith('/') ? [`${p}index.html`] : [p, `${p}/index.html`];
}

/**
 * Broken internal links and fragments of the built site. `pages` maps each HTML file of dist/
 * (relative, e.g. "news/a/index.html") to its text; `exists` says whether any file of dist/
 * exists. Links to other origins are not checked here.
 */
export function brokenLinks(pages: ReadonlyMap<string, string>, exists: (file: string) => boolean, site: URL): string[] {
  const ids = new Map<string, Set<string>>();
  const idsOf = (file: string) => {
    let set = ids.get(file);
    if (!set) ids.set(file, (set = anchorIds(pages.get(file) ?? '')));
    return set;
  };
  const broken: string[] = [];
  for (const [file, html] of pages) {
    const base = new URL(`/${file}`, site);
    for (const raw of references(html)) {
      if (!raw || /^(mailto|tel|data|blob|javascript):/i.test(raw)) continue;
      const url = new URL(raw, base);
      if (url.origin !== site.origin) continue;
      const target = url.pathname === base.pathname && raw.startsWith('#') ? file : filesFor(decodeURIComponent(url.pathname)).find(exists);
      if (!target) {
        broken.push(`/${file} → ${raw}`);
        continue;
      }
      const fragment = decodeURIComponent(url.hash.slice(1));
      if (fragment && target.endsWith('.html') && pages.has(target) && !idsOf(target).has(fragment)) broken.push(`/${file} → ${raw}`);
    }
  }
  return broken;
}

/** The identifiers a footer must show: 网站标识码, ICP备案号, 公安机关备案号 with its record link. */
export function footerIdentifierProblems(html: string): string[] {
  const footer = /<footer\b[\s\S]*?<\/footer>/i.exec(html)?.[0];
  if (!footer) return ['页脚'];
  const text = footer.replace(/<[^>]+>/g, '');
  const problems: string[] = [];
  if (!/网站标识码：[0-9A-Za-z]{10}(?![0-9A-Za-z])/.test(text)) problems.push('网站标识码');
  if (!/[\u4e00-\u9fa5]ICP备\d{8}号/.test(text)) problems.push('ICP备案号');
  const psb = /[\u4e00-\u9fa5]公网安备 ?(\d{14})号/.exec(text);
  if (!psb) problems.push('公安机关备案号');
  else if (!footer.includes(`beian.mps.gov.cn/#/query/webSearch?code=${psb[1]}`)) problems.push('公安机关备案号链接');
  if (!text.includes('主办单位')) problems.push('主办单位');
  if (!text.includes('联系电话')) problems.push('联系方式');
  return problems;
}

/** A standard phrasing and its known wrong forms (content/settings/site.yaml, `wording`). */
export interface Wording {
  correct: string;
  wrong: readonly string[];
}

export interface WordingHit {
  line: number;
  wrong: string;
  correct: string;
}

/** Every occurrence of a wrong form in a text, with its line number (from 1). */
export function findWording(text: string, list: readonly Wording[]): WordingHit[] {
  const hits: WordingHit[] = [];
  normalizeForMatching(text)
    .split(/\r?\n/)
    .forEach((line, i) => {
      for (const { correct, wrong } of list) {
        for (const w of wrong) {
          let at = line.indexOf(w);
          while (at !== -1) {
            hits.push({ line: i + 1, wrong: w, correct });
            at = line.indexOf(w, at + w.length);
          }
        }
      }
    });
  return hits;
}
