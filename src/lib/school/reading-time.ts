/**
 * Reading time for Chinese text. Han characters are read at about 350 a minute (studies of
 * adult Chinese readers give 300–400); Latin words and numbers count as 200 a minute.
 */

/** Han characters read per minute by an adult reader. */
export const CHARS_PER_MINUTE = 350;
/** Latin words (and numbers) read per minute. */
export const WORDS_PER_MINUTE = 200;

const HAN = /\p{Script=Han}/gu;
const WORD = /[A-Za-z0-9]+(?:['’.-][A-Za-z0-9]+)*/g;

/** Strips the parts of Markdown a reader never reads: link targets, HTML tags, code fences. */
function readableText(markdown: string): string {
  return markdown
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/\]\([^)]*\)/g, ']')
    .replace(/<[^>]+>/g, ' ');
}

/** Counts Han characters and Latin words in a Markdown body. */
export function countReadable(markdown: string): { han: number; words: number } {
  const text = readableText(markdown);
  const han = text.match(HAN)?.length ?? 0;
  const words = text.replace(HAN, ' ').match(WORD)?.length ?? 0;
  return { han, words };
}

/** Whole minutes to read a Markdown body: at least 1 for any text, 0 for none. */
export function readingMinutes(markdown: string, charsPerMinute = CHARS_PER_MINUTE): number {
  const { han, words } = countReadable(markdown);
  if (han === 0 && words === 0) return 0;
  return Math.max(1, Math.ceil(han / charsPerMinute + words / WORDS_PER_MINUTE));
}
