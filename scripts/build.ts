/**
 * `npm run build`: validate content → copy Decap → Astro build → Pagefind index, all into a
 * staging folder that replaces dist/ only when every step has passed. A failed build leaves the
 * previous dist/ untouched: nothing is ever half-published.
 */
import { replaceFile } from '../src/lib/replace-file.node.ts';
import { removeLater } from '../src/lib/remove-later.node.ts';
import { envFileDigests } from '../src/lib/file-digests.node.ts';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { withoutPublicCsp } from '../src/lib/csp.ts';
import { copyDecap, writePreviewCss } from './prepare.ts';
import { envCacheDir as precompressCacheDir, precompress } from './precompress.ts';
import { run } from './run.ts';
import { buildNow } from '../src/lib/schedule.ts';
import { acquireBuildLock } from './build-lock.ts';
import { indexSearch } from '../src/lib/search/search-indexer.node.ts';
import { writeServiceWorker } from './service-worker.ts';
import { astroBuildEnv } from './astro-env.ts';
import { boundedStep, stepSeconds } from './build-steps.ts';
import { writeBuildManifest } from './build-manifest.ts';
import { siteUrlProblem } from './site-url.ts';

// A production build (a production CMS backend, or --production from the pipelines) needs the
// site's real address: feeds, QR codes and the sitemap carry it.
const siteUrlError = siteUrlProblem(process.env, process.argv.slice(2));
if (siteUrlError) {
  console.error(siteUrlError);
  process.exit(1);
}

const contentRoot = process.env.CONTENT_ROOT ?? 'content';
const outDir = process.env.BUILD_OUT_DIR ?? 'dist';
// One fixed name (the lock below allows one build at a time): Astro writes its output folder into
// the code of astro:assets, so a name that changed with every build changed the code hash of
// every page that shows an image, and the incremental build rendered all of them again.
const staging = path.join('.tmp', 'build-staging');
/** Where a replaced output waits for its deletion (the build's pid follows). */
const OLD_OUTPUT = path.join('.tmp', 'build-old-');

// One build time for every step (定时发布): Astro's pages leave out entries published after it,
// and `npm run inspect` reads it back from dist/.build.json.
process.env.BUILD_NOW ||= new Date().toISOString();
const [builtAt, limits] = (() => {
  try {
    return [buildNow(), stepSeconds()] as const;
  } catch (err) {
    console.error((err as Error).message);
    process.exit(1);
  }
})();

// One build at a time: a second build waits here until the first has replaced dist/.
await acquireBuildLock();
// What a build killed outright (kill -9, power loss) left behind; earlier outputs whose deletion
// did not finish.
rmSync(staging, { recursive: true, force: true });
removeLater(
  readdirSync('.tmp')
    .map((name) => path.join('.tmp', name))
    .filter((dir) => dir.startsWith(OLD_OUTPUT)),
);

// Every step has a time bound (build-steps.ts); the check runs in its own process so a hang can be stopped.
if (
  (await boundedStep('validate', limits.validate, staging, (signal) =>
    run(process.execPath, [new URL('./validate-content.ts', import.meta.url).pathname, contentRoot], {}, signal),
  )) !== 0
)
  process.exit(1);

await boundedStep('decap', limits.decap, staging, () => {
  copyDecap();
  writePreviewCss();
});
const started = performance.now();
if ((await boundedStep('astro', limits.astro, staging, (signal) => run('npx', ['astro', 'build', '--outDir', staging], astroBuildEnv(), signal))) !== 0) {
  rmSync(staging, { recursive: true, force: true });
  console.error('Astro 构建失败，现有的 dist/ 未被改动。');
  process.exit(1);
}
// Astro injects the public CSP into every page; /admin/ (Decap, which needs eval) has its own.
const adminPage = `${staging}/admin/index.html`;
if (existsSync(adminPage)) replaceFile(adminPage, withoutPublicCsp(readFileSync(adminPage, 'utf8')));
writeServiceWorker(staging);
const astroSeconds = (performance.now() - started) / 1000;
const indexStarted = performance.now();
if ((await boundedStep('pagefind', limits.pagefind, staging, () => indexSearch(staging))) !== 0) {
  rmSync(staging, { recursive: true, force: true });
  console.error('Pagefind 索引失败，现有的 dist/ 未被改动。');
  process.exit(1);
}
const pagefindSeconds = (performance.now() - indexStarted) / 1000;
writeFileSync(`${staging}/.build.json`, `${JSON.stringify({ builtAt: builtAt.toISOString() })}\n`);
// Digests of the files of the last build by their stamps: unchanged files are not read again.
const digests = envFileDigests();
const compressStarted = performance.now();
// BUILD_PRECOMPRESS=0 (test builds whose .gz/.br nothing serves) skips the step, which is most of
// a small site's build time; the nginx test's production build keeps it.
const compressed =
  process.env.BUILD_PRECOMPRESS === '0'
    ? { files: 0, written: 0, reused: 0, compressed: 0 }
    : await boundedStep('precompress', limits.precompress, staging, () => precompress(staging, { cacheDir: precompressCacheDir(), digests }));
const compressSeconds = (performance.now() - compressStarted) / 1000;
// Last step: the manifest of every file with its hash, which scripts/deploy.sh checks before it
// switches (a folder that is not this whole build is refused).
const manifest = writeBuildManifest(staging, { builtAt: builtAt.toISOString() }, digests);
digests.save();
// The new output goes live by two renames; the previous one is deleted by a process of its own,
// after this build has finished (at 60,000 entries, deleting its 370,000 files takes many seconds).
if (existsSync(outDir)) {
  const previous = `${OLD_OUTPUT}${process.pid}`;
  renameSync(outDir, previous);
  renameSync(staging, outDir);
  removeLater([previous]);
} else renameSync(staging, outDir);
console.log(
  `构建完成：Astro ${astroSeconds.toFixed(1)} 秒，Pagefind ${pagefindSeconds.toFixed(1)} 秒，` +
    `预压缩 ${compressed.files} 个文件（重新压缩 ${compressed.compressed} 个）${compressSeconds.toFixed(1)} 秒，输出到 ${outDir}/（构建 ${manifest.id}，${manifest.files} 个文件）`,
);
