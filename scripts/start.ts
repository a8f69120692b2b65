/**
 * `npm start`: builds the site, then serves dist/ at http://localhost:4321 (SITE_PORT) with
 * decap-server beside it (port 8081, or CMS_LOCAL_PORT, the port the generated /admin config
 * points at), so /admin/ edits the files in content/ on this machine. Rebuild (npm run build) to
 * see edits on the site; `npm run dev` reloads them live.
 *
 * `npm run start:review` (`--review`) runs decap-server in git mode instead: the editorial
 * workflow (草稿 → 待审核 → 待发布) on this Git repository, each unpublished change a
 * `cms/<collection>/<slug>` branch, publishing a merge commit on the current branch (main).
 * `--no-build` serves the existing build.
 *
 * decap-server has no authentication and writes files: it runs behind the guard of
 * cms-server.ts (only its own Host, only paths in content/ and public/media/), listens on
 * 127.0.0.1 only, and its CORS answers only the site's own local origin.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { serveStatic } from './site-files.ts';
import { run } from './run.ts';

const review = process.argv.includes('--review');
const sitePort = Number(process.env.SITE_PORT ?? 4321);
const cmsPort = process.env.CMS_LOCAL_PORT ?? '8081';
const outDir = process.env.BUILD_OUT_DIR ?? 'dist';

if (review) {
  const inside = spawnSync('git', ['rev-parse', '--abbrev-ref', 'HEAD'], { encoding: 'utf8' });
  if (inside.status !== 0) {
    console.error('npm run start:review 需要在 Git 仓库中运行（审核流程的每条修改是一个分支）；不用审核时请运行 npm start。');
    process.exit(1);
  }
  const branch = process.env.CMS_BRANCH ?? 'main';
  if (inside.stdout.trim() !== branch) {
    console.error(`审核流程把发布的内容合并到 ${branch} 分支：请先 git switch ${branch}（当前是 ${inside.stdout.trim()}）。`);
    process.exit(1);
  }
}

if (!process.argv.includes('--no-build') && (await run('node', ['scripts/build.ts'])) !== 0) process.exit(1);

const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
const decapEnv: NodeJS.ProcessEnv = {
  ...env,
  PORT: cmsPort,
  BIND_HOST: '127.0.0.1',
  ORIGIN: `http://localhost:${sitePort}`,
  GIT_REPO_DIRECTORY: process.cwd(),
  MODE: review ? 'git' : 'fs',
};
if (review) {
  // Publishing always records a merge commit (who published what, and one commit to revert),
  // without touching the repository's own Git configuration.
  Object.assign(decapEnv, { GIT_CONFIG_COUNT: '1', GIT_CONFIG_KEY_0: 'merge.ff', GIT_CONFIG_VALUE_0: 'false' });
}
const cmsServer = new URL('./cms-server.ts', import.meta.url).pathname;
const decap: ChildProcess = spawn(process.execPath, [cmsServer], { stdio: 'inherit', env: decapEnv });
await serveStatic(outDir, sitePort);
console.log(
  `\n网站：http://localhost:${sitePort}/　内容管理：http://localhost:${sitePort}/admin/` +
    `（${review ? '审核流程：草稿 → 待审核 → 待发布，发布即合并到主分支' : '保存即写入 content/'}；按 Ctrl+C 停止）\n`,
);

const stop = (code = 0) => {
  decap.kill('SIGTERM');
  process.exit(code);
};
process.on('SIGINT', () => stop());
process.on('SIGTERM', () => stop());
decap.on('exit', (code) => stop(code ?? 0));
