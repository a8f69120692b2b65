/**
 * Pure helpers for the sharded search indexer (search-indexer.node.ts): which built pages
 * Pagefind indexes and into which shard, and the cache key of a shard. Node only (hashing).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { isNamedShard, shardOf } from './search-shards.ts';
import { fileStamp } from '../file-stamp.node.ts';
import { sha256 } from '../file-digests.node.ts';

export { sha256 };

/** The result URL Pagefind would give a file: `news/x/index.html` → `/news/x/`. */
export function pageUrl(file: string): string {
  const url = `/${file.replace(/\\/g, '/')}`;
  return url.endsWith('/index.html') ? url.slice(0, -'index.html'.length) : url;
}

/** ASCII whitespace, as HTML separates attributes with it. */
const isSpace = (byte: number | undefined) => byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0c || byte === 0x0d;

/** The value of the first `data-pagefind-<kind>="<key>:…"` attribute, or undefined. */
function attribute(page: Buffer, kind: string, key: string): string | undefined {
  const start = `data-pagefind-${kind}="${key}:`;
  const at = page.indexOf(start);
  if (at < 0) return undefined;
  const from = at + Buffer.byteLength(start);
  const end = page.indexOf(0x22, from);
  return end < 0 ? undefined : page.toString('utf8', from, end);
}

/** Whether an element of the page carries `data-pagefind-body` (what makes Pagefind index it). */
function hasBody(page: Buffer): boolean {
  const marker = 'data-pagefind-body';
  for (let at = page.indexOf(marker); at >= 0; at = page.indexOf(marker, at + 1)) {
    const after = page[at + marker.length];
    if (isSpace(page[at - 1]) && (isSpace(after) || after === 0x3d || after === 0x3e)) return true;
  }
  return false;
}

/**
 * The shard of a built page, or undefined when Pagefind would not index it (only pages with a
 * `data-pagefind-body` element are indexed on this site). Reads the page's own date sort key
 * (`data-pagefind-sort="date:…"`) or, failing that, its year filter; an undated page's named
 * shard from `data-pagefind-meta="shard:…"`.
 *
 * Works on the file's bytes: every page of the site is read on every build to find what changed,
 * and at 60,000 entries decoding 3 GB of HTML into strings took most of that scan.
 */
export function pageShard(html: string | Buffer, months = 12): string | undefined {
  const page = typeof html === 'string' ? Buffer.from(html) : html;
  if (!hasBody(page)) return undefined;
  return shardOf({ sortdate: attribute(page, 'sort', 'date'), year: attribute(page, 'filter', 'year'), shard: attribute(page, 'meta', 'shard') }, months);
}

/** Pages of a built site to scan. */
export interface ScanJob {
  site: string;
  /** Paths inside the site folder, forward slashes. */
  files: string[];
  months: number;
  /** What an earlier scan found, by path (see file-stamp.node.ts); a page whose stamp matches is not read. */
  known?: Record<string, KnownPage> | undefined;
}

/** One scanned page: its shard (undefined when Pagefind does not index it) and content hash. */
export interface ScannedPage {
  file: string;
  shard: string | undefined;
  hash: string | undefined;
  /** The type filter of a page in a named shard (the manifest lists them, for type-filtered searches). */
  type?: string | undefined;
  /** The file's stamp when it was read (see file-stamp.node.ts); undefined when it had just changed. */
  stamp?: string | undefined;
}

/** What the scan cache keeps of a page: its stamp, shard, hash and type (null for none: the cache is JSON). */
export type KnownPage = [stamp: string, shard: string | null, hash: string | null, type: string | null];

/**
 * Gives each page's shard and, for pages Pagefind indexes, its hash: from `known` when the
 * file's stamp is unchanged, otherwise by reading it as bytes.
 */
export function scanFiles({ site, files, months, known }: ScanJob): ScannedPage[] {
  return files.map((file) => {
    const full = path.join(site, file);
    const stamp = known ? fileStamp(full) : undefined;
    const before = known?.[file];
    if (before && stamp !== undefined && before[0] === stamp) {
      const page: ScannedPage = { file, shard: before[1] ?? undefined, hash: before[2] ?? undefined, stamp };
      if (before[3] !== null) page.type = before[3];
      return page;
    }
    const html = readFileSync(full);
    const shard = pageShard(html, months);
    const scanned: ScannedPage = { file, shard, hash: shard === undefined ? undefined : sha256(html), stamp };
    if (isNamedShard(shard)) scanned.type = attribute(html, 'filter', 'type');
    return scanned;
  });
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
