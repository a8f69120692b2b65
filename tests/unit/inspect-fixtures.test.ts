/**
 * `npm run inspect` end to end on two fixture sites (tests/fixtures/inspect/): the real script,
 * the real schemas and a hand-written built site, copied to a temporary folder because the
 * script writes its report page into the site.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const BASE = 'tests/fixtures/content-min';
const FIXTURES = 'tests/fixtures/inspect';
const temp = mkdtempSync(path.join(tmpdir(), 'inspect-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** Copies a fixture site (content overlaid on content-min, and its dist/) and runs inspect on it. */
function inspect(name: string, ...args: string[]) {
  const dir = path.join(temp, name);
  cpSync(BASE, path.join(dir, 'content'), { recursive: true });
  cpSync(path.join(FIXTURES, name), dir, { recursive: true });
  const r = spawnSync(process.execPath, ['scripts/inspect.ts', '--content', path.join(dir, 'content'), '--dist', path.join(dir, 'dist'), ...args], {
    encoding: 'utf8',
  });
  return { status: r.status, out: r.stdout, err: r.stderr, dir };
}

describe('a site where every 单项否决 item passes', () => {
  const r = inspect('all-pass', '--date', '2026-11-25');
  it('exits 0 and says so', () => {
    expect(r.err).toBe('');
    expect(r.status).toBe(0);
    expect(r.out).toContain('结论：单项否决项全部合格。');
    expect(r.out).not.toContain('【不合格】');
  });
  it('reports the home page age in Beijing days', () => expect(r.out).toContain('【合格】首页更新：首页最新内容发布于 2026年11月23日，距检查日 2 天'));
  it('finds the identifiers, the 网站地图 and robots.txt', () => {
    expect(r.out).toContain('【合格】页脚标识');
    expect(r.out).toContain('【合格】网站地图页面');
    expect(r.out).toContain('【合格】robots.txt');
  });
  it('writes the report page into the site, under /admin/', () => {
    const page = readFileSync(path.join(r.dir, 'dist/admin/inspect/index.html'), 'utf8');
    expect(page).toContain('<meta name="robots" content="noindex, nofollow">');
    expect(page).toContain('data-verdict="pass"');
  });
  it('the same site fails three months later, naming the stale columns', () => {
    const later = inspect('all-pass', '--date', '2027-02-25');
    expect(later.status).toBe(1);
    expect(later.out).toContain('【不合格】首页更新');
    // Three stale columns (2 weeks) counted together with stale 通知公告: under 5, so no veto.
    expect(later.out).toMatch(/【合格】栏目不更新：.*累计 3 个（累计超过（含）5 个不合格）/);
    expect(later.out).toContain('新闻：党建动态：最新内容 2026年11月22日，95 天前');
    // A station is not a column: a warning of its own, dated by publication only.
    expect(later.out).toMatch(
      /三、工作站更新情况（提示[^\n]*\n【提示】1 个工作站中 1 个超过 14 天没有发布内容\n {4}工作站：领秀大厦等2座楼宇：最新内容 2026年11月20日，97 天前/,
    );
  });
});

describe('a site where each 单项否决 item fails', () => {
  const r = inspect('each-fails', '--date', '2027-09-01');
  it('exits 1', () => expect(r.status).toBe(1));
  it.each([
    ['home page', '【不合格】首页更新'],
    ['stale columns counted together', '栏目不更新：动态、要闻类栏目超过 14 天未更新和通知公告、政策文件类栏目超过 6 个月未更新的，累计 4 个'],
    ['no consultation channel', '【不合格】互动回应差：没有网上有效咨询建言渠道'],
    ['通知公告', '新闻：通知公告：没有内容'],
    ['empty columns', '【不合格】空白栏目和页面：5 个'],
    ['empty column by name', '理论专栏：空专栏a'],
    ['date after the build, shown', '【不合格】发布日期晚于构建时间并已上线的内容：1 条'],
    ['which entry', '2027-12-01-yuding-tongzhi.md：发布时间 2027-12-01 09:00 晚于构建时间，却已出现在网站上'],
    ['wording with file and line', '2026-11-21-biaoshu.md 第 10 行：“全国人大代表大会”应为“全国人民代表大会”'],
  ])('names the failure: %s', (_, text) => expect(r.out).toContain(text));
  it.each([
    ['broken link', '/index.html → /missing/'],
    ['identifiers', '/index.html：网站标识码、ICP备案号、公安机关备案号、主办单位、联系方式'],
    ['no 网站地图', '缺少 /sitemap/ 页面'],
    ['no robots.txt', '缺少 /robots.txt'],
  ])('loses points: %s', (_, text) => expect(r.out).toContain(text));
  it('the report page says it failed', () => {
    expect(readFileSync(path.join(r.dir, 'dist/admin/inspect/index.html'), 'utf8')).toContain('data-verdict="fail"');
  });
});

describe('bad input', () => {
  it.each([
    [['--date', '2026-02-30'], '--date：无法识别的日期“2026-02-30”'],
    [['--dist', 'no-such-folder'], 'no-such-folder/：没有构建好的网站，请先运行 npm run build'],
  ])('%j: one line, no stack trace', (args, message) => {
    const r = spawnSync(process.execPath, ['scripts/inspect.ts', ...args], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(message);
  });
  it('without a build time the site must be rebuilt', () => {
    const dir = path.join(temp, 'no-build-time');
    cpSync(path.join(FIXTURES, 'all-pass/dist'), dir, { recursive: true });
    rmSync(path.join(dir, '.build.json'));
    const r = spawnSync(process.execPath, ['scripts/inspect.ts', '--dist', dir], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('.build.json：缺少构建时间');
    expect(existsSync(path.join(dir, 'admin'))).toBe(false);
  });
});
