/**
 * Writes .gz and .br next to every compressible file of a built site, so the web server sends
 * them as they are (nginx `gzip_static` / `brotli_static`) instead of compressing per request.
 * A copy is kept only when it is clearly smaller: Pagefind's index files are compressed already.
 *
 * Compressed copies are kept in a cache keyed by the hash of the file's bytes (as the search
 * index keeps its shards): a file whose bytes did not change since the previous build gets its
 * .gz/.br hard-linked from the cache instead of compressed again. At 10,000 entries brotli 11 +
 * gzip 9 over every file took 191 s of a 250 s build, the same again after a one-entry edit.
 *
 *   node scripts/precompress.ts [dir]     (default dist/); scripts/build.ts runs it after Pagefind
 *
 * Environment: PRECOMPRESS_CACHE (cache folder, default .tmp/precompress-cache; `off` disables
 * it). The cache holds what the last run used: entries no file of this run needed are deleted.
 */
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { copyFile, link, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { walkFiles } from './site-files.ts';
import { FileDigests, sha256 } from '../src/lib/file-digests.node.ts';

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

/** Extensions worth compressing (text formats, WebAssembly and Pagefind's files). */
export const COMPRESSIBLE = /\.(html|css|js|mjs|json|xml|ics|svg|txt|webmanifest|wasm|yml|csv|pagefind|pf_meta|pf_index|pf_fragment)$/;
/** Below this size a compressed copy saves less than a network packet. */
const MIN_SIZE = 1024;
/** Above this size brotli runs at quality 9: quality 11 costs several times more for a few per cent. */
const LARGE_FILE = 100_000;
/**
 * Pages (there are tens of thousands) run at brotli quality 10; stylesheets, scripts and the rest
 * at 11. Measured on the demo's 459 pages (8.1 MB): quality 11 took 2.4 times as long as 10 for
 * 1.8 % smaller files (9: 8 % larger). A settings change makes every page new, so its
 * precompression is a cold one.
 */
const PAGE = /\.html$/;
/** Bump when the compression settings change: every cached copy is then made again. */
const FORMAT = 3;
const ENCODINGS = ['gz', 'br'] as const;
type Encoding = (typeof ENCODINGS)[number];

export interface PrecompressOptions {
  /** Cache folder, or undefined for no cache. */
  cacheDir?: string | undefined;
  /** Digests of files seen before (not read again when unchanged); by default none are known. */
  digests?: FileDigests | undefined;
}

export interface PrecompressReport {
  /** Files eligible for compression. */
  files: number;
  /** .gz/.br copies written next to them (from the cache or compressed now). */
  written: number;
  /** Files whose copies came from the cache. */
  reused: number;
  /** Files compressed in this run. */
  compressed: number;
}

/** The cache folder from the environment (see the header). */
export function envCacheDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const dir = env.PRECOMPRESS_CACHE ?? '.tmp/precompress-cache';
  return dir === 'off' ? undefined : dir;
}

/** The cache key of a file's bytes, from their SHA-256 (hex): salted with what else decides the output (the brotli quality among it). */
export function cacheKey(digest: string, quality = 11): string {
  return sha256(`louyu-precompress ${FORMAT} q${quality} zlib ${process.versions.zlib} brotli ${process.versions.brotli}\n${digest}`);
}

/** The brotli quality for a file (see PAGE and LARGE_FILE). */
export function brotliQuality(file: string, size: number): number {
  if (size > LARGE_FILE) return 9;
  return PAGE.test(file) ? 10 : 11;
}

/** Compresses one file's bytes: the copies worth keeping (each saves at least a tenth). */
async function compress(file: string, data: Buffer): Promise<Record<Encoding, Buffer | undefined>> {
  const [gz, br] = await Promise.all([
    gzipAsync(data, { level: 9 }),
    brotliAsync(data, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: brotliQuality(file, data.length),
        [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
      },
    }),
  ]);
  const worth = (c: Buffer) => (c.length < data.length * 0.9 ? c : undefined);
  return { gz: worth(gz), br: worth(br) };
}

/** Where the cache keeps one key's copy of an encoding, and the marker saying it is not worth keeping. */
const cachePaths = (cacheDir: string, key: string, encoding: Encoding) => {
  const base = path.join(cacheDir, key.slice(0, 2), `${key}.${encoding}`);
  return { file: base, none: `${base}.none` };
};

let temps = 0;
/** A temporary name beside `file`, unique within this process (two files with the same bytes share a cache entry). */
const tempName = (file: string) => `${file}.tmp-${process.pid}-${temps++}`;

