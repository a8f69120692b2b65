import { describe, expect, it } from 'vitest';
import { CHARS_PER_MINUTE, countReadable, readingMinutes } from '../../src/lib/school/reading-time.ts';

describe('countReadable', () => {
  it.each([
    ['Han characters, not punctuation', '工作站，服务企业。', { han: 7, words: 0 }],
    ['Latin words and numbers between Han text', '学习 Astro 框架 2026 年', { han: 5, words: 2 }],
    ['link text but not its target', '见[工作站](/stations/lingxiu/)', { han: 4, words: 0 }],
    ['no HTML tags', '<strong>重点</strong>', { han: 2, words: 0 }],
    ['nothing in empty text', '', { han: 0, words: 0 }],
  ])('counts %s', (_name, text, expected) => expect(countReadable(text)).toEqual(expected));
});

describe('readingMinutes', () => {
  const han = (n: number) => '党'.repeat(n);
  it('reads about 350 characters a minute', () => expect(CHARS_PER_MINUTE).toBeGreaterThanOrEqual(300));
  it.each([
    [0, 0],
    [1, 1],
    [350, 1],
    [351, 2],
    [700, 2],
    [1800, 6],
  ])('%i characters take %i minute(s)', (n, minutes) => expect(readingMinutes(han(n))).toBe(minutes));
  it('accepts another reading speed', () => expect(readingMinutes(han(600), 300)).toBe(2));
  it('adds Latin words at 200 a minute', () => expect(readingMinutes(`${han(350)} ${'word '.repeat(200)}`)).toBe(2));
});
