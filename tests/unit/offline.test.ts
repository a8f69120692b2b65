import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  courseSaveOf,
  fileUrl,
  formatBytes,
  isSyllabusPage,
  pageImages,
  precacheOf,
  SAVED_CACHE,
  shellCache,
  type BuiltFile,
  type SizedFile,
} from '../../src/lib/school/offline.ts';
import { serviceWorkerScript } from '../../scripts/service-worker.ts';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const site: BuiltFile[] = [
  { path: 'index.html', hash: 'h1' },
  { path: 'school/index.html', hash: 'h2' },
  { path: 'school/record/index.html', hash: 'h3' },
  { path: 'school/daily/index.html', hash: 'h4' },
  { path: 'news/index.html', hash: 'h5' },
  { path: '_astro/app.1.js', hash: 'h6' },
  { path: '_astro/style.2.css', hash: 'h7' },
  { path: '_astro/photo.3.webp', hash: 'h8' },
  { path: 'pagefind/pagefind.js', hash: 'h9' },
  { path: 'school/xinren-peixun/index.html', hash: 'h10' },
  { path: 'school/xinren-peixun/exam/index.html', hash: 'h11' },
  { path: 'school/xinren-peixun/page/2/index.html', hash: 'h12' },
  { path: 'school/xinren-peixun/xinren-01/index.html', hash: 'h13' },
  { path: 'school/xinren-peixun/xinren-02/index.html', hash: 'h14' },
  { path: 'school/xinren-peixun/lessons.json', hash: 'h15' },
  { path: 'pagefind/shards.json', hash: 'h16' },
];
const lessons = new Set(['/school/xinren-peixun/xinren-01/', '/school/xinren-peixun/xinren-02/']);

describe('fileUrl', () => {
  it.each([
    ['index.html', '/'],
    ['school/record/index.html', '/school/record/'],
    ['_astro/app.1.js', '/_astro/app.1.js'],
  ])('%s → %s', (file, url) => expect(fileUrl(file)).toBe(url));
});

describe('the school shell (what installing the worker stores)', () => {
  const precache = precacheOf(site, sha256, lessons);

  it('holds the school pages that are not lessons (a new page there included), the record, the scripts and styles', () => {
    expect(precache.pages).toEqual(['/school/', '/school/daily/', '/school/record/', '/school/xinren-peixun/', '/school/xinren-peixun/exam/']);
    expect(precache.assets).toEqual(['/_astro/app.1.js', '/_astro/style.2.css']);
  });

  it('holds no lesson, no later syllabus page and no JSON file: those are stored as opened or saved', () => {
    const all = [...precache.pages, ...precache.assets];
    for (const url of [...lessons, '/school/xinren-peixun/page/2/', '/school/xinren-peixun/lessons.json']) expect(all).not.toContain(url);
  });

  it('names its own versioned cache and the saved lessons’ cache', () => {
    expect(precache.cache).toBe(shellCache(precache.version));
    expect(precache.cache).toMatch(/^ld-school-shell-[0-9a-f]{16}$/);
    expect(precache.saved).toBe(SAVED_CACHE);
  });

  it('keeps another section once its route is listed', () => {
    expect(precacheOf(site, sha256, lessons, ['/school/', '/news/']).pages).toContain('/news/');
  });

  it('has the same version for the same files, in any order', () => {
    expect(precacheOf([...site].reverse(), sha256, lessons).version).toBe(precache.version);
  });

  it.each([
    ['a shell page changes', site.map((f) => (f.path === 'school/index.html' ? { ...f, hash: 'changed' } : f))],
    ['a script changes', site.map((f) => (f.path === '_astro/app.1.js' ? { ...f, hash: 'changed' } : f))],
    ['a page is added', [...site, { path: 'school/new/index.html', hash: 'h10' }]],
  ])('has a new version when %s', (_, files) => {
    expect(precacheOf(files, sha256, lessons).version).not.toBe(precache.version);
  });

  it.each([
    ['a page outside the school changes', 'news/index.html'],
    ['a lesson changes (learners get it from the network first)', 'school/xinren-peixun/xinren-01/index.html'],
  ])('keeps its version when %s', (_, path) => {
    const files = site.map((f) => (f.path === path ? { ...f, hash: 'changed' } : f));
    expect(precacheOf(files, sha256, lessons).version).toBe(precache.version);
  });

  it('tells later syllabus pages from lessons and other pages', () => {
    expect(isSyllabusPage('/school/a/page/12/')).toBe(true);
    expect(isSyllabusPage('/school/a/')).toBe(false);
    expect(isSyllabusPage('/school/a/page/')).toBe(false);
    expect(isSyllabusPage('/news/page/2/')).toBe(false);
  });
});

