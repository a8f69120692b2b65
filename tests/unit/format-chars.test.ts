/**
 * Invisible and bidirectional format characters: bodies lose them when rendered, and the
 * inspection's wording check sees through them (and through full-width forms).
 */
import { markdownToHtml, type MarkdownToHtmlResult } from 'satteri';
import { describe, expect, it } from 'vitest';
import { MARKDOWN_FEATURES, sanitizeEntry } from '../../src/lib/markdown.ts';
import { formatCharLines, formatCharNames, hasFormatChars, normalizeForMatching, stripFormatChars } from '../../src/lib/format-chars.ts';
import { findWording } from '../../src/lib/inspect/inspect-site.ts';

const render = (source: string) => (markdownToHtml(source, { features: MARKDOWN_FEATURES, hastPlugins: [sanitizeEntry] }) as MarkdownToHtmlResult).html;
const ALL = [
  '\u200b',
  '\u200c',
  '\u200d',
  '\u200e',
  '\u200f',
  '\u202a',
  '\u202b',
  '\u202c',
  '\u202d',
  '\u202e',
  '\u2060',
  '\u2061',
  '\u2062',
  '\u2063',
  '\u2064',
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
  '\ufeff',
];

describe('format characters', () => {
  it.each(ALL.map((c) => [`U+${c.codePointAt(0)!.toString(16).toUpperCase()}`, c]))('finds and strips %s', (_, c) => {
    expect(hasFormatChars(`安宁大厦工作站${c}`)).toBe(true);
    expect(stripFormatChars(`安宁${c}大厦`)).toBe('安宁大厦');
  });
  it('leaves ordinary text, including the ideographic space, alone', () => {
    expect(hasFormatChars('安宁大厦　工作站 A-B')).toBe(false);
  });
  it('names the code points and the lines', () => {
    expect(formatCharNames('a\u200bb\u202ec\u200b')).toEqual(['U+200B', 'U+202E']);
    expect(formatCharLines('一\n二\u200b\n三\n四\u2066')).toEqual([2, 4]);
  });
  it('normalises for matching: NFKC and no format characters', () => {
    expect(normalizeForMatching('ＡＢＣ１２３党\u200b建')).toBe('ABC123党建');
  });
});

describe('bodies', () => {
  it('render without format characters, plain prose and sanitised bodies alike', () => {
    const plain = render('零宽\u200b空格与\u202e反转\n');
    expect(plain).toContain('零宽空格与反转');
    expect(hasFormatChars(plain)).toBe(false);
    const marked = render('<b>加\u200b粗</b> 与 [链\u2066接](/news/)\n');
    expect(marked).toContain('<b>加粗</b>');
    expect(hasFormatChars(marked)).toBe(false);
  });
});

describe('the wording check', () => {
  const list = [{ correct: '党建工作站', wrong: ['党建工做站'] }];
  it('finds a wrong phrasing with a zero-width space inside (pasted from WeChat)', () => {
    expect(findWording('第一行\n这是党建工\u200b做站的通知', list)).toEqual([{ line: 2, wrong: '党建工做站', correct: '党建工作站' }]);
  });
  it('finds it in full-width and with a direction mark', () => {
    expect(findWording('\u200f党建工做站', list)).toHaveLength(1);
  });
});
