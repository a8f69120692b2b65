/** Merging entries of several collections into one feed. */

export interface FeedItem {
  title: string;
  /** Site-relative or absolute address. */
  link: string;
  pubDate: Date;
  description: string;
  categories?: string[];
}

/** Feed size: enough for a reader that polls weekly, small enough to stay quick. */
export const FEED_LIMIT = 50;

/** Items of several lists, newest first (ties by link, for stable output), at most `limit`. */
export function mergeFeedItems(lists: readonly (readonly FeedItem[])[], limit: number = FEED_LIMIT): FeedItem[] {
  return lists
    .flat()
    .sort((a, b) => b.pubDate.getTime() - a.pubDate.getTime() || a.link.localeCompare(b.link))
    .slice(0, limit);
}

/**
 * Characters XML 1.0 cannot hold (C0 controls but tab, LF, CR; DEL; lone surrogates; U+FFFE/F).
 * One of them anywhere makes a feed unparsable, so every string is cleaned on its way in.
 */
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** `text` without the characters XML cannot hold. */
export function xmlSafe(text: string): string {
  return text.replace(NOT_XML, '');
}

/** Escapes text for an XML element or attribute value (used for hand-written channel fields). */
export function escapeXml(text: string): string {
  const named: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
  return xmlSafe(text).replace(/[&<>"']/g, (c) => named[c] ?? c);
}

/**
 * Escapes plain text as HTML. An RSS description is HTML to most readers, so plain text is
 * escaped once here (and once more as XML by @astrojs/rss): "<script>" typed in a summary is
 * shown as text by every reader, never run.
 */
export function plainAsHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/**
 * The reader-visible text of rendered (sanitised) HTML, whitespace collapsed, at most `max`
 * characters (an ellipsis marks a cut). Feeds describe a diary entry by this, never by its raw
 * Markdown, which may hold markup the page itself removes.
 */
export function textOfHtml(html: string, max: number): string {
  const text = html
    .replace(/<(script|style|template)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
      if (ref[0] !== '#') return ENTITIES[ref.toLowerCase()] ?? whole;
      const cp = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : '';
    })
    .replace(/\s+/g, ' ')
    .trim();
  const chars = [...text];
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : text;
}

/** A feed item fit for XML: strings cleaned of what XML cannot hold, the description HTML-escaped. */
export function feedSafeItem(item: FeedItem): FeedItem {
  return {
    ...item,
    title: xmlSafe(item.title),
    link: xmlSafe(item.link),
    description: plainAsHtml(xmlSafe(item.description)),
    ...(item.categories ? { categories: item.categories.map(xmlSafe) } : {}),
  };
}
