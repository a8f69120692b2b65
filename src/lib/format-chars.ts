/**
 * Invisible and bidirectional Unicode "format" characters: zero-width spaces and joiners
 * (U+200B–U+200D), direction marks and embeddings/overrides (U+200E–U+200F, U+202A–U+202E),
 * word joiner and invisible operators (U+2060–U+2064), direction isolates (U+2066–U+2069) and
 * the byte-order mark used as a zero-width no-break space (U+FEFF). Text pasted from chat apps
 * carries them; they hide a word from a rule (`安宁大厦工作站\u200b` is not a name ending in
 * 工作站) or reverse what a reader sees (U+202E in a title). Front matter refuses them; bodies
 * have them removed with a warning; text matching (the inspection's wording check) ignores them.
 */

/** One format character (no flags: callers add `g` where they need every one). */
export const FORMAT_CHAR_SOURCE = '[\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u2064\\u2066-\\u2069\\uFEFF]';
const FORMAT_CHAR = new RegExp(FORMAT_CHAR_SOURCE);
const FORMAT_CHARS = new RegExp(FORMAT_CHAR_SOURCE, 'g');

export function hasFormatChars(text: string): boolean {
  return FORMAT_CHAR.test(text);
}

/** `text` without any format character. */
export function stripFormatChars(text: string): string {
  return text.replace(FORMAT_CHARS, '');
}

/** The code points found, as `U+200B` names, without duplicates. */
export function formatCharNames(text: string): string[] {
  return [...new Set(text.match(FORMAT_CHARS) ?? [])].map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`);
}

/** 1-based numbers of the lines of `text` holding a format character. */
export function formatCharLines(text: string): number[] {
  const lines: number[] = [];
  text.split('\n').forEach((line, i) => {
    if (FORMAT_CHAR.test(line)) lines.push(i + 1);
  });
  return lines;
}

/** Text as a matcher should compare it: NFKC (full-width forms folded) and format characters removed. */
export function normalizeForMatching(text: string): string {
  return stripFormatChars(text.normalize('NFKC'));
}
