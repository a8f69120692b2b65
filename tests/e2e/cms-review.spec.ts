/**
 * Review before publishing, end to end, as a newcomer would run it: a scratch Git repository
 * holding this project (node_modules linked), `npm run start:review` in it (decap-server in git
 * mode behind the built /admin), and the real Decap UI driven through the editorial workflow.
 * Builds the scratch site three times (start, drafts saved, published): the slowest spec, kept
 * in its own file and Playwright project ("review").
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from './helpers.ts';
import { projectCopy, scratchGit, type ProjectCopy } from '../support/project-copy.node.ts';
import { projectBuild } from '../support/fixture-build.node.ts';
import type { Page } from '@playwright/test';

const SITE_PORT = Number(process.env.REVIEW_SITE_PORT ?? 8144);
const CMS_PORT = Number(process.env.REVIEW_CMS_PORT ?? 8145);
const SITE = `http://localhost:${SITE_PORT}`;

let copy: ProjectCopy | undefined;
let repo = '';
let start: ChildProcess | undefined;

// Git only in the project copy (scratchGit refuses the checkout and an unset path).
const git = (...args: string[]) => scratchGit(repo)(...args).trim();
const branches = () => git('branch', '--list', 'cms/*', '--format=%(refname:short)').split('\n').filter(Boolean).sort();
const status = (branch: string) => git('config', `branch.${branch}.description`);
const onMain = (file: string) => git('ls-tree', '--name-only', 'main', '--', file);
// Its builds are served by scripts/site-files.ts, which compresses on the fly: no precompression.
const env = () => ({
  ...process.env,
  SITE_PORT: String(SITE_PORT),
  CMS_LOCAL_PORT: String(CMS_PORT),
  CMS_BACKEND: '',
  CMS_BASE_URL: '',
  BUILD_PRECOMPRESS: '0',
});

function rebuild(): void {
  projectBuild('content', 'dist', { SITE_PORT: String(SITE_PORT), CMS_LOCAL_PORT: String(CMS_PORT), CMS_BACKEND: '', CMS_BASE_URL: '' }, repo);
}
const built = (address: string) => {
  const file = path.join(repo, 'dist', address, 'index.html');
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
};

test.describe.configure({ mode: 'serial', timeout: 600_000 });
test.use({ screenshot: 'only-on-failure' });

test.beforeAll(async () => {
  test.setTimeout(300_000);
  // This checkout's files as a district's repository would hold them (tracked and new, not ignored).
  copy = projectCopy('louyu-review-', { author: ['区委社会工委', 'review@example.test'] });
  repo = copy.dir;

  start = spawn('npm', ['run', 'start:review'], { cwd: repo, env: env(), stdio: 'ignore', detached: true });
  await expect.poll(async () => (await fetch(`${SITE}/admin/config.yml`).catch(() => undefined))?.status, { timeout: 240_000, intervals: [1000] }).toBe(200);
});

test.afterAll(() => {
  if (start?.pid) process.kill(-start.pid, 'SIGTERM');
  copy?.remove();
});

const field = (page: Page, label: string) => page.getByLabel(new RegExp(`^${label}( \\(可选\\))?$`));

async function fill(page: Page, label: string, value: string): Promise<void> {
  await field(page, label).fill(value);
  await expect(field(page, label)).toHaveValue(value);
}

async function pick(page: Page, label: string, term: string): Promise<void> {
  const input = field(page, label);
  await input.click();
  await input.pressSequentially(term);
  await expect(page.getByText(term, { exact: true }).last()).toBeVisible();
  await input.press('Enter');
}

async function open(page: Page, hash: string): Promise<void> {
  await page.goto('about:blank');
  await page.goto(`${SITE}/admin/${hash}`);
}

async function login(page: Page): Promise<void> {
  await page.goto(`${SITE}/admin/`);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('link', { name: '党建动态' }).first()).toBeVisible();
}

/** Saves the open entry as (or into) an unpublished change. */
async function save(page: Page): Promise<void> {
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(
    page
      .getByText('状态: 草稿')
      .or(page.getByText(/状态: /))
      .first(),
  ).toBeVisible({ timeout: 30_000 });
}

async function setStatus(page: Page, from: string, to: string): Promise<void> {
  await page.getByText(`状态: ${from}`).click();
  await page
    .getByRole('menuitem', { name: to })
    .or(page.getByText(to, { exact: true }))
    .last()
    .click();
  await expect(page.getByText(`状态: ${to}`)).toBeVisible({ timeout: 15_000 });
}

