/**
 * Node settings for `astro build`, used by the build (scripts/build.ts) and by the bench for
 * both the site and the bare baseline, so the two are compared under the same runtime.
 *
 * `--max-semi-space-size=64` (MiB): V8's young generation grows to 3 × 64 MiB instead of its
 * default of at most 3 × 16 MiB. Rendering a page allocates a few MiB of short-lived strings and
 * objects; with the default, many of them outlived a scavenge, were promoted, and had to be
 * collected by full mark-compacts of a heap holding Astro's whole content store. Measured on
 * generated content (`npm run bench`, 2 cores): at 10,000 entries the site's Astro build went
 * from 32.3 s to 28.6 s (bare Astro: 13.8 s to 13.1 s); at 60,000 entries from 264 s to 253 s,
 * and its peak memory from 4.3 GB to 3.0 GB. 128 MiB was no faster than 64.
 */
export const ASTRO_NODE_OPTIONS = '--max-semi-space-size=64';

/** Environment additions for an `astro build` child process: ours appended to any NODE_OPTIONS given. */
export function astroBuildEnv(env: NodeJS.ProcessEnv = process.env): { NODE_OPTIONS: string } {
  return { NODE_OPTIONS: [env.NODE_OPTIONS?.trim(), ASTRO_NODE_OPTIONS].filter(Boolean).join(' ') };
}