describe('a course’s save list (离线保存本课程)', () => {
  const files = new Map<string, SizedFile>([
    ['/school/c/l1/', { bytes: 1000, images: ['/uploads/a.webp', '/_astro/b.webp'] }],
    ['/school/c/l2/', { bytes: 2000, images: ['/uploads/a.webp'] }],
    ['/school/c/page/10/', { bytes: 300 }],
    ['/school/c/page/2/', { bytes: 200 }],
    ['/school/c/', { bytes: 999 }],
    ['/school/c/lessons.json', { bytes: 50 }],
    ['/uploads/a.webp', { bytes: 4000 }],
    ['/_astro/b.webp', { bytes: 5000 }],
    ['/school/other/page/2/', { bytes: 7 }],
  ]);

  it('lists the lessons in study order, later syllabus pages, lessons.json and each image once, with their total size', () => {
    const save = courseSaveOf('c', ['/school/c/l2/', '/school/c/l1/'], files);
    expect(save.files).toEqual([
      '/school/c/l2/',
      '/school/c/l1/',
      '/school/c/page/2/',
      '/school/c/page/10/',
      '/school/c/lessons.json',
      '/uploads/a.webp',
      '/_astro/b.webp',
    ]);
    expect(save.bytes).toBe(2000 + 1000 + 200 + 300 + 50 + 4000 + 5000);
    expect(save.lessons).toBe(2);
    expect(save.course).toBe('c');
  });

  it('leaves out what the site does not have, and counts only what it lists', () => {
    const save = courseSaveOf('c', ['/school/c/l1/', '/school/c/missing/'], new Map([['/school/c/l1/', { bytes: 10, images: ['/uploads/gone.webp'] }]]));
    expect(save.files).toEqual(['/school/c/l1/']);
    expect(save.bytes).toBe(10);
  });
});

describe('pageImages', () => {
  it('finds same-origin img src and srcset addresses, without query, and no other origin', () => {
    const html =
      '<p><img src="/uploads/a.webp?v=1" alt=""><img alt="" srcset="/_astro/b.1.webp 1x, /_astro/b.2.webp 2x" src="/_astro/b.1.webp"><img src="https://x.test/c.png" alt=""><img src="//x.test/d.png" alt=""></p>';
    expect(pageImages(html).sort()).toEqual(['/_astro/b.1.webp', '/_astro/b.2.webp', '/uploads/a.webp']);
  });
});

describe('formatBytes', () => {
  it.each([
    [10, '1 KB'],
    [200 * 1024, '200 KB'],
    [1024 * 1024 * 1.25, '1.3 MB'],
    [1024 * 1024 * 42, '42 MB'],
  ])('%d → %s', (bytes, text) => expect(formatBytes(bytes)).toBe(text));
});

