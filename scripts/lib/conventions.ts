/**
 * The project's written conventions, checked: each rule takes a file's path and text and returns
 * its findings, so `scripts/conventions.ts` can run them over the tree and tests can run them over
 * a string. Rules (see README, "Conventions"):
 * - site paths are built in `src/lib/publishing.ts` only;
 * - day arithmetic and the UTC+8 offset live in `src/lib/dates.ts` only;
 * - the dictionary is one block per area, keys sorted within a block;
 * - code never compares display text (a label, a dictionary string) to decide what to do.
 */

export interface Finding {
  file: string;
  line: number;
  rule: string;
  message: string;
}

/** The one file allowed to spell out a site address. */
export const PUBLISHING_FILE = 'src/lib/publishing.ts';
/** The one file allowed to do day arithmetic or know the UTC+8 offset. */
export const DATES_FILE = 'src/lib/dates.ts';
/** The dictionary. */
export const DICTIONARY_FILE = 'src/i18n/zh-CN.ts';

/** A line that is only a comment: its addresses and dates are documentation, not code. */
const COMMENT_LINE = /^\s*(?:\/\/|\/\*|\*)/;

function eachCodeLine(text: string, visit: (line: string, n: number) => void): void {
  text.split('\n').forEach((line, i) => {
    if (!COMMENT_LINE.test(line)) visit(line.replace(/\s\/\/\s.*$/, ''), i + 1);
  });
}

/**
 * Site path literals: a quoted string (or template) or an attribute value that starts with one of
 * the site's top-level addresses (`'/school/'`, `"/search/"`, `` `/news/${id}/` ``), and any
 * hand-built page number (`page/${n}`). `roots` are the first path segments of the site.
 */
export function pathLiterals(file: string, text: string, roots: readonly string[]): Finding[] {
  if (file === PUBLISHING_FILE) return [];
  const escaped = roots.map((r) => r.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  const literal = new RegExp(`(["'\`])/(?:${escaped})(?=[/"'\`?#]|\\$\\{)`, 'g');
  const out: Finding[] = [];
  eachCodeLine(text, (line, n) => {
    for (const m of line.matchAll(literal)) {
      out.push({
        file,
        line: n,
        rule: 'path-literal',
        message: `site path ${JSON.stringify(m[0].slice(1))}… written here; use a helper of ${PUBLISHING_FILE}`,
      });
    }
    if (line.includes('page/${'))
      out.push({ file, line: n, rule: 'path-literal', message: `page address built by hand; use pageHref() of ${PUBLISHING_FILE}` });
  });
  return out;
}

const DAY_ARITHMETIC: [RegExp, string][] = [
  [/\b86_?400_?000\b|\b864e5\b|\b24 \* 60 \* 60\b|\b24 \* 3600\b|\b60 \* 60 \* 24\b/, 'a day in milliseconds'],
  [/\bconst DAY_MS\b/, 'DAY_MS defined again'],
  [/\bfunction dayNumber\b|\bconst dayNumber\b/, 'dayNumber defined again'],
  [/\+08:?00\b|\bUTC\+8\b|\b8 \* 60 \* 60\b|\b8 \* 3600\b/, 'the UTC+8 offset'],
];

/** Day arithmetic and the Beijing offset outside dates.ts. */
export function dayArithmetic(file: string, text: string): Finding[] {
  if (file === DATES_FILE || file === 'scripts/lib/conventions.ts') return [];
  const out: Finding[] = [];
  eachCodeLine(text, (line, n) => {
    for (const [re, what] of DAY_ARITHMETIC) {
      if (re.test(line)) out.push({ file, line: n, rule: 'day-arithmetic', message: `${what}: use a helper of ${DATES_FILE}` });
    }
  });
  return out;
}

/**
 * Dictionary order: the object is a run of blocks, each opened by a comment that is just the area
 * (`// school`); every key of a block starts with `<area>.`; other comments annotate a key; keys are
 * sorted within the block (by code unit, as Array.prototype.sort does).
 */
export function dictionaryOrder(file: string, text: string): Finding[] {
  const out: Finding[] = [];
  let area: string | undefined;
  let previous: string | undefined;
  text.split('\n').forEach((line, i) => {
    const heading = /^ {2}\/\/ ([\w-]+)$/.exec(line.trimEnd());
    if (heading) {
      area = heading[1];
      previous = undefined;
      return;
    }
    const key = /^ {2}'([^']+)':/.exec(line)?.[1];
    if (!key) return;
    const n = i + 1;
    if (!area) out.push({ file, line: n, rule: 'dictionary', message: `key "${key}" is outside an area block (// <area>)` });
    else if (!key.startsWith(`${area}.`)) out.push({ file, line: n, rule: 'dictionary', message: `key "${key}" is in the block of area "${area}"` });
    if (previous !== undefined && key < previous)
      out.push({ file, line: n, rule: 'dictionary', message: `key "${key}" comes before "${previous}": sort keys within a block` });
    previous = key;
  });
  return out;
}

const CJK = '[\\u3400-\\u9fff\\uff00-\\uffef]';
const DISPLAY_COMPARISONS = [
  // t('…') === x, x !== this.#msg('…'): a dictionary string decides
  /[!=]==?\s*(?:this\.)?#?(?:t|msg|message)\(|\b(?:t|msg|message)\([^()]*\)\s*[!=]==?/,
  // x === '日记', '日记' !== x: a Chinese literal decides (an enum value gets a named constant)
  new RegExp(`[!=]==?\\s*(["'\`])[^"'\`]*${CJK}|(["'\`])[^"'\`]*${CJK}[^"'\`]*\\2\\s*[!=]==?`),
];

/** Behaviour decided by comparing display text (a dictionary string or Chinese literal). */
export function displayComparisons(file: string, text: string): Finding[] {
  const out: Finding[] = [];
  eachCodeLine(text, (line, n) => {
    if (DISPLAY_COMPARISONS.some((re) => re.test(line))) {
      out.push({ file, line: n, rule: 'display-text', message: 'display text compared in code: compare a stable id or type field instead' });
    }
  });
  return out;
}

/** Every rule that applies to `file`. */
export function checkFile(file: string, text: string, roots: readonly string[]): Finding[] {
  const findings: Finding[] = [];
  if (file.startsWith('src/')) findings.push(...pathLiterals(file, text, roots), ...displayComparisons(file, text));
  if (file.startsWith('src/') || file.startsWith('scripts/')) findings.push(...dayArithmetic(file, text));
  if (file === DICTIONARY_FILE) findings.push(...dictionaryOrder(file, text));
  return findings;
}

/**
 * The first path segments of the site: each page or endpoint under src/pages (`news`, `rss.xml`,
 * `activities.ics`), each file of public/, and what the build adds (Pagefind, the sitemap index).
 * Dynamic (`[page].astro`) and special (`index`, `404`) routes are left out.
 */
export function siteRoots(pageEntries: readonly string[], publicEntries: readonly string[]): string[] {
  const pages = pageEntries.map((e) => e.replace(/\.(astro|ts|md|mdx)$/, '')).filter((e) => !e.startsWith('[') && e !== 'index' && e !== '404');
  return [...new Set([...pages, ...publicEntries, 'pagefind', 'sitemap-index.xml'])].sort();
}

/** One line per finding: `file:line  rule  message`. */
export function formatFinding(f: Finding): string {
  return `${f.file}:${f.line}  ${f.rule}  ${f.message}`;
}
