import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fileUrl, precacheOf, type BuiltFile } from '../../src/lib/school/offline.ts';
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
  { path: 'school/xinren-peixun/lessons.json', hash: 'h11' },
  { path: 'pagefind/shards.json', hash: 'h12' },
];

describe('fileUrl', () => {
  it.each([
    ['index.html', '/'],
    ['school/record/index.html', '/school/record/'],
    ['_astro/app.1.js', '/_astro/app.1.js'],
  ])('%s → %s', (file, url) => expect(fileUrl(file)).toBe(url));
});

describe('the school precache', () => {
  const precache = precacheOf(site, sha256);

  it('keeps every page under an offline route (a new page there included) and the scripts and styles', () => {
    expect(precache.pages).toEqual(['/school/', '/school/daily/', '/school/record/']);
    expect(precache.assets).toEqual(['/_astro/app.1.js', '/_astro/style.2.css']);
  });

  it('keeps the JSON files under an offline route (each course’s lessons.json), and no other', () => {
    expect(precache.data).toEqual(['/school/xinren-peixun/lessons.json']);
  });

  it('keeps another section once its route is listed', () => {
    expect(precacheOf(site, sha256, ['/school/', '/news/']).pages).toContain('/news/');
  });

  it('has the same version for the same files, in any order', () => {
    expect(precacheOf([...site].reverse(), sha256).version).toBe(precache.version);
  });

  it.each([
    ['a cached page changes', site.map((f) => (f.path === 'school/index.html' ? { ...f, hash: 'changed' } : f))],
    ['a cached script changes', site.map((f) => (f.path === '_astro/app.1.js' ? { ...f, hash: 'changed' } : f))],
    ['a page is added', [...site, { path: 'school/new/index.html', hash: 'h10' }]],
    ['a course’s lessons change', site.map((f) => (f.path === 'school/xinren-peixun/lessons.json' ? { ...f, hash: 'changed' } : f))],
  ])('has a new version when %s', (_, files) => {
    expect(precacheOf(files, sha256).version).not.toBe(precache.version);
  });

  it('keeps its version when a page it does not cache changes', () => {
    const files = site.map((f) => (f.path === 'news/index.html' ? { ...f, hash: 'changed' } : f));
    expect(precacheOf(files, sha256).version).toBe(precache.version);
  });
});

describe('the service worker script', () => {
  const script = serviceWorkerScript({ version: 'abc', pages: ['/school/'], data: ['/school/a/lessons.json'], assets: ['/_astro/a.js'] });

  it('is a classic script (no module syntax) with the precache in place', () => {
    expect(script).not.toMatch(/^\s*(?:import|export)\b/m);
    expect(script).toContain('const PRECACHE = {"version":"abc","pages":["/school/"],"data":["/school/a/lessons.json"],"assets":["/_astro/a.js"]};');
    expect(() => new Function(script)).not.toThrow();
  });

  it('stores the precache under a versioned cache at install', async () => {
    const listeners = new Map<string, (event: unknown) => void>();
    const stored: string[][] = [];
    const opened: string[] = [];
    const scope = {
      location: { origin: 'https://example.test' },
      clients: { claim: async () => {} },
      skipWaiting: async () => {},
      addEventListener: (type: string, listener: (event: unknown) => void) => listeners.set(type, listener),
    };
    const caches = { open: async (name: string) => (opened.push(name), { addAll: async (urls: string[]) => void stored.push(urls) }) };
    new Function('self', 'caches', script)(scope, caches);
    let done: Promise<unknown> = Promise.resolve();
    listeners.get('install')!({ waitUntil: (p: Promise<unknown>) => (done = p) });
    await done;
    expect(opened).toEqual(['ld-school-abc']);
    expect(stored).toEqual([['/school/', '/school/a/lessons.json', '/_astro/a.js']]);
  });

  /** Runs the worker's fetch listener for a request, with the network up or down; returns what it answered, if anything. */
  async function answer(pathname: string, { online, mode = 'cors' }: { online: boolean; mode?: string }) {
    const listeners = new Map<string, (event: unknown) => void>();
    const scope = {
      location: { origin: 'https://example.test' },
      clients: { claim: async () => {} },
      skipWaiting: async () => {},
      addEventListener: (type: string, listener: (event: unknown) => void) => listeners.set(type, listener),
    };
    const cached = new Map([['/school/a/lessons.json', new Response('{"from":"cache"}')]]);
    const caches = {
      open: async () => ({ put: async () => {} }),
      match: async (key: string) => cached.get(key)?.clone(),
    };
    const fetch = async () => {
      if (!online) throw new TypeError('Failed to fetch');
      return new Response('{"from":"network"}');
    };
    new Function('self', 'caches', 'fetch', script)(scope, caches, fetch);
    let responded: Promise<Response> | undefined;
    const request = { url: `https://example.test${pathname}`, method: 'GET', mode };
    listeners.get('fetch')!({ request, respondWith: (r: Response | Promise<Response>) => (responded = Promise.resolve(r)) });
    return responded && (await (await responded).text());
  }

  it('answers a course’s lessons.json from the network first, and from the store when offline', async () => {
    expect(await answer('/school/a/lessons.json', { online: true })).toBe('{"from":"network"}');
    expect(await answer('/school/a/lessons.json', { online: false })).toBe('{"from":"cache"}');
  });

  it('leaves other data requests to the browser', async () => {
    expect(await answer('/school/b/other.json', { online: false })).toBeUndefined();
  });
});
