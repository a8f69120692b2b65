/**
 * The CMS through its real UI: built /admin + decap-server on loopback, writing into the content/
 * of a temporary copy of the project (never the checkout's: an editor's uncommitted edits and
 * uploads there must survive `npm test`). Tests run one after another (they share the copy) and
 * each starts from the copy as committed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './helpers.ts';
import yaml from 'js-yaml';
import { formatProblem, validateContent } from '../../src/lib/schema/validate.node.ts';
import { splitFrontMatter } from '../../src/lib/front-matter.ts';
import { serveStatic } from '../../scripts/site-files.ts';
import { projectCopy, scratchGit, type ProjectCopy } from '../support/project-copy.node.ts';
import { projectBuild } from '../support/fixture-build.node.ts';

// One after another in one worker (they share content/), each independent of the others.
test.describe.configure({ mode: 'default', timeout: 90_000 });
test.use({ screenshot: 'only-on-failure' });

/** decap-server's port is the one the built config points at (CMS_LOCAL_PORT at build time). */
const config = yaml.load(readFileSync('dist/admin/config.yml', 'utf8')) as { local_backend: { url: string } };
const decapUrl = config.local_backend.url;
const decapPort = new URL(decapUrl).port;

let copy: ProjectCopy | undefined;
/** The project copy decap-server writes into. */
let root = '';
let decap: ChildProcess | undefined;

test.beforeAll(async () => {
  copy = projectCopy('louyu-cms-');
  root = copy.dir;
  decap = spawn(process.execPath, [path.join(root, 'node_modules/decap-server/dist/index.js')], {
    cwd: root,
    env: { ...process.env, PORT: decapPort, BIND_HOST: '127.0.0.1', GIT_REPO_DIRECTORY: root },
    stdio: 'ignore',
  });
  await expect
    .poll(
      async () => {
        try {
          const res = await fetch(decapUrl, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"action":"info"}' });
          return res.ok;
        } catch {
          return false;
        }
      },
      { timeout: 15_000 },
    )
    .toBe(true);
});

test.afterAll(() => {
  decap?.kill();
  copy?.remove();
});

/** Puts the copy's content/ (and uploads) back as committed. */
function restoreContent(): void {
  copy?.reset();
}

/** Files under the copy's content/ (and public/) that differ from its commit. */
function changedFiles(): string[] {
  const out = scratchGit(root)('status', '--porcelain', '--untracked-files=all', '--', 'content', 'public');
  return out
    .split('\n')
    .filter(Boolean)
    .map((l) => l.slice(3))
    .sort();
}

function expectContentValid(): void {
  expect(validateContent(path.join(root, 'content')).map(formatProblem)).toEqual([]);
}

const errors: string[] = [];
test.beforeEach(async ({ page }) => {
  errors.length = 0;
  restoreContent();
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
});

test.afterEach(async ({ page }) => {
  const csp = await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []).catch(() => []);
  restoreContent();
  expect(csp, 'CSP violations').toEqual([]);
  expect(errors, 'console errors').toEqual([]);
});

async function login(page: Page): Promise<void> {
  await page.goto('/admin/');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('link', { name: '党建动态' }).first()).toBeVisible();
}

/** Opens an empty form with a full page load (a hash change alone can race the previous form). */
async function openNew(page: Page, collection: string): Promise<void> {
  await page.goto('about:blank');
  await page.goto(`/admin/#/collections/${collection}/new`);
  await expect(page.locator('[data-slate-editor="true"]').first()).toBeVisible();
}

const field = (page: Page, label: string) => page.getByLabel(new RegExp(`^${label}( \\(可选\\))?$`));

async function fill(page: Page, label: string, value: string): Promise<void> {
  await field(page, label).fill(value);
  await expect(field(page, label)).toHaveValue(value);
}

