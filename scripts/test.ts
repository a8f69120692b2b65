/**
 * `npm test`: conventions check, lint (ESLint, Prettier), type check, unit tests, integration tests (bad-content builds, bench smoke), a production build, then the browser tests against the
 * built site. Stops at the first failing step; stops at once when no Chromium is installed.
 *
 * The checkout is guarded (scripts/checkout-guard.ts): every file Git sees is hashed before the
 * first step and after the last, and the run fails if any test changed, added or deleted one.
 * `--plant-local-edits` (CI) first plants an uncommitted content edit and an untracked upload,
 * checks that both survive, and takes them away again.
 */
import { findChromium } from './chromium.ts';
import { checkoutChanges, plantLocalEdits, snapshotCheckout } from './checkout-guard.ts';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { run } from './run.ts';

if (!findChromium()) {
  await run('node', ['scripts/require-chromium.ts']);
  process.exit(1);
}

const root = process.cwd();
const planted = process.argv.includes('--plant-local-edits') ? plantLocalEdits(root) : undefined;
if (planted) console.log(`已放置本地修改 ${planted.files.join('、')}，测试结束后检查它们是否原样保留。`);
const before = snapshotCheckout(root);
// One run id for every step: a fixture site built by the integration tests is reused by the
// browser tests (tests/support/fixture-build.node.ts); its folder goes at the end.
process.env.TEST_RUN_ID = `npm-test-${Date.now()}-${process.pid}`;

// The build skips precompression: the browser tests read dist/ through `astro preview`, which
// serves no .gz/.br; nginx.spec's production build precompresses and serves them.
const steps: [string, string, string[], NodeJS.ProcessEnv?][] = [
  ['约定检查', 'node', ['scripts/conventions.ts']],
  ['代码检查', 'npm', ['run', 'lint']],
  ['类型检查', 'npx', ['astro', 'check']],
  // Vitest's default is one worker fewer than the cores: one worker on the 2-core CI machine.
  ['单元测试', 'npx', ['vitest', 'run', '--project', 'unit', '--maxWorkers=100%']],
  ['集成测试', 'npx', ['vitest', 'run', '--project', 'integration']],
  ['构建', 'node', ['scripts/build.ts'], { BUILD_PRECOMPRESS: '0' }],
  ['浏览器测试', 'npx', ['playwright', 'test']],
];
const times: string[] = [];
let failure = 0;
for (const [name, command, args, env] of steps) {
  console.log(`\n=== ${name}：${command} ${args.join(' ')} ===`);
  const started = performance.now();
  const code = await run(command, args, env);
  times.push(`${name} ${((performance.now() - started) / 60_000).toFixed(1)} 分钟`);
  if (code !== 0) {
    console.error(`\n${name}失败（退出码 ${code}）。`);
    failure = code;
    break;
  }
}
console.log(`\n用时：${times.join('，')}`);
rmSync(path.join('.tmp', 'fixtures', process.env.TEST_RUN_ID), { recursive: true, force: true });

const changed = [...checkoutChanges(before, snapshotCheckout(root)), ...(planted?.check() ?? [])];
planted?.remove();
if (changed.length > 0) {
  console.error(`\n测试改动了工作区（测试只能在临时目录中写文件）：\n${changed.map((c) => `  ${c}`).join('\n')}`);
  process.exit(failure || 1);
}
if (failure) process.exit(failure);
console.log('\n全部测试通过；工作区的文件未被改动。');
