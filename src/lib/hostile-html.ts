/**
 * Finds raw HTML and link targets in a Markdown body that must not reach a page: elements
 * outside the allowed set, event-handler and style attributes, and script-capable URLs
 * (javascript:, vbscript:, data:, …), however they are spelled (mixed case, entities, tabs).
 *
 * It reads the Markdown source as written, comments and code included, so it errs on the side
 * of refusing: an editor can always rephrase. Rendering sanitises as well, so this is the layer
 * that explains, not the only layer that protects.
 */
import { SAFE_SCHEMES } from './sanitize-schema.ts';

/** Attributes whose value is a URL (or a list of them, for srcset). */
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'poster', 'background', 'data', 'cite', 'longdesc', 'lowsrc', 'dynsrc', 'srcset', 'ping', 'manifest', 'codebase', 'archive', 'icon', 'profile', 'usemap']);

/** Attributes refused whatever their value. */
const BANNED_ATTRIBUTES = new Map([
  ['style', 'style 样式属性'],
  ['srcdoc', 'srcdoc 属性'],
  ['http-equiv', 'http-equiv 属性'],
  ['formaction', 'formaction 属性'],
]);

const NAMED_ENTITIES: Record<string, string> = {
  colon: ':', tab: '\t', newline: '\n', lt: '<', gt: '>', amp: '&', quot: '"', apos: "'",
  sol: '/', lpar: '(', rpar: ')', period: '.', comma: ',', semi: ';', nbsp: ' ', excl: '!', num: '#',
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
  const cleaned = decodeEntities(raw).replace(/[\u0000-\u0020\u007f-\u009f\u200b-\u200d\ufeff]/g, '').toLowerCase();
  return /^([a-z][a-z0-9+.-]*):/.exec(cleaned)?.[1];
}

/** True when a URL would run script or smuggle a document: any scheme but http(s), mailto, tel. */
export function isUnsafeUrl(raw: string): boolean {
  const scheme = urlScheme(raw);
  return scheme !== undefined && !(SAFE_SCHEMES as readonly string[]).includes(scheme);
}

const TAG_RE = /<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)([^>]*)>?/g;
const ATTR_RE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;
const AUTOLINK_RE = /<([a-zA-Z][a-zA-Z0-9+.-]{1,31}:[^\s<>]*)>/g;
const INLINE_LINK_RE = /\]\(\s*(?:<([^>\n]*)>|([^\s)]+))/g;
const REFERENCE_RE = /^[ \t]{0,3}\[[^\]\n]+\]:[ \t]*(?:<([^>\n]*)>|(\S+))/gm;

/**
 * Describes, in Chinese and without duplicates, everything unsafe in a Markdown body; an empty
 * list means the body is fine. `allowedTags` is the set the renderer keeps (lower case).
 */
export function findHostileHtml(body: string, allowedTags: ReadonlySet<string>): string[] {
  const found = new Set<string>();
  const url = (value: string, where: string) => {
    if (isUnsafeUrl(value)) found.add(`${where}使用了不安全的“${urlScheme(value)}:”地址`);
  };

  // Autolinks first: <javascript:alert(1)> is a link in Markdown, not a tag.
  const withoutAutolinks = body.replace(AUTOLINK_RE, (_, target: string) => {
    url(target, '自动链接');
    return ' ';
  });

  for (const match of withoutAutolinks.matchAll(TAG_RE)) {
    const [, closing, rawName = '', attrs = ''] = match;
    const name = rawName.toLowerCase();
    if (!allowedTags.has(name)) found.add(`不允许的 HTML 标签 <${name}>`);
    if (closing) continue;
    for (const attr of attrs.matchAll(ATTR_RE)) {
      const attrName = (attr[1] ?? '').toLowerCase();
      const value = attr[2] ?? attr[3] ?? attr[4] ?? '';
      if (attrName.startsWith('on')) found.add(`事件属性 ${attrName}（会执行脚本）`);
      const banned = BANNED_ATTRIBUTES.get(attrName);
      if (banned) found.add(banned);
      if (attrName === 'srcset') for (const candidate of value.split(',')) url(candidate.trim().split(/\s+/)[0] ?? '', `<${name}> 的 ${attrName} `);
      else if (URL_ATTRIBUTES.has(attrName)) url(value, `<${name}> 的 ${attrName} `);
    }
  }

  for (const match of body.matchAll(INLINE_LINK_RE)) url(match[1] ?? match[2] ?? '', '链接或图片');
  for (const match of body.matchAll(REFERENCE_RE)) url(match[1] ?? match[2] ?? '', '链接定义');

  // Last net: a script scheme anywhere, e.g. split by entities or line breaks in odd places.
  const flat = decodeEntities(body).replace(/[\u0000-\u0020]/g, '').toLowerCase();
  const scheme = /(javascript|vbscript|livescript|mocha):/.exec(flat)?.[1];
  if (scheme && ![...found].some((f) => f.includes(`“${scheme}:”`))) found.add(`正文中出现“${scheme}:”脚本地址`);

  return [...found];
}
