// @ts-check
/**
 * The site's own configuration, unchanged except for the cache folder: the content-layer cache
 * otherwise lives in node_modules/.astro, which other checkouts may share and which would make
 * a run warm. Used as `astro build --config scripts/bench/astro.site.config.mjs`.
 */
import site from '../../astro.config.mjs';

export default { ...site, cacheDir: process.env.BENCH_CACHE_DIR ?? '.tmp/bench/cache-site' };
