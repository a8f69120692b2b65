/**
 * The validator and the build split front matter the same way: one corpus of edge cases runs
 * through our splitFrontMatter and through Astro's own parseFrontmatter (the content layer's),
 * and a header the validator accepts gives the build the same YAML and the same body.
 */
import { extractFrontmatter, parseFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { bodyOf, splitFrontMatter } from '../../src/lib/front-matter.ts';

const CORPUS: [string, string][] = [
  ['a plain header', '---\ntitle: 甲\n---\n正文\n'],
  ['Windows line ends', '---\r\ntitle: 甲\r\n---\r\n正文'],
  ['a byte-order mark', '\uFEFF---\ntitle: 甲\n---\n正文'],
  ['an empty header', '---\n---\n正文'],
  ['a header at the end of the file', '---\ntitle: 甲\n---'],
  ['a horizontal rule in the body', '---\na: 1\n---\n上文\n---\n下文'],
  ['blank lines before the header', '\n\n---\na: 1\n---\n正文'],
  ['dashes followed by text on the first line', '---x\na: 1\n---\n'],
  ['a closing line with text after ---', '---\na: 1\n---- 多余\n正文'],
  ['a string holding a line that starts with +++', '---\ntitle: "标题\n+++ 第二行"\n---\n正文'],
  ['a string holding a line that starts with ---', '---\ntitle: "标题\n---第二行"\nsummary: 乙\n---\n正文'],
  ['a TOML header', '+++\ntitle = "甲"\n+++\n正文'],
  ['mixed delimiters', '---\ntitle: 甲\n+++\n正文'],
  ['an indented --- inside a block scalar', '---\nsummary: |\n  ---\n  乙\n---\n正文'],
  ['four dashes closing', '---\na: 1\n----\n正文'],
  ['a closing --- followed by spaces', '---\na: 1\n---   \n正文'],
];

const NO_HEADER: [string, string][] = [
  ['no header', '正文'],
  ['an unclosed header', '---\ntitle: 甲\n正文'],
  ['text before the header', '正文\n---\na: 1\n---\n'],
];

describe('splitFrontMatter and Astro split the same corpus the same way', () => {
  it.each(CORPUS)('%s', (_, text) => {
    const ours = splitFrontMatter(text);
    expect(ours).toBeDefined();
    // Astro's parser receives exactly the YAML text the validator checks.
    expect(ours!.yaml).toBe(extractFrontmatter(text));
    if (ours!.problem) return;
    const astro = parseFrontmatter(text, { frontmatter: 'remove' });
    // Accepted: the build reads the same data and the same body (after the closing line's end).
    expect(yaml.load(ours!.yaml) ?? {}).toEqual(astro.frontmatter);
    const astroBody = astro.content.replace(/^\uFEFF?\s*?\n?(?=\S|$)/, '').replace(/^\r?\n/, '');
    expect(ours!.body.trim()).toBe(astroBody.trim());
  });

  it.each(NO_HEADER)('%s: neither finds a header', (_, text) => {
    expect(splitFrontMatter(text)).toBeUndefined();
    expect(parseFrontmatter(text).rawFrontmatter).toBe('');
  });

  it('refuses what the build would misread, naming the line', () => {
    const problem = (text: string) => splitFrontMatter(text)?.problem;
    expect(problem('---\ntitle: "标题\n+++ 第二行"\n---\n')).toMatch(/第 3 行被以 \+\+\+ 开头的一行提前结束/);
    expect(problem('+++\ntitle = "甲"\n+++\n')).toMatch(/不接受 \+\+\+/);
    expect(problem('---\na: 1\n---- 多余\n')).toMatch(/第 3 行.*后面还有文字/);
    expect(problem('---x\na: 1\n---\n')).toMatch(/第一行/);
    expect(problem('---\na: 1\n---\n正文')).toBeUndefined();
    expect(problem('---\na: 1\n---   \n正文')).toBeUndefined();
  });
});

describe('bodyOf', () => {
  it('drops the header', () => expect(bodyOf('---\na: 1\n---\n正文')).toBe('正文'));
  it('keeps a text without a header whole', () => expect(bodyOf('正文')).toBe('正文'));
  it('keeps a horizontal rule in the body', () => expect(bodyOf('---\na: 1\n---\n上文\n---\n下文')).toBe('上文\n---\n下文'));
});