describe('the service worker script', () => {
  const precache = { version: 'abc', cache: 'ld-school-shell-abc', saved: 'ld-school-saved', pages: ['/school/'], assets: ['/_astro/a.js'] };
  const script = serviceWorkerScript(precache);

  it('is a classic script (no module syntax) with the precache in place', () => {
    expect(script).not.toMatch(/^\s*(?:import|export)\b/m);
    expect(script).toContain(`const PRECACHE = ${JSON.stringify(precache)};`);
    expect(() => new Function(script)).not.toThrow();
  });

  /** Loads the worker with fake caches; `cached` maps cache name → (key → body). */
  function worker(online: boolean, cached: Record<string, Record<string, string>> = {}) {
    const listeners = new Map<string, (event: unknown) => void>();
    const store = new Map(Object.entries(cached).map(([name, entries]) => [name, new Map(Object.entries(entries))]));
    const scope = {
      location: { origin: 'https://example.test' },
      registration: { scope: 'https://example.test/school/' },
      clients: { claim: async () => {} },
      skipWaiting: async () => {},
      addEventListener: (type: string, listener: (event: unknown) => void) => listeners.set(type, listener),
    };
    const open = (name: string) => {
      if (!store.has(name)) store.set(name, new Map());
      return store.get(name)!;
    };
    const caches = {
      open: async (name: string) => ({
        addAll: async (urls: string[]) => urls.forEach((u) => open(name).set(u, `stored ${u}`)),
        put: async (key: string | { url: string }, response: Response) =>
          open(name).set(typeof key === 'string' ? key : new URL(key.url).pathname, await response.text()),
      }),
      keys: async () => [...store.keys()],
      delete: async (name: string) => store.delete(name),
      match: async (key: string | { url: string }) => {
        const k = typeof key === 'string' ? key : new URL(key.url).pathname;
        for (const entries of store.values()) if (entries.has(k)) return new Response(entries.get(k));
        return undefined;
      },
    };
    const fetch = async (request: { url: string }) => {
      if (!online) throw new TypeError('Failed to fetch');
      return new Response(`network ${new URL(request.url).pathname}`);
    };
    new Function('self', 'caches', 'fetch', script)(scope, caches, fetch);
    const run = async (type: string) => {
      let done: Promise<unknown> = Promise.resolve();
      listeners.get(type)!({ waitUntil: (p: Promise<unknown>) => (done = p) });
      await done;
    };
    const answer = async (pathname: string, mode = 'cors', destination = '') => {
      let responded: Promise<Response> | undefined;
      const request = { url: `https://example.test${pathname}`, method: 'GET', mode, destination };
      listeners.get('fetch')!({ request, respondWith: (r: Response | Promise<Response>) => (responded = Promise.resolve(r)) });
      const text = responded && (await (await responded).text());
      await new Promise((r) => setTimeout(r, 0));
      return text;
    };
    return { store, run, answer };
  }

  it('stores the shell alone, under its versioned cache, at install', async () => {
    const w = worker(true);
    await w.run('install');
    expect([...w.store.keys()]).toEqual(['ld-school-shell-abc']);
    expect([...w.store.get('ld-school-shell-abc')!.keys()]).toEqual(['/school/', '/_astro/a.js']);
  });

  it('drops older shells (and the caches of older workers) at activation, keeping the saved lessons', async () => {
    const w = worker(true, {
      'ld-school-0123456789abcdef': {},
      'ld-school-shell-old': {},
      'ld-school-shell-abc': {},
      'ld-school-saved': { '/school/c/l1/': 'x' },
      other: {},
    });
    await w.run('activate');
    expect([...w.store.keys()].sort()).toEqual(['ld-school-saved', 'ld-school-shell-abc', 'other']);
  });

  it('stores a lesson as it is opened, in the saved cache, and answers it from there offline', async () => {
    const online = worker(true);
    expect(await online.answer('/school/c/l1/', 'navigate')).toBe('network /school/c/l1/');
    expect(online.store.get('ld-school-saved')?.get('/school/c/l1/')).toBe('network /school/c/l1/');
    const offline = worker(false, { 'ld-school-saved': { '/school/c/l1/': 'saved lesson' } });
    expect(await offline.answer('/school/c/l1/', 'navigate')).toBe('saved lesson');
  });

  it('keeps a shell page it fetches again in the shell’s cache', async () => {
    const w = worker(true);
    await w.answer('/school/', 'navigate');
    expect(w.store.get('ld-school-shell-abc')?.get('/school/')).toBe('network /school/');
    expect(w.store.get('ld-school-saved')).toBeUndefined();
  });

  it('answers a course’s lessons.json from the network first, and from the store when offline', async () => {
    expect(await worker(true, { 'ld-school-saved': { '/school/a/lessons.json': 'cache' } }).answer('/school/a/lessons.json')).toBe(
      'network /school/a/lessons.json',
    );
    expect(await worker(false, { 'ld-school-saved': { '/school/a/lessons.json': 'cache' } }).answer('/school/a/lessons.json')).toBe('cache');
  });

  it('answers an image offline once stored, and a script from the store first', async () => {
    const w = worker(true);
    await w.answer('/uploads/a.webp', 'no-cors', 'image');
    expect(w.store.get('ld-school-saved')?.get('/uploads/a.webp')).toBe('network /uploads/a.webp');
    expect(await worker(true, { 'ld-school-shell-abc': { '/_astro/a.js': 'stored script' } }).answer('/_astro/a.js')).toBe('stored script');
  });

  it('leaves other requests to the browser', async () => {
    const w = worker(false);
    expect(await w.answer('/news/', 'navigate')).toBeUndefined();
    expect(await w.answer('/pagefind/shards.json')).toBeUndefined();
  });
});
