/**
 * Finds paragraphs that appear more than once across the content: a stock sentence pasted into
 * eight news items, or the same paragraph twice in one article, reads as filler. The content
 * check reports each as a warning (not an error) naming both files.
 */

/** Paragraphs shorter than this (in characters, not bytes) are set phrases, not repetition. */
export const MIN_REPEATED_CHARS = 40;

export interface SourceText {
  file: string;
  /** The Markdown body (front matter removed). */
  body: string;
}

export interface Repetition {
  /** The paragraph as first written (whitespace collapsed). */
  paragraph: string;
  /** Where it first appears. */
  first: string;
  /** Where it appears again (may be the same file). */
  again: string;
}

/** A Markdown body's paragraphs: blocks between blank lines, whitespace collapsed, headings and fences left out. */
export function paragraphs(body: string): string[] {
  return body
    .split(/\r?\n\s*\r?\n/)
    .map((block) => block.replace(/\s+/g, ' ').trim())
    .filter((p) => p !== '' && !p.startsWith('#') && !p.startsWith('```'));
}

/** Every later occurrence of a paragraph of at least `min` characters, with the file it first appeared in. */
export function repeatedParagraphs(texts: readonly SourceText[], min: number = MIN_REPEATED_CHARS): Repetition[] {
  const firstSeen = new Map<string, string>();
  const found: Repetition[] = [];
  for (const { file, body } of texts) {
    for (const paragraph of paragraphs(body)) {
      if ([...paragraph].length < min) continue;
      const first = firstSeen.get(paragraph);
      if (first === undefined) firstSeen.set(paragraph, file);
      else found.push({ paragraph, first, again: file });
    }
  }
  return found;
}
