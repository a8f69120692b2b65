/**
 * `npm run scheduled-due`: for the hourly pipeline job. Exits 0 (and lists them) when an entry
 * scheduled for publication (定时发布) has fallen due since the last build recorded in
 * dist/.build.json, so that a rebuild would publish it; exits 1 when there is nothing to do.
 * Usage: `npm run -s scheduled-due && npm run build && …deploy…`.
 *
 * A rollback's hold (DEPLOY_ROOT/hold, written by `scripts/deploy.sh rollback`) stops it too:
 * nothing is due while the commit being built is the one that was withdrawn.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { readCollection } from '../src/lib/schema/validate.node.ts';
import { buildNow, dueSince } from '../src/lib/schedule.ts';
import { formatDateTime, toInstant } from '../src/lib/dates.ts';
import { buildCommit } from './build-manifest.ts';

const deployRoot = process.env.DEPLOY_ROOT || (process.env.BUILD_OUT_DIR ? path.dirname(process.env.BUILD_OUT_DIR) : undefined);
const holdFile = deployRoot ? path.join(deployRoot, 'hold') : undefined;
if (holdFile && existsSync(holdFile)) {
  const field = (key: string) => new RegExp(`^# ${key} (.*)$`, 'm').exec(readFileSync(holdFile, 'utf8'))?.[1]?.trim() ?? '';
  const held = field('commit');
  const commit = buildCommit();
  if (!held || !commit || held === commit) {
    console.log(`${holdFile}：已回退（撤下版本 ${field('release')}），在有新的提交或运行 scripts/deploy.sh release 之前不自动发布`);
    process.exit(1);
  }
}

const root = process.env.CONTENT_ROOT ?? 'content';
const buildFile = path.join(process.env.BUILD_OUT_DIR ?? 'dist', '.build.json');
const lastBuild = existsSync(buildFile) ? toInstant((JSON.parse(readFileSync(buildFile, 'utf8')) as { builtAt?: string }).builtAt) : undefined;
if (!lastBuild) {
  console.log(`${buildFile}：没有上次构建的时间，应当构建`);
  process.exit(0);
}
const publishTimes = [
  ...(['news', 'theory', 'exchange'] as const).flatMap((c) =>
    readCollection(root, c)
      .filter((e) => !e.data.draft)
      .map((e) => e.data.published),
  ),
  ...readCollection(root, 'diary')
    .filter((e) => !e.data.draft)
    .map((e) => e.data.date),
];
const due = dueSince(publishTimes, lastBuild, buildNow());
if (due.length === 0) process.exit(1);
console.log(`上次构建（${formatDateTime(lastBuild)}）之后到点的定时发布：${due.map(formatDateTime).join('、')}`);
