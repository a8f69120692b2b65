// @ts-check
import { createHash } from 'node:crypto';
import path from 'node:path';
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { markdownProcessor } from './src/lib/markdown.ts';
import { PUBLIC_CSP_DIRECTIVES } from './src/lib/csp.ts';
import dataStoreFromDisk from './src/lib/data-store-from-disk.node.ts';

/** Absolute origin of the published site; feeds, QR codes and the sitemap use it. */
const site = process.env.SITE_URL?.trim() || 'https://louyu.example.gov.cn';

/**
 * Astro's content cache remembers the file each picture was imported from. A build of another
 * content root (the tests' fixtures, the bench) holding the same entries would reuse an import
 * path from a folder that is gone ("ImageNotFound"), so each content root has a cache of its own.
 * The cache also holds the previous build's pages for the incremental build (experimental
 * below): it lives in .tmp/, beside the search-index and precompression caches, where `npm ci`
 * (which empties node_modules/, Astro's default place) leaves it.
 */
const contentRoot = process.env.CONTENT_ROOT ?? 'content';
const cacheDir =
  contentRoot === 'content'
    ? './.tmp/astro-cache/content'
    : `./.tmp/astro-cache/${createHash('sha256').update(path.resolve(contentRoot)).digest('hex').slice(0, 16)}`;

export default defineConfig({
  site,
  cacheDir,
  output: 'static',
  trailingSlash: 'always',
  build: {
    format: 'directory',
    // Stylesheets and scripts are files, never inlined: the browser caches them across pages,
    // and Astro then has nothing to hash for the CSP on each page (it hashed every inlined
    // style and script of every page again, about 2.6 s of a 10,000-page build).
    inlineStylesheets: 'never',
    // Render eight pages at a time: pages' files are written while others are rendered. On
    // 10,000 generated entries four took the Astro build from 30 s to 24 s (2 gave 28 s). Since
    // the incremental build (below) writes each rendered page twice, to the output and to its
    // cache, eight do better still: 24.2–25.8 s → 21.2–21.9 s (16 no better than 8). The bench's
    // bare baseline uses the same setting, so the ratio still measures only what our pages cost.
    concurrency: 8,
  },
  // One stylesheet for the whole site (about 6 KB gzipped), fetched once and cached for every
  // later page, instead of two or three per page; Astro also hashed each linked stylesheet of
  // each page again for the CSP (about 1 s of a 10,000-page build).
  vite: { build: { assetsInlineLimit: 0, cssCodeSplit: false } },
  integrations: [
    // Pages read the content store from its file, not from a 200 MB string inlined in the bundle
    // at 60,000 entries (see the module).
    dataStoreFromDisk(),
    // No module-preload helper in the pages' scripts: their one dynamic import (继续学习's code,
    // fetched for a learner with a record) would otherwise put Vite's 0.7 KB gzipped preload
    // helper on every page. Astro sets its own value after the `vite` option above, so it is
    // replaced here; the imported module then fetches its own imports, one round trip later.
    {
      name: 'louyu:no-module-preload',
      hooks: {
        'astro:build:setup': ({ updateConfig }) => {
          updateConfig({ build: { modulePreload: false } });
        },
      },
    },
    mdx(),
    sitemap({
      // The CMS and printable posters are not pages a search engine should list.
      filter: (page) => !page.includes('/admin/') && !page.endsWith('/poster/'),
    }),
  ],
  markdown: {
    // Editors paste text from Word and WeChat: every Markdown body that could carry markup is
    // sanitised when rendered (src/lib/markdown.ts; defence in depth, the content validator
    // already refuses unsafe HTML with a clear line).
    processor: markdownProcessor(),
    // No syntax colouring: the site publishes no code, and Shiki's inline styles would be
    // refused by the CSP (style-src has no 'unsafe-inline'); a code block stays a plain <pre>.
    syntaxHighlight: false,
  },
  security: {
    // Strict policy for every public page, as a <meta> tag with hashes for what Astro inlines.
    // Headers that a meta tag cannot carry (frame-ancestors, HSTS, …) are set in deploy/nginx.conf.
    // /search/ adds 'wasm-unsafe-eval' for Pagefind itself; /admin/ sets its own policy.
    csp: {
      algorithm: 'SHA-256',
      directives: [...PUBLIC_CSP_DIRECTIVES],
    },
  },
  // A page from getStaticPaths whose cacheKey (src/lib/cache-keys.content.ts) and code are unchanged
  // is copied from the previous build (kept in the cache folder) instead of rendered again.
  // tests/integration/incremental-build.test.ts compares such a build byte for byte with a
  // clean one after each kind of edit. `astro build --force` renders every page.
  experimental: { incrementalBuild: true },
  devToolbar: { enabled: false },
  server: { port: 4321, host: 'localhost' },
});
