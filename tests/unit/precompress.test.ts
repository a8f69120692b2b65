import { linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { brotliQuality, cacheKey, precompress } from '../../scripts/precompress.ts';
import { FileDigests, sha256 } from '../../src/lib/file-digests.node.ts';

const temps: string[] = [];
afterEach(() => {
  for (const t of temps.splice(0)) rmSync(t, { recursive: true, force: true });
});

/** A small built site: two pages large enough to compress, one too small, one image. */
function site(): { root: string; dist: string; cache: string } {
  const root = mkdtempSync(path.join(tmpdir(), 'precompress-'));
  temps.push(root);
  const dist = path.join(root, 'dist');
  mkdirSync(path.join(dist, 'news', 'a'), { recursive: true });
  writeFileSync(path.join(dist, 'index.html'), `<!doctype html><title>首页</title>${'<p>商务楼宇党建工作站动态</p>'.repeat(200)}`);
  writeFileSync(path.join(dist, 'news', 'a', 'index.html'), `<!doctype html><title>新闻</title>${'<p>古城街道领秀大厦工作站</p>'.repeat(200)}`);
  writeFileSync(path.join(dist, 'tiny.css'), 'a{color:red}');
  writeFileSync(path.join(dist, 'logo.png'), Buffer.alloc(4096, 7));
  return { root, dist, cache: path.join(root, 'cache') };
}

const cached = (cache: string, data: Buffer, encoding: 'gz' | 'br') => {
  const key = cacheKey(sha256(data), 10);
  return path.join(cache, key.slice(0, 2), `${key}.${encoding}`);
};

describe('precompress with its cache', () => {
  it('writes .gz and .br that decompress to the file, only for compressible files of some size', async () => {
    const { dist, cache } = site();
    const r = await precompress(dist, { cacheDir: cache });
    expect(r).toEqual({ files: 2, written: 4, reused: 0, compressed: 2 });
    for (const page of ['index.html', 'news/a/index.html']) {
      const data = readFileSync(path.join(dist, page));
      expect(brotliDecompressSync(readFileSync(path.join(dist, `${page}.br`)))).toEqual(data);
      expect(gunzipSync(readFileSync(path.join(dist, `${page}.gz`)))).toEqual(data);
    }
    expect(readdirSync(dist)).not.toContain('tiny.css.br');
    expect(readdirSync(dist)).not.toContain('logo.png.br');
  });

  it('reuses the copies of an unchanged file and compresses a changed one again', async () => {
    const { root, dist, cache } = site();
    await precompress(dist, { cacheDir: cache });
    // The next build writes a fresh folder: one page unchanged, the other edited.
    const next = path.join(root, 'next');
    mkdirSync(path.join(next, 'news', 'a'), { recursive: true });
    const home = readFileSync(path.join(dist, 'index.html'));
    writeFileSync(path.join(next, 'index.html'), home);
    const edited = Buffer.from(`<!doctype html><title>新闻</title>${'<p>古城街道领秀大厦工作站（已更正）</p>'.repeat(200)}`);
    writeFileSync(path.join(next, 'news', 'a', 'index.html'), edited);
    // Mark the cached brotli copy of the unchanged page: if it is reused, the mark shows in the output.
    const marked = brotliCompressSync(Buffer.from('来自缓存的副本'));
    const homeBr = cached(cache, home, 'br');
    writeFileSync(`${homeBr}.new`, marked);
    renameSync(`${homeBr}.new`, homeBr);

    const r = await precompress(next, { cacheDir: cache });
    expect(r).toMatchObject({ files: 2, reused: 1, compressed: 1, written: 4 });
    expect(readFileSync(path.join(next, 'index.html.br'))).toEqual(marked);
    // Linked, not copied: a release costs no disk for it.
    expect(statSync(path.join(next, 'index.html.br')).ino).toBe(statSync(homeBr).ino);
    expect(brotliDecompressSync(readFileSync(path.join(next, 'news/a/index.html.br')))).toEqual(edited);
    expect(gunzipSync(readFileSync(path.join(next, 'news/a/index.html.gz')))).toEqual(edited);
    // The old page's entry is gone from the cache; the previous build's files are untouched.
    const old = readFileSync(path.join(dist, 'news/a/index.html'));
    expect(() => statSync(cached(cache, old, 'br'))).toThrow();
    expect(brotliDecompressSync(readFileSync(path.join(dist, 'news/a/index.html.br')))).toEqual(old);
  });

  it('replaces, never rewrites in place, a copy linked from the cache when run again on the same folder', async () => {
    const { dist, cache } = site();
    await precompress(dist, { cacheDir: cache });
    const home = readFileSync(path.join(dist, 'index.html'));
    const changed = Buffer.concat([home, Buffer.from('<p>补充</p>'.repeat(100))]);
    writeFileSync(path.join(dist, 'index.html'), changed);
    await precompress(dist, { cacheDir: cache });
    expect(brotliDecompressSync(readFileSync(path.join(dist, 'index.html.br')))).toEqual(changed);
  });

  it('with the digests of the last build, reads only files that changed since (a linked page is not read)', async () => {
    const { root, dist, cache } = site();
    // Written a minute ago, as the last build's files were.
    const past = new Date(Date.now() - 60_000);
    for (const f of ['index.html', 'news/a/index.html', 'tiny.css', 'logo.png']) utimesSync(path.join(dist, f), past, past);
    const record = path.join(root, 'digests.json');
    const first = new FileDigests(record);
    await precompress(dist, { cacheDir: cache, digests: first });
    expect(first.read).toBe(3);
    first.save();
    // The next build: the home page a hard link to the last one's (as the incremental build leaves it), the news page new.
    const next = path.join(root, 'next');
    mkdirSync(path.join(next, 'news', 'a'), { recursive: true });
    linkSync(path.join(dist, 'index.html'), path.join(next, 'index.html'));
    const edited = Buffer.from(`<!doctype html><title>新闻</title>${'<p>古城街道领秀大厦工作站（已更正）</p>'.repeat(200)}`);
    writeFileSync(path.join(next, 'news', 'a', 'index.html'), edited);
    const second = new FileDigests(record);
    const r = await precompress(next, { cacheDir: cache, digests: second });
    expect(r).toMatchObject({ files: 2, reused: 1, compressed: 1 });
    expect(second.read).toBe(1);
    expect(brotliDecompressSync(readFileSync(path.join(next, 'index.html.br')))).toEqual(readFileSync(path.join(dist, 'index.html')));
    expect(brotliDecompressSync(readFileSync(path.join(next, 'news/a/index.html.br')))).toEqual(edited);
  });

  it('compresses pages at quality 10, other small files at 11 and large ones at 9', () => {
    expect(brotliQuality('news/a/index.html', 20_000)).toBe(10);
    expect(brotliQuality('_astro/site.css', 20_000)).toBe(11);
    expect(brotliQuality('admin/decap-cms.js', 5_000_000)).toBe(9);
  });

  it('works without a cache', async () => {
    const { dist } = site();
    const r = await precompress(dist);
    expect(r).toEqual({ files: 2, written: 4, reused: 0, compressed: 2 });
    expect(gunzipSync(readFileSync(path.join(dist, 'index.html.gz')))).toEqual(readFileSync(path.join(dist, 'index.html')));
  });
});
