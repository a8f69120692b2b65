/**
 * Pagefind returns an excerpt as HTML: escaped page text with <mark> around the matches. To
 * show it without innerHTML (so page text can never become markup), it is split into text
 * pieces, each flagged as marked or not, and the page builds text nodes and <mark> elements.
 */
export interface ExcerptPiece {
  text: string;
  mark: boolean;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const cp = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : whole;
    }
    return ENTITIES[ref.toLowerCase()] ?? whole;
  });
}

/** Splits an excerpt into plain-text pieces; any tag other than <mark> is dropped as text. */
export function excerptPieces(excerpt: string): ExcerptPiece[] {
  const pieces: ExcerptPiece[] = [];
  let mark = false;
  for (const part of excerpt.split(/(<\/?mark>)/i)) {
    if (/^<mark>$/i.test(part)) mark = true;
    else if (/^<\/mark>$/i.test(part)) mark = false;
    else if (part) pieces.push({ text: decode(part.replace(/<[^>]*>/g, '')), mark });
  }
  return pieces;
}
