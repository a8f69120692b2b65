/**
 * The party school's service worker (served as /school/sw.js, scope /school/). The build
 * (scripts/service-worker.ts) compiles this file and puts the precache in place of `__PRECACHE__`:
 * the school pages, the JSON files their scripts fetch (each course's lessons.json), the site's
 * scripts and styles, and a version that changes only when one of them does. At install it stores
 * them all; pages and those JSON files are answered from the network first and from the store when
 * offline; /_astro/ files (content-hashed) come from the store.
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
  skipWaiting(): Promise<void>;
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
}

declare const self: ServiceWorkerScope;
declare const __PRECACHE__: Precache;

const PRECACHE = __PRECACHE__;
const PREFIX = 'ld-school-';
const CACHE = `${PREFIX}${PRECACHE.version}`;
const DATA = new Set(PRECACHE.data);

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      await cache.addAll([...PRECACHE.pages, ...PRECACHE.data, ...PRECACHE.assets]);
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) if (key.startsWith(PREFIX) && key !== CACHE) await caches.delete(key);
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== self.location.origin) return;
  const page = event.request.mode === 'navigate' && url.pathname.startsWith('/school/');
  if (page || DATA.has(url.pathname)) {
    event.respondWith(
      fetch(event.request)
        .then((response) => {
          if (response.ok) {
            const copy = response.clone();
            void caches.open(CACHE).then((c) => c.put(url.pathname, copy));
          }
          return response;
        })
        .catch(async () => (await caches.match(url.pathname, { ignoreVary: true })) ?? Response.error()),
    );
  } else if (url.pathname.startsWith('/_astro/')) {
    // ignoreVary: a module script's request carries an Origin header that the install step's
    // requests lack, and servers answer with Vary (Origin, Accept-Encoding), which would make
    // every stored script miss. The files are content-hashed, so one URL is one body.
    event.respondWith(
      caches.match(event.request, { ignoreVary: true }).then(
        (hit) =>
          hit ??
          fetch(event.request).then((response) => {
            if (response.ok) {
              const copy = response.clone();
              void caches.open(CACHE).then((c) => c.put(event.request, copy));
            }
            return response;
          }),
      ),
    );
  }
});
