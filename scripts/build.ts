/**
 * `npm run build`: validate content → copy Decap → Astro build → Pagefind index, all into a
 * staging folder that replaces dist/ only when every step has passed. A failed build leaves the
 * previous dist/ untouched: nothing is ever half-published.
 */
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { contentReport, contentWarningsReport } from '../src/lib/schema/validate.node.ts';
import { withoutPublicCsp } from '../src/lib/csp.ts';
import { copyDecap, writePreviewCss } from './prepare.ts';
import { envCacheDir as precompressCacheDir, precompress } from './precompress.ts';
import { run } from './run.ts';
import { buildNow } from '../src/lib/schedule.ts';
import { acquireBuildLock } from './build-lock.ts';
import { indexSearch } from './search-index.ts';
import { writeServiceWorker } from './service-worker.ts';
import { astroBuildEnv } from './astro-env.ts';

const contentRoot = process.env.CONTENT_ROOT ?? 'content';
const outDir = process.env.BUILD_OUT_DIR ?? 'dist';
const staging = `.tmp/build-${process.pid}`;
// One build time for every step (定时发布): Astro's pages leave out entries published after it,
// and `npm run inspect` reads it back from dist/.build.json.
process.env.BUILD_NOW ||= new Date().toISOString();
const builtAt = (() => {
  try {
    return buildNow();
  } catch (err) {
    console.error((err as Error).message);
    process.exit(1);
  }
})();

// One build at a time: a second build waits here until the first has replaced dist/.
await acquireBuildLock();

const report = contentReport(contentRoot);
if (report) {
  console.error(report);
  process.exit(1);
}
const warnings = contentWarningsReport(contentRoot);
if (warnings) console.warn(warnings);

copyDecap();
writePreviewCss();
const started = performance.now();
if ((await run('npx', ['astro', 'build', '--outDir', staging], astroBuildEnv())) !== 0) {
  rmSync(staging, { recursive: true, force: true });
  console.error('Astro 构建失败，现有的 dist/ 未被改动。');
  process.exit(1);
}
// Astro injects the public CSP into every page; /admin/ (Decap, which needs eval) has its own.
const adminPage = `${staging}/admin/index.html`;
if (existsSync(adminPage)) writeFileSync(adminPage, withoutPublicCsp(readFileSync(adminPage, 'utf8')));
writeServiceWorker(staging);
const astroSeconds = (performance.now() - started) / 1000;
const indexStarted = performance.now();
if ((await indexSearch(staging)) !== 0) {
  rmSync(staging, { recursive: true, force: true });
  console.error('Pagefind 索引失败，现有的 dist/ 未被改动。');
  process.exit(1);
}
const pagefindSeconds = (performance.now() - indexStarted) / 1000;
writeFileSync(`${staging}/.build.json`, `${JSON.stringify({ builtAt: builtAt.toISOString() })}\n`);
const compressStarted = performance.now();
const compressed = await precompress(staging, { cacheDir: precompressCacheDir() });
const compressSeconds = (performance.now() - compressStarted) / 1000;
if (existsSync(outDir)) rmSync(outDir, { recursive: true, force: true });
renameSync(staging, outDir);
console.log(
  `构建完成：Astro ${astroSeconds.toFixed(1)} 秒，Pagefind ${pagefindSeconds.toFixed(1)} 秒，` +
    `预压缩 ${compressed.files} 个文件（重新压缩 ${compressed.compressed} 个）${compressSeconds.toFixed(1)} 秒，输出到 ${outDir}/`,
);
