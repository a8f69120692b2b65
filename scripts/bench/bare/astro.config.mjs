// @ts-check
/**
 * The benchmark's baseline: a bare Astro project that renders the same generated Markdown with
 * a minimal layout, one page per entry. It has no node_modules of its own; Vite resolves
 * `astro` from the repository root. Build it with `astro build --root scripts/bench/bare`.
 */
import { defineConfig } from 'astro/config';

export default defineConfig({
  output: 'static',
  trailingSlash: 'always',
  // The site's own build settings, so the comparison is of the pages alone (astro.config.mjs).
  build: { format: 'directory', concurrency: 8 },
  // Never share the content-layer cache with the site or with another run.
  cacheDir: process.env.BENCH_CACHE_DIR ?? '../../../.tmp/bench/cache-bare',
  // Vite's dependency cache would otherwise appear as scripts/bench/bare/node_modules.
  vite: { cacheDir: process.env.BENCH_VITE_CACHE_DIR ?? '../../../.tmp/bench/vite-bare' },
  devToolbar: { enabled: false },
});