const NEW_TITLE = '审核流程演示：楼宇企业座谈会';
const EDITED = '2026-11-20-lingxiu-lianxi-huiyi';
const EDITED_SUMMARY = '经审核修改：工作站邀请楼内企业负责人，共同梳理用工和政策申报需求。';
const DISCARDED = '2025-04-08-wanshang-lianxi-huiyi';
let newSlug = '';
let mainBefore = '';

test('drafts: a new item and an edit are saved as cms/ branches; main, and the built site, stay as they were', async ({ page }) => {
  mainBefore = git('rev-parse', 'main');
  await login(page);

  await open(page, '#/collections/news/new');
  await fill(page, '标题', NEW_TITLE);
  await pick(page, '栏目', '工作站动态');
  await fill(page, '摘要', '工作站邀请楼内企业代表座谈，听取意见建议。');
  await page.locator('[data-slate-editor="true"]').first().click();
  await page.keyboard.type('座谈会上，企业代表围绕用工和政策申报提出建议。');
  await save(page);
  await expect(page).toHaveURL(/\/collections\/news\/entries\/[^/]+$/);
  newSlug = decodeURIComponent(page.url().split('/entries/')[1] ?? '');
  expect(status(`cms/news/${newSlug}`)).toBe('decap-cms/draft');

  await open(page, `#/collections/news/entries/${EDITED}`);
  await fill(page, '摘要', EDITED_SUMMARY);
  await save(page);
  await expect.poll(branches).toEqual([`cms/news/${EDITED}`, `cms/news/${newSlug}`].sort());

  // Nothing reached main: same commit, no new file, the old summary.
  expect(git('rev-parse', 'main')).toBe(mainBefore);
  expect(onMain(`content/news/${newSlug}.md`)).toBe('');
  expect(git('show', `main:content/news/${EDITED}.md`)).not.toContain(EDITED_SUMMARY);
  expect(git('show', `cms/news/${newSlug}:content/news/${newSlug}.md`)).toContain(NEW_TITLE);

  rebuild();
  expect(built(`news/${newSlug}`)).toBeUndefined();
  expect(built(`news/${EDITED}`)).not.toContain(EDITED_SUMMARY);
});

test('an unpublished change is deleted without touching main', async ({ page }) => {
  await login(page);
  await open(page, `#/collections/news/entries/${DISCARDED}`);
  await fill(page, '摘要', '这处修改不会发布。');
  await save(page);
  await expect.poll(branches).toContain(`cms/news/${DISCARDED}`);
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: '删除未发布的修改' }).click();
  await expect.poll(branches).not.toContain(`cms/news/${DISCARDED}`);
  expect(git('rev-parse', 'main')).toBe(mainBefore);
  expect(git('status', '--porcelain')).toBe('');
});

test('review: 草稿 → 审核中 (待审核) → 就绪 (待发布) → published as a merge commit on main', async ({ page }) => {
  // Decap asks "publish this entry?" in a confirm dialog; the chief editor says yes.
  const asked: string[] = [];
  page.on('dialog', (dialog) => {
    asked.push(dialog.message());
    void dialog.accept();
  });
  await login(page);
  for (const slug of [newSlug, EDITED]) {
    await open(page, `#/collections/news/entries/${slug}`);
    await setStatus(page, '草稿', '审核中');
    expect(status(`cms/news/${slug}`)).toBe('decap-cms/pending_review');
    await setStatus(page, '审核中', '就绪');
    expect(status(`cms/news/${slug}`)).toBe('decap-cms/pending_publish');
    const before = git('rev-parse', 'main');
    await page.getByRole('button', { name: '发布', exact: true }).click();
    await page.getByText('立即发布', { exact: true }).click();
    await expect.poll(branches).not.toContain(`cms/news/${slug}`);
    // A merge commit: two parents, the first being main as it was.
    expect(git('log', '-1', '--format=%P', 'main').split(' ')).toEqual([before, expect.stringMatching(/^[0-9a-f]{40}$/)]);
  }
  expect(asked).toHaveLength(2);
  expect(onMain(`content/news/${newSlug}.md`)).toBe(`content/news/${newSlug}.md`);
  expect(git('show', `main:content/news/${EDITED}.md`)).toContain(EDITED_SUMMARY);
  expect(git('show', `main:content/news/${DISCARDED}.md`)).not.toContain('这处修改不会发布');
});

test('after publishing, the rebuilt site shows both changes and search finds the new item', async ({ page }) => {
  rebuild();
  expect(built(`news/${newSlug}`)).toContain(NEW_TITLE);
  expect(built(`news/${EDITED}`)).toContain(EDITED_SUMMARY);
  await page.goto(`${SITE}/search/?q=${encodeURIComponent('审核流程演示')}`);
  await expect(page.locator('[data-results] a').first()).toHaveAttribute('href', `/news/${newSlug}/`);
});