/** Writes `data` to `to` through a temporary file, so an existing file there (maybe a hard link into the cache) is replaced, never changed in place. */
async function replaceWith(to: string, data: Buffer): Promise<void> {
  const temp = tempName(to);
  await writeFile(temp, data);
  await rename(temp, to);
}

/**
 * Puts `from` at `to` as a hard link (a copy across file systems). Nothing is at `to`: an earlier
 * run's copies were removed first.
 */
async function linkInto(from: string, to: string): Promise<void> {
  try {
    await link(from, to);
  } catch {
    await copyFile(from, to);
  }
}

/** The names in the cache's 256 folders (`<key>.<encoding>` and `<key>.<encoding>.none`), read once. */
function cacheListing(cacheDir: string): Set<string> {
  const names = new Set<string>();
  for (let i = 0; i < 256; i++) {
    const folder = path.join(cacheDir, i.toString(16).padStart(2, '0'));
    mkdirSync(folder, { recursive: true });
    for (const name of readdirSync(folder)) names.add(name);
  }
  return names;
}

/**
 * Compresses every eligible file under `dir`, reusing cached copies of unchanged bytes. The folder
 * and the cache are listed once: at 60,000 entries there are 150,000 files, and a stat or an
 * existence check per file and copy was most of the step when little had changed.
 */
export async function precompress(dir: string, options: PrecompressOptions = {}): Promise<PrecompressReport> {
  const listing = new Set(walkFiles(dir));
  const candidates = [...listing].filter((f) => COMPRESSIBLE.test(f));
  const { cacheDir, digests = new FileDigests() } = options;
  const used = new Set<string>();
  const report: PrecompressReport = { files: 0, written: 0, reused: 0, compressed: 0 };
  const cached = cacheDir ? cacheListing(cacheDir) : new Set<string>();
  const queue = [...candidates];
  const worker = async () => {
    for (let rel = queue.shift(); rel !== undefined; rel = queue.shift()) {
      const file = path.join(dir, rel);
      // A copy from an earlier run over the same folder must not outlive a change of the file.
      const earlier = ENCODINGS.filter((encoding) => listing.has(`${rel}.${encoding}`));
      for (const encoding of earlier) await rm(`${file}.${encoding}`, { force: true });
      if (!cacheDir) {
        const data = await readFile(file);
        if (data.length < MIN_SIZE) continue;
        report.files++;
        const copies = await compress(file, data);
        report.compressed++;
        for (const encoding of ENCODINGS) {
          const copy = copies[encoding];
          if (copy) {
            await replaceWith(`${file}.${encoding}`, copy);
            report.written++;
          }
        }
        continue;
      }
      // The file is read only if it changed since the digest was taken (or compressed now).
      const { hash, size, data: read } = digests.digest(file);
      if (size < MIN_SIZE) continue;
      report.files++;
      const key = cacheKey(hash, brotliQuality(file, size));
      used.add(key);
      const names = ENCODINGS.map((encoding) => ({ encoding, file: `${key}.${encoding}`, none: `${key}.${encoding}.none` }));
      const hit = names.every((n) => cached.has(n.file) || cached.has(n.none));
      if (hit) report.reused++;
      else {
        const copies = await compress(file, read ?? (await readFile(file)));
        report.compressed++;
        for (const n of names) {
          const copy = copies[n.encoding];
          const paths = cachePaths(cacheDir, key, n.encoding);
          if (copy) {
            await replaceWith(paths.file, copy);
            cached.add(n.file);
          } else {
            await writeFile(paths.none, '');
            cached.add(n.none);
          }
        }
      }
      for (const n of names) {
        if (!cached.has(n.file)) continue;
        await linkInto(cachePaths(cacheDir, key, n.encoding).file, `${file}.${n.encoding}`);
        report.written++;
      }
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  if (cacheDir) pruneCache(cacheDir, used);
  return report;
}

/** Deletes the cache's entries that no file of this run used: they belong to bytes that are gone. */
function pruneCache(cacheDir: string, used: ReadonlySet<string>): void {
  for (const sub of readdirSync(cacheDir)) {
    const folder = path.join(cacheDir, sub);
    if (!statSync(folder).isDirectory()) continue;
    for (const name of readdirSync(folder)) {
      if (!used.has(name.slice(0, 64))) rmSync(path.join(folder, name), { force: true });
    }
  }
}

if (import.meta.main) {
  const dir = process.argv[2] ?? 'dist';
  const started = performance.now();
  const r = await precompress(dir, { cacheDir: envCacheDir() });
  console.log(
    `预压缩：${r.files} 个文件（${r.reused} 个沿用缓存，${r.compressed} 个重新压缩），写出 ${r.written} 个 .gz/.br，用时 ${((performance.now() - started) / 1000).toFixed(1)} 秒`,
  );
}
