/**
 * The demo site under `npm run inspect`, on fixed dates computed from its own content (never the
 * day the test runs): it passes within 7 days of its newest entry, and fails, naming the columns,
 * once it has truly gone stale. Runs on a copy of the built dist/ (the script writes its report
 * page into the site).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from './helpers.ts';
import { readCollection } from '../../src/lib/schema/validate.node.ts';
import { beijingDay } from '../../src/lib/dates.ts';

const DIST = 'dist';
let site = '';

test.beforeAll(() => {
  site = mkdtempSync(path.join(tmpdir(), 'inspect-demo-'));
  cpSync(DIST, site, { recursive: true });
});
test.afterAll(() => rmSync(site, { recursive: true, force: true }));

/** The newest publication of the demo that the build shows, and that day plus `days`, as YYYY-MM-DD. */
function dayAfterNewest(days: number): string {
  const builtAt = new Date((JSON.parse(readFileSync(path.join(DIST, '.build.json'), 'utf8')) as { builtAt: string }).builtAt);
  const dates = [
    ...(['news', 'theory', 'exchange'] as const).flatMap((c) =>
      readCollection('content', c)
        .filter((e) => !e.data.draft)
        .map((e) => e.data.published),
    ),
    ...readCollection('content', 'diary')
      .filter((e) => !e.data.draft)
      .map((e) => e.data.date),
  ].filter((d) => d.getTime() <= builtAt.getTime());
  const newest = new Date(Math.max(...dates.map((d) => d.getTime())));
  return beijingDay(new Date(newest.getTime() + days * 24 * 60 * 60 * 1000));
}

const inspect = (date: string) =>
  spawnSync(process.execPath, ['scripts/inspect.ts', '--dist', site, '--date', date], { encoding: 'utf8', env: { ...process.env, CONTENT_ROOT: 'content' } });

test('the demo passes within 7 days of its newest entry', () => {
  const r = inspect(dayAfterNewest(7));
  expect(r.stderr).toBe('');
  expect(r.stdout).not.toContain('【不合格】');
  expect(r.status, r.stdout).toBe(0);
  // Stations are a warnings section of their own; none of them is a column.
  expect(r.stdout).toContain('三、工作站更新情况（提示');
  expect(r.stdout).not.toMatch(/栏目不更新[^\n]*\n(\s{4}.*\n)*\s{4}工作站：/);
  // 活动通知 is never dated by an event's start (an event months ahead would read "0 天前").
  expect(r.stdout).not.toMatch(/活动通知：最新内容/);
});

test('the demo fails, naming the stale columns, when nothing has been published for months', () => {
  const r = inspect(dayAfterNewest(200));
  expect(r.status).toBe(1);
  expect(r.stdout).toMatch(/【不合格】首页更新/);
  expect(r.stdout).toMatch(/新闻：党建动态：最新内容 \d{4}年\d{1,2}月\d{1,2}日，\d+ 天前/);
  expect(r.stdout).toMatch(/党建日记：最新内容/);
});

test('the consultation channel is in every footer and on the 联系我们 page', () => {
  const channel = /^consultation:\s*(\S+)/m.exec(readFileSync('content/settings/site.yaml', 'utf8'))?.[1];
  expect(channel).toBeTruthy();
  for (const page of ['index.html', 'news/index.html', 'contact/index.html']) {
    const html = readFileSync(path.join(DIST, page), 'utf8');
    const footer = /<footer\b[\s\S]*<\/footer>/.exec(html)?.[0] ?? '';
    expect(footer, page).toContain(`href="${channel}"`);
    expect(footer, page).toContain('网上咨询建言');
  }
  const contact = readFileSync(path.join(DIST, 'contact/index.html'), 'utf8');
  expect(contact).toMatch(/<h1[^>]*>联系我们<\/h1>/);
  const main = /<main\b[\s\S]*<\/main>/.exec(contact)?.[0] ?? '';
  expect(main).toContain(`href="${channel}"`);
});
