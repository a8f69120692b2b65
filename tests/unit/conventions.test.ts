import { describe, expect, it } from 'vitest';
import { checkFile, dayArithmetic, dictionaryOrder, displayComparisons, pathLiterals, siteRoots } from '../../scripts/lib/conventions.ts';

const roots = siteRoots(['school', 'search', 'rss.xml.ts', '[page].astro', 'index.astro', '404.astro'], ['favicon.svg']);

describe('siteRoots: the first segments of the site', () => {
  it('takes pages, endpoints, public files and what the build adds, not dynamic or special routes', () =>
    expect(roots).toEqual(['favicon.svg', 'pagefind', 'rss.xml', 'school', 'search', 'sitemap-index.xml']));
});

describe('pathLiterals: site addresses are built in publishing.ts only', () => {
  it.each([
    ['a quoted section root', `const a = '/school/';`, 1],
    ['an attribute', `<a href="/search/">`, 1],
    ['a template literal', 'const a = `/school/${course}/`;', 1],
    ['a feed file', `href="/rss.xml"`, 1],
    ['a hand-built page number', 'const next = `${base}page/${n}/`;', 1],
    ['an unrelated path', `const a = '/tmp/x';`, 0],
    ['a word that merely starts like a root', `const a = '/schools';`, 0],
    ['a comment', ` * Lives at '/school/'.`, 0],
  ])('%s', (_, line, count) => expect(pathLiterals('src/pages/x.astro', line, roots)).toHaveLength(count));

  it('publishing.ts itself may spell them out', () => expect(pathLiterals('src/lib/publishing.ts', `'/school/'`, roots)).toEqual([]));
  it('names file, line and rule', () =>
    expect(pathLiterals('src/a.ts', `\nconst a = '/school/';`, roots)[0]).toMatchObject({ file: 'src/a.ts', line: 2, rule: 'path-literal' }));
});

describe('dayArithmetic: days and the UTC+8 offset live in dates.ts', () => {
  it.each([
    ['a day in milliseconds', 'const x = 86_400_000;', true],
    ['a day as a product', 'const x = 24 * 60 * 60 * 1000;', true],
    ['DAY_MS defined again', 'const DAY_MS = ONE_DAY;', true],
    ['dayNumber defined again', 'function dayNumber(d: string) {}', true],
    ['a hard-coded offset', 'new Date(`${day}T12:00:00+08:00`)', true],
    ['a call of the shared helper', 'const n = dayNumber(day);', false],
  ])('%s', (_, line, found) => expect(dayArithmetic('src/lib/x.ts', line).length > 0).toBe(found));

  it('dates.ts may do it', () => expect(dayArithmetic('src/lib/dates.ts', 'const DAY_MS = 24 * 60 * 60 * 1000;')).toEqual([]));
});

describe('dictionaryOrder: one block per area, keys sorted within it', () => {
  const dict = (body: string) => `export const zhCN = {\n${body}\n} as const;\n`;
  it('accepts sorted keys under their area', () =>
    expect(dictionaryOrder('d.ts', dict(`  // nav\n  'nav.a': 'A',\n  'nav.b': 'B',\n\n  // site\n  'site.a': 'A',`))).toEqual([]));
  it('a longer comment annotates a key and opens no block', () =>
    expect(dictionaryOrder('d.ts', dict(`  // list\n  'list.a': 'A',\n  // Left out of the page links.\n  'list.b': 'B',`))).toEqual([]));
  it('finds a key out of order', () => expect(dictionaryOrder('d.ts', dict(`  // nav\n  'nav.b': 'B',\n  'nav.a': 'A',`)).map((f) => f.line)).toEqual([4]));
  it('finds a key in another area’s block', () => expect(dictionaryOrder('d.ts', dict(`  // nav\n  'site.a': 'A',`))).toHaveLength(1));
  it('finds a key outside any block', () => expect(dictionaryOrder('d.ts', dict(`  'site.a': 'A',`))).toHaveLength(1));
});

describe('displayComparisons: behaviour never hangs on display text', () => {
  it.each([
    ['a dictionary string', `if (label === t('search.type.diary')) {}`, true],
    ['a message read in a script', `const many = d.meta.type === this.#msg('search.type.diary');`, true],
    ['a Chinese literal', `kind === '独立' ? a : b`, true],
    ['a Chinese literal on the left', `'日记' !== label`, true],
    ['a stable key', `d.meta.section === 'diary'`, false],
    ['a check that a page shows a label', `text.includes('主办单位')`, false],
  ])('%s', (_, line, found) => expect(displayComparisons('src/x.ts', line).length > 0).toBe(found));
});

describe('checkFile applies each rule where it belongs', () => {
  it('checks day arithmetic in scripts but not path literals', () => {
    const rules = checkFile('scripts/x.ts', `const a = '/school/'; const b = 86_400_000;`, roots).map((f) => f.rule);
    expect(rules).toEqual(['day-arithmetic']);
  });
  it('checks nothing in tests', () => expect(checkFile('tests/x.ts', `'/school/' + 86_400_000`, roots)).toEqual([]));
});
