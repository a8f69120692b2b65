/**
 * How a browser reads a URL's scheme, for describing script-capable addresses: javascript:,
 * vbscript:, data:, however they are spelled (mixed case, entities, tabs); the tests detect them
 * with tests/support/unsafe-url.ts. The content validator does not match patterns itself: it
 * reports what the sanitiser removes (src/lib/sanitize-report.ts) and uses these helpers only to
 * word the message.
 */
const NAMED_ENTITIES: Record<string, string> = {
  colon: ':',
  tab: '\t',
  newline: '\n',
  lt: '<',
  gt: '>',
  amp: '&',
  quot: '"',
  apos: "'",
  sol: '/',
  lpar: '(',
  rpar: ')',
  period: '.',
  comma: ',',
  semi: ';',
  nbsp: ' ',
  excl: '!',
  num: '#',
};

/** Decodes the character references a browser (or a Markdown parser) decodes in an attribute. */
export function decodeEntities(value: string): string {
  return value
    .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => safeFromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);?/g, (_, dec: string) => safeFromCodePoint(parseInt(dec, 10)))
    .replace(/&([a-z]+);/gi, (whole, name: string) => NAMED_ENTITIES[name.toLowerCase()] ?? whole);
}

function safeFromCodePoint(cp: number): string {
  return Number.isFinite(cp) && cp >= 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : '\uFFFD';
}

/**
 * The scheme of a URL as a browser would resolve it (entities decoded, control characters and
 * whitespace removed, lower case), or undefined for a relative address.
 */
export function urlScheme(raw: string): string | undefined {
  // Browsers drop tabs and newlines anywhere in a URL and trim C0 controls and spaces.
  const cleaned = decodeEntities(raw)
    .replace(/[\u0000-\u0020\u007f-\u009f\u200b-\u200d\ufeff]/g, '')
    .toLowerCase();
  return /^([a-z][a-z0-9+.-]*):/.exec(cleaned)?.[1];
}
