/**
 * The party school's service worker (served as /school/sw.js, scope /school/). The build
 * (scripts/service-worker.ts) compiles this file and puts the shell in place of `__PRECACHE__`
 * (see src/lib/school/offline.ts): the school's pages that are not lessons, the site's scripts and
 * styles, their cache's name and a version that changes only when one of them does. At install it
 * stores the shell alone, which keeps a learner's first visit small. Pages and JSON files under
 * /school/ are answered from the network first and stored as they are opened (a lesson the
 * learner read is there offline), into the shell's cache if they belong to it, else into the
 * cache of saved lessons, which outlives shell versions (the 离线保存本课程 button fills it too);
 * offline they come from either store; images the same way. /_astro/ files (content-hashed) come
 * from the stores first.
 */
import type { Precache } from './offline.ts';

interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  readonly request: Request;
  respondWith(response: Response | Promise<Response>): void;
}
interface ServiceWorkerScope {
  readonly location: Location;
  readonly clients: { claim(): Promise<void> };
  readonly registration: { readonly scope: string };
  skipWaiting(): Promise<void>;
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
}

declare const self: ServiceWorkerScope;
declare const __PRECACHE__: Precache;

const PRECACHE = __PRECACHE__;
/** Every cache this worker made starts with this (older versions' shells are deleted). */
const PREFIX = 'ld-school-';
const SHELL = new Set(PRECACHE.pages);

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(PRECACHE.cache);
      await cache.addAll([...PRECACHE.pages, ...PRECACHE.assets]);
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) {
        if (key.startsWith(PREFIX) && key !== PRECACHE.cache && key !== PRECACHE.saved) await caches.delete(key);
      }
      await self.clients.claim();
    })(),
  );
});

/** The path this worker serves pages for: its registration scope (/school/, set where it is registered). */
const SCOPE_PATH = new URL(self.registration.scope).pathname;

/** Stores a good response under `key` in `cacheName` (in the background). */
function store(cacheName: string, key: string | Request, response: Response): Response {
  if (response.ok) {
    const copy = response.clone();
    void caches.open(cacheName).then((c) => c.put(key, copy));
  }
  return response;
}

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== self.location.origin) return;
  const school = url.pathname.startsWith(SCOPE_PATH);
  const page = event.request.mode === 'navigate' && school;
  const hashed = url.pathname.startsWith('/_astro/');
  // Images outside /_astro/ (uploads) may change under one address: the network first, like pages.
  if (page || (school && url.pathname.endsWith('.json')) || (!hashed && event.request.destination === 'image')) {
    const target = SHELL.has(url.pathname) ? PRECACHE.cache : PRECACHE.saved;
    event.respondWith(
      fetch(event.request)
        .then((response) => store(target, url.pathname, response))
        .catch(async () => (await caches.match(url.pathname, { ignoreVary: true })) ?? Response.error()),
    );
  } else if (hashed) {
    // ignoreVary: a module script's request carries an Origin header that the install step's
    // requests lack, and servers answer with Vary (Origin, Accept-Encoding), which would make
    // every stored script miss. The files are content-hashed, so one URL is one body.
    event.respondWith(
      caches
        .match(event.request, { ignoreVary: true })
        .then((hit) => hit ?? fetch(event.request).then((response) => store(PRECACHE.saved, event.request, response))),
    );
  }
});
