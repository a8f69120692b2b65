/**
 * Pure helpers for the sharded search indexer (scripts/search-index.ts): which built pages
 * Pagefind indexes and into which shard, and the cache key of a shard. Node only (hashing).
 */
import { createHash } from 'node:crypto';
import { shardOf } from './search-shards.ts';

/** A built HTML file as the indexer sees it. */
export interface BuiltPage {
  /** Path inside the site folder, with forward slashes (`news/x/index.html`). */
  file: string;
  html: string;
}

/** The result URL Pagefind would give a file: `news/x/index.html` → `/news/x/`. */
export function pageUrl(file: string): string {
  const url = `/${file.replace(/\\/g, '/')}`;
  return url.endsWith('/index.html') ? url.slice(0, -'index.html'.length) : url;
}

const attribute = (html: string, kind: string, key: string): string | undefined =>
  new RegExp(`data-pagefind-${kind}="${key}:([^"]*)"`).exec(html)?.[1];

/**
 * The shard of a built page, or undefined when Pagefind would not index it (only pages with a
 * `data-pagefind-body` element are indexed on this site). Reads the page's own date sort key
 * (`data-pagefind-sort="date:…"`) or, failing that, its year filter.
 */
export function pageShard(html: string, months = 12): string | undefined {
  if (!/\sdata-pagefind-body[\s=>]/.test(html)) return undefined;
  return shardOf({ sortdate: attribute(html, 'sort', 'date'), year: attribute(html, 'filter', 'year') }, months);
}

/** SHA-256 of a text, hex. */
export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * The cache key of a shard: a hash over its pages' addresses and content hashes (in address
 * order, so the order files were found in does not matter) and `salt` (the indexer's version and
 * settings). Any change to any page of the shard, or a page added or removed, changes the key.
 */
export function shardCacheKey(pages: readonly { url: string; hash: string }[], salt: string): string {
  const lines = pages.map((p) => `${p.url}\t${p.hash}`).sort();
  return sha256(`${salt}\n${lines.join('\n')}`).slice(0, 32);
}
