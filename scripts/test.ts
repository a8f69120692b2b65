/**
 * `npm test`: conventions check, lint (ESLint, Prettier), type check, unit tests, integration tests (bad-content builds, bench smoke), a production build, then the browser tests against the
 * built site. Stops at the first failing step; stops at once when no Chromium is installed.
 */
import { findChromium } from './chromium.ts';
import { run } from './run.ts';

if (!findChromium()) {
  await run('node', ['scripts/require-chromium.ts']);
  process.exit(1);
}

const steps: [string, string, string[]][] = [
  ['约定检查', 'node', ['scripts/conventions.ts']],
  ['代码检查', 'npm', ['run', 'lint']],
  ['类型检查', 'npx', ['astro', 'check']],
  ['单元测试', 'npx', ['vitest', 'run', '--project', 'unit']],
  ['集成测试', 'npx', ['vitest', 'run', '--project', 'integration']],
  ['构建', 'node', ['scripts/build.ts']],
  ['浏览器测试', 'npx', ['playwright', 'test']],
];
for (const [name, command, args] of steps) {
  console.log(`\n=== ${name}：${command} ${args.join(' ')} ===`);
  const code = await run(command, args);
  if (code !== 0) {
    console.error(`\n${name}失败（退出码 ${code}）。`);
    process.exit(code);
  }
}
console.log('\n全部测试通过。');