/** Types into a select or relation widget (react-select) and takes the first match. */
async function pick(page: Page, label: string, term: string, expected = term): Promise<void> {
  const input = field(page, label);
  await input.click();
  await input.pressSequentially(term);
  await expect(page.getByText(expected, { exact: true }).last()).toBeVisible();
  await input.press('Enter');
}

async function body(page: Page, text: string): Promise<void> {
  const editor = page.locator('[data-slate-editor="true"]').first();
  await editor.click();
  await page.keyboard.type(text);
}

/** Publishes (local mode: saves) and returns the new entry's file name. */
async function publish(page: Page, collection: string): Promise<string> {
  await page.getByRole('button', { name: '发布', exact: true }).click();
  await page.getByText('立即发布', { exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/collections/${collection}/entries/[^/]+$`));
  const slug = decodeURIComponent(page.url().split('/entries/')[1] ?? '');
  const dir = path.join(root, 'content', collection);
  const file = readdirSync(dir).find((f) => f.replace(/\.(md|yaml)$/, '') === slug);
  expect(file, `a file for ${slug} in content/${collection}`).toBeTruthy();
  return path.join(dir, file!);
}

/** A file's front matter; empty while the file is empty (decap-server truncates before writing). */
function frontMatter(file: string): Record<string, unknown> {
  const raw = readFileSync(file, 'utf8');
  return (yaml.load(splitFrontMatter(raw)?.yaml ?? raw, { schema: yaml.JSON_SCHEMA }) as Record<string, unknown> | undefined) ?? {};
}

test('the CMS loads from this origin only, and login and the collection list work by keyboard', async ({ page, baseURL }) => {
  const foreign: string[] = [];
  const origin = new URL(baseURL!).origin;
  page.on('request', (r) => {
    const url = new URL(r.url());
    const allowed = url.origin === origin || r.url().startsWith(decapUrl) || ['blob:', 'data:'].includes(url.protocol);
    if (!allowed) foreign.push(r.url());
  });
  await page.goto('/admin/');
  await expect(page).toHaveTitle(/内容管理/);
  const loginButton = page.getByRole('button', { name: '登录' });
  await expect(loginButton).toBeVisible();
  for (let i = 0; i < 10 && !(await loginButton.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(loginButton).toBeFocused();
  await page.keyboard.press('Enter');
  const diary = page.getByRole('link', { name: '党建日记' }).first();
  await expect(diary).toBeVisible();
  for (let i = 0; i < 40 && !(await diary.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(diary).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/collections\/diary$/);
  await expect(page.getByText('走访三家新入驻企业')).toBeVisible();
  expect(foreign).toEqual([]);
});

test('a news item is published with a station picked by building name; the same title twice keeps both', async ({ page }) => {
  await login(page);
  const files: string[] = [];
  for (let i = 0; i < 2; i++) {
    await openNew(page, 'news');
    await fill(page, '标题', '楼宇企业座谈会顺利召开');
    await pick(page, '工作站', '首特', '首特科技孵化器有限责任公司');
    await pick(page, '栏目', '工作站动态');
    await fill(page, '摘要', '工作站邀请楼内企业代表座谈，听取意见建议。');
    await body(page, '座谈会上，企业代表围绕用工和政策申报提出建议。');
    files.push(await publish(page, 'news'));
  }
  expect(new Set(files).size).toBe(2);
  for (const file of files) {
    expect(path.basename(file)).toMatch(/^\d{4}-\d{2}-\d{2}-\d{4}(-1)?\.md$/);
    const data = frontMatter(file);
    expect(data).toMatchObject({ title: '楼宇企业座谈会顺利召开', station: 'lingxiu', category: '工作站动态' });
    expect(String(data.published)).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(data).not.toHaveProperty('cover');
  }
  expectContentValid();
});

test('an activity is published and passes the schema', async ({ page }) => {
  await login(page);
  await openNew(page, 'activities');
  await fill(page, '活动名称', '政策申报辅导会');
  await fill(page, '地点', '领秀大厦一层工作站');
  await pick(page, '工作站', '领秀', '领秀大厦');
  await pick(page, '活动类型', '送政策');
  await fill(page, '面向对象', '楼内企业员工');
  await fill(page, '报名方式', '拨打工作站电话报名');
  await fill(page, '摘要', '讲解本年度企业可申报的扶持政策。');
  await body(page, '欢迎楼内企业负责人参加。');
  const file = await publish(page, 'activities');
  expect(path.basename(file)).toMatch(/^\d{4}-\d{2}-\d{2}-lingxiu\.md$/);
  expect(frontMatter(file)).toMatchObject({ station: 'lingxiu', kind: '送政策', cancelled: false });
  expectContentValid();
});

test('a diary entry is published with a date-only day', async ({ page }) => {
  await login(page);
  await openNew(page, 'diary');
  await fill(page, '标题', '走访楼内企业');
  await pick(page, '工作站', '万商', '万商大厦');
  await body(page, '今天走访了两家企业。');
  const file = await publish(page, 'diary');
  expect(path.basename(file)).toMatch(/^\d{4}-\d{2}-\d{2}-wanshang\.md$/);
  expect(String(frontMatter(file).date)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  expectContentValid();
});

test('an experience post replies to another post', async ({ page }) => {
  await login(page);
  await openNew(page, 'exchange');
  await fill(page, '标题', '我们也建了需求台账');
  await pick(page, '工作站', '万商', '万商大厦');
  await pick(page, '话题', '服务企业');
  await fill(page, '摘要', '借鉴领秀大厦工作站的做法，建立了需求台账。');
  await pick(page, '回复', '需求台账', '用需求台账把企业的事情记下来、办下去');
  await body(page, '我们按四类需求分别登记。');
  const file = await publish(page, 'exchange');
  expect(frontMatter(file)).toMatchObject({ station: 'wanshang', replyTo: '2026-11-15-lingxiu-xuqiu-taizhang' });
  expectContentValid();
});

test('a lesson with a quiz is published; answers are numbers and options strings', async ({ page }) => {
  await login(page);
  await openNew(page, 'lessons');
  await fill(page, '课时名称', '工作站的服务台账');
  await pick(page, '所属课程', '新任', '新任工作人员上岗培训');
  await fill(page, '顺序', '2');
  await fill(page, '学习时长（分钟）', '8');
  await fill(page, '摘要', '了解四本需求台账怎样记、怎样用。');
  await body(page, '工作站把企业需求分为四类登记。');
  await page.getByRole('button', { name: /新增\s*自测题/ }).click();
  await fill(page, '题目', '需求台账分为几类？');
  await pick(page, '题型', '单选', '单选题');
  for (const option of ['三类', '四类']) {
    await page.getByRole('button', { name: /新增\s*选项/ }).click();
    await field(page, '选项').last().fill(option);
  }
  await page.getByRole('button', { name: /新增\s*正确答案/ }).click();
  await field(page, '正确答案').last().fill('1');
  await fill(page, '解析', '接待、服务、关爱、教育四类。');
  const file = await publish(page, 'lessons');
  expect(path.basename(file)).toBe('xinren-peixun-2.md');
  expect(frontMatter(file)).toMatchObject({
    course: 'xinren-peixun',
    order: 2,
    minutes: 8,
    quiz: [{ question: '需求台账分为几类？', type: 'single', options: ['三类', '四类'], answer: [1], explanation: '接待、服务、关爱、教育四类。' }],
  });
  expectContentValid();
});

test('editing an existing entry changes only that file', async ({ page }) => {
  await login(page);
  await page.goto('/admin/#/collections/news/entries/2026-11-20-lingxiu-lianxi-huiyi');
  await expect(field(page, '标题')).toHaveValue('领秀大厦工作站召开第四季度企业联席会议');
  await fill(page, '摘要', '工作站邀请楼内企业负责人，共同梳理用工和政策申报需求。');
  await page.getByRole('button', { name: '发布', exact: true }).click();
  await page.getByText('立即发布', { exact: true }).click();
  const edited = path.join(root, 'content/news/2026-11-20-lingxiu-lianxi-huiyi.md');
  await expect.poll(() => frontMatter(edited).summary).toBe('工作站邀请楼内企业负责人，共同梳理用工和政策申报需求。');
  expect(changedFiles()).toEqual(['content/news/2026-11-20-lingxiu-lianxi-huiyi.md']);
  const data = frontMatter(edited);
  expect(data).toMatchObject({ summary: '工作站邀请楼内企业负责人，共同梳理用工和政策申报需求。', published: '2026-11-20 15:30', station: 'lingxiu' });
  expectContentValid();
});

test('a news cover with a Chinese file name lands in content/media; the rebuilt site shows the item and search finds it', async ({ page }) => {
  test.setTimeout(180_000);
  await login(page);
  await openNew(page, 'news');
  await fill(page, '标题', '工作站新址启用');
  await pick(page, '栏目', '通知公告');
  await fill(page, '摘要', '工作站搬入新址，欢迎企业员工前来。');
  await page.getByRole('button', { name: '选择图片' }).click();
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGP4z8DwHwAFAAH/iZk9HQAAAABJRU5ErkJggg==', 'base64');
  await page.locator('input[type="file"]').setInputFiles({ name: '新址封面.PNG', mimeType: 'image/png', buffer: png });
  await page.getByRole('button', { name: '选用已选中项目' }).click();
  await fill(page, '封面图说明', '工作站新址外景');
  await body(page, '工作站已搬入新址。');
  const file = await publish(page, 'news');
  const cover = String(frontMatter(file).cover);
  expect(cover).toMatch(/^\.\.\/media\/tupian-\d{8}-\d{6}\.png$/);
  expect(existsSync(path.resolve(path.dirname(file), cover))).toBe(true);
  expectContentValid();

  // A station edited in the same session: its page exists on this site, so the rebuild must show it.
  await page.goto('about:blank');
  await page.goto('/admin/#/collections/stations/entries/yinxing');
  await expect(field(page, '地址')).not.toHaveValue('');
  await fill(page, '开放时间', '周一至周六 8:30—18:00');
  await page.getByRole('button', { name: '发布', exact: true }).click();
  await page.getByText('立即发布', { exact: true }).click();
  await expect.poll(() => readFileSync(path.join(root, 'content/stations/yinxing.md'), 'utf8')).toContain('周一至周六 8:30—18:00');
  expectContentValid();

  // The full build (validate → Astro, which must accept the cover path through image() → Pagefind),
  // in the copy. `./content` is its content/ under another name, which gives the build an Astro
  // content cache of its own (astro.config.mjs) instead of the one in the node_modules it shares
  // with the checkout.
  const out = 'dist';
  projectBuild('./content', out, {}, root);
  const html = readFileSync(path.join(root, out, 'stations', 'yinxing', 'index.html'), 'utf8');
  expect(html).toContain('周一至周六 8:30—18:00');
  expect(readdirSync(path.join(root, out, '_astro')).some((f) => /^tupian-\d{8}-\d{6}\..*\.(png|webp)$/.test(f))).toBe(true);

  // The new item has its page, and the site's search finds it by its title.
  const id = path.basename(file, '.md');
  expect(readFileSync(path.join(root, out, 'news', id, 'index.html'), 'utf8')).toContain('工作站新址启用');
  const server = await serveStatic(path.join(root, out));
  try {
    await page.goto(`${server.url}/search/?q=${encodeURIComponent('新址启用')}`);
    await expect(page.locator('[data-results] a').first()).toHaveAttribute('href', `/news/${id}/`);
  } finally {
    await server.close();
  }
});
