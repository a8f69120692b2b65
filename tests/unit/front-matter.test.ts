import { describe, expect, it } from 'vitest';
import { bodyOf, splitFrontMatter } from '../../src/lib/front-matter.ts';

describe('splitFrontMatter', () => {
  it.each([
    ['a plain header', '---\ntitle: 甲\n---\n正文\n', { yaml: 'title: 甲\n', body: '正文\n' }],
    ['Windows line ends', '---\r\ntitle: 甲\r\n---\r\n正文', { yaml: 'title: 甲\r\n', body: '正文' }],
    ['a byte-order mark', '\uFEFF---\ntitle: 甲\n---\n正文', { yaml: 'title: 甲\n', body: '正文' }],
    ['an empty header', '---\n---\n正文', { yaml: '', body: '正文' }],
    ['a header at the end of the file', '---\ntitle: 甲\n---', { yaml: 'title: 甲\n', body: '' }],
    ['a horizontal rule in the body', '---\na: 1\n---\n上文\n---\n下文', { yaml: 'a: 1\n', body: '上文\n---\n下文' }],
  ])('%s', (_, text, expected) => expect(splitFrontMatter(text)).toEqual(expected));

  it.each([
    ['no header', '正文'],
    ['an unclosed header', '---\ntitle: 甲\n正文'],
    ['a header not at the start', '\n---\na: 1\n---\n'],
    ['dashes followed by text', '---x\na: 1\n---\n'],
  ])('is undefined for %s', (_, text) => expect(splitFrontMatter(text)).toBeUndefined());
});

describe('bodyOf', () => {
  it('drops the header', () => expect(bodyOf('---\na: 1\n---\n正文')).toBe('正文'));
  it('keeps a text without a header whole', () => expect(bodyOf('正文')).toBe('正文'));
});
