/**
 * The one front-matter reader: splits a Markdown entry into its YAML header and its body. The
 * validator, the bench generator and the tests all read entries through it.
 *
 * It splits exactly as Astro's build does (@astrojs/internal-helpers' `parseFrontmatter`, used by
 * the content layer): the header may follow blank lines or a byte-order mark, opens with `---`
 * (or `+++`, TOML), and ends at the FIRST later line that starts with `---` or `+++`, whatever
 * follows on that line. Splitting any other way lets the validator pass a file that the build
 * then reads differently (tests/unit/front-matter.test.ts runs one corpus through both).
 * `problem` says why a split the build would accept is still refused: a TOML header, delimiters
 * that differ, or text after the closing delimiter.
 */

/** Astro's own expression (internal-helpers/frontmatter.js), kept in step by the test. */
const FRONT_MATTER_RE = /(?:^\uFEFF?|^\s*\n)(---|\+\+\+)([\s\S]*?\n)(---|\+\+\+)/;

export interface FrontMatterParts {
  /** The header text between the delimiters, as the build's YAML parser receives it. */
  yaml: string;
  /** The body after the closing delimiter (and its line end). */
  body: string;
  /** Why the header is refused although the build would read it; undefined when it is fine. */
  problem?: string;
  /** 1-based line of the closing delimiter. */
  closingLine: number;
}

/** The header and body of `text`; undefined when the text has no header. */
export function splitFrontMatter(text: string): FrontMatterParts | undefined {
  const match = FRONT_MATTER_RE.exec(text);
  if (!match) return undefined;
  const [whole, open = '---', yaml = '', close = '---'] = match;
  const rest = text.slice(match.index + whole.length);
  const lineEnd = /^[^\n]*(?:\n|$)/.exec(rest)?.[0] ?? '';
  const trailing = lineEnd.replace(/\r?\n$/, '');
  const closingLine = text.slice(0, match.index + whole.length).split('\n').length;
  const opening = /^[^\n]*/.exec(yaml)?.[0]?.replace(/\r$/, '') ?? '';
  let problem: string | undefined;
  if (open !== '---') problem = '文件头应以 --- 开头（不接受 +++ 开头的 TOML 文件头）';
  else if (opening.trim() !== '') problem = `文件头第一行的 --- 后面还有文字“${opening.slice(0, 20)}”`;
  else if (close !== '---') problem = `文件头在第 ${closingLine} 行被以 +++ 开头的一行提前结束；请删除这一行开头的 +++，或把它写在引号里的同一行`;
  else if (trailing.trim() !== '') problem = `文件头在第 ${closingLine} 行以 --- 开头的一行结束，但这一行的 --- 后面还有文字“${trailing.slice(0, 20)}”`;
  return { yaml, body: trailing.trim() === '' ? rest.slice(lineEnd.length) : rest, problem, closingLine };
}

/** The body of a Markdown entry: the text after its header, or all of it when it has none. */
export function bodyOf(text: string): string {
  return splitFrontMatter(text)?.body ?? text;
}
