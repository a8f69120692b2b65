/**
 * The one front-matter reader: splits a Markdown entry into its YAML header and its body. The
 * validator, the bench generator and the tests all read entries through it, so a byte-order mark,
 * Windows line ends or an empty header are handled the same everywhere.
 */

/** `---`, the YAML text (possibly empty), `---`, then the line end (or the end of the file). */
const FRONT_MATTER_RE = /^\uFEFF?---\r?\n([\s\S]*?\r?\n)?---(?:\r?\n|$)/;

/** The YAML text of the header and the body after it; undefined when the text has no header. */
export function splitFrontMatter(text: string): { yaml: string; body: string } | undefined {
  const match = FRONT_MATTER_RE.exec(text);
  if (!match) return undefined;
  return { yaml: match[1] ?? '', body: text.slice(match[0].length) };
}

/** The body of a Markdown entry: the text after its header, or all of it when it has none. */
export function bodyOf(text: string): string {
  return splitFrontMatter(text)?.body ?? text;
}
