/**
 * The guard `npm test` runs around its steps: in a temporary Git repository holding an editor's
 * uncommitted edit and untracked upload, what the old cms.spec did before every test
 * (`git checkout -- content`, `git clean -fdq -- content public/media`) is caught, naming both
 * files; ignored build output is not a change; a run that touches nothing passes. And the
 * project copy that cms.spec and cms-review.spec let decap-server write into: writing, resetting
 * and deleting the copy leaves the checkout's edit and upload as they were.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkoutChanges, plantLocalEdits, snapshotCheckout, PLANTED_EDIT, PLANTED_UPLOAD } from '../../scripts/checkout-guard.ts';
import { CHECKOUT, projectCopy, scratchGit } from '../support/project-copy.node.ts';

let repo = '';
// Every git command of these tests runs through scratchGit: never in the checkout.
const git = (...args: string[]) => scratchGit(repo)(...args);

beforeEach(() => {
  repo = mkdtempSync(path.join(tmpdir(), 'checkout-guard-'));
  mkdirSync(path.join(repo, 'content', 'pages'), { recursive: true });
  writeFileSync(path.join(repo, PLANTED_EDIT), '---\ntitle: 关于本站\n---\n正文。\n');
  writeFileSync(path.join(repo, 'content', 'pages', 'help.md'), '---\ntitle: 帮助\n---\n正文。\n');
  writeFileSync(path.join(repo, '.gitignore'), 'dist/\n');
  scratchGit(repo, { init: true });
  git('-c', 'user.name=t', '-c', 'user.email=t@example.test', 'add', '-A');
  git('-c', 'user.name=t', '-c', 'user.email=t@example.test', 'commit', '-q', '-m', 'base');
});
afterEach(() => rmSync(repo, { recursive: true, force: true }));

describe('the checkout guard', () => {
  it('catches a reset of content/ and a clean of public/media that lose an uncommitted edit and an upload', () => {
    const planted = plantLocalEdits(repo);
    const before = snapshotCheckout(repo);
    expect(before.files.has(PLANTED_UPLOAD)).toBe(true);
    git('checkout', '--', 'content');
    git('clean', '-fdq', '--', 'content', 'public/media');
    expect(checkoutChanges(before, snapshotCheckout(repo))).toEqual([`改动：${PLANTED_EDIT}`, `删除：${PLANTED_UPLOAD}`]);
    expect(planted.check()).toEqual([`本地未提交的修改丢失：${PLANTED_EDIT}`, `本地上传的文件丢失：${PLANTED_UPLOAD}`]);
  });

  it('passes when only ignored output was written, and names a new or edited tracked file otherwise', () => {
    const planted = plantLocalEdits(repo);
    const before = snapshotCheckout(repo);
    mkdirSync(path.join(repo, 'dist'));
    writeFileSync(path.join(repo, 'dist', 'index.html'), '<!doctype html>');
    expect(checkoutChanges(before, snapshotCheckout(repo))).toEqual([]);
    expect(planted.check()).toEqual([]);

    writeFileSync(path.join(repo, 'content', 'pages', 'new.md'), 'x');
    writeFileSync(path.join(repo, 'content', 'pages', 'help.md'), 'changed');
    expect(checkoutChanges(before, snapshotCheckout(repo)).sort()).toEqual(['改动：content/pages/help.md', '新增：content/pages/new.md']);
  });

  it('takes what it planted away again, leaving the file as committed', () => {
    const committed = readFileSync(path.join(repo, PLANTED_EDIT), 'utf8');
    plantLocalEdits(repo).remove();
    expect(readFileSync(path.join(repo, PLANTED_EDIT), 'utf8')).toBe(committed);
    expect(git('status', '--porcelain', '--untracked-files=all')).toBe('');
  });
});

describe('git in a scratch repository', () => {
  it('refuses the checkout, an empty path and a folder that is not the top of its own repository', () => {
    expect(() => scratchGit(process.cwd())).toThrow(/refusing to run git (outside|in the checkout)/);
    expect(() => scratchGit(process.cwd(), { init: true })).toThrow(/refusing to run git (outside|in the checkout)/);
    expect(CHECKOUT).toBe(realpathSync(process.cwd()));
    expect(() => scratchGit('')).toThrow(/refusing to run git outside/);
    expect(() => scratchGit('content')).toThrow(/refusing to run git outside/);
    const inner = path.join(repo, 'content');
    expect(() => scratchGit(inner)('status')).toThrow(/not the scratch repository/);
    const plain = mkdtempSync(path.join(tmpdir(), 'checkout-guard-plain-'));
    try {
      expect(() => scratchGit(plain)('checkout', '--', '.')).toThrow();
    } finally {
      rmSync(plain, { recursive: true, force: true });
    }
    expect(scratchGit(repo)('rev-parse', '--abbrev-ref', 'HEAD').trim()).toBe('main');
  });

  it('refuses a checkout that itself lies under the temporary folder, a folder in it and one holding it', () => {
    // As if the project had been cloned to /tmp: `repo` plays the checkout.
    expect(() => scratchGit(repo, { checkout: repo })).toThrow(/refusing to run git in the checkout/);
    mkdirSync(path.join(repo, 'sub', '.git'), { recursive: true });
    expect(() => scratchGit(path.join(repo, 'sub'), { checkout: repo })).toThrow(/refusing to run git in the checkout/);
    expect(() => scratchGit(repo, { checkout: path.join(repo, 'content') })).toThrow(/refusing to run git in the checkout/);
    // Refused before `git init`: no repository is made inside the checkout.
    expect(() => scratchGit(path.join(repo, 'content'), { checkout: repo, init: true })).toThrow(/refusing to run git in the checkout/);
    expect(existsSync(path.join(repo, 'content', '.git'))).toBe(false);
    expect(readFileSync(path.join(repo, PLANTED_EDIT), 'utf8')).toContain('关于本站');
  });
});

describe('the project copy the CMS specs write into', () => {
  it('is refused before anything is copied when the temporary folder lies inside the checkout', () => {
    // As if TMPDIR pointed into the checkout: `repo` plays the checkout, its .tmp/ the temporary folder.
    const tmp = path.join(repo, '.tmp');
    mkdirSync(tmp);
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = tmp;
    try {
      expect(() => projectCopy('inside-checkout-', { root: repo, checkout: repo })).toThrow(/refusing to run git in the checkout/);
    } finally {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
    }
    expect(readdirSync(tmp)).toEqual([]);
  });

  it('carries the local edit and upload over, and nothing done in it reaches the checkout', () => {
    const planted = plantLocalEdits(repo);
    const before = snapshotCheckout(repo);
    const copy = projectCopy('checkout-guard-copy-', { root: repo });
    try {
      expect(readFileSync(path.join(copy.dir, PLANTED_EDIT), 'utf8')).toBe(readFileSync(path.join(repo, PLANTED_EDIT), 'utf8'));
      // What decap-server does in the copy, then what the spec does between tests.
      writeFileSync(path.join(copy.dir, PLANTED_EDIT), 'saved by the CMS');
      mkdirSync(path.join(copy.dir, 'content', 'news'), { recursive: true });
      writeFileSync(path.join(copy.dir, 'content', 'news', 'new.md'), 'new entry');
      copy.reset();
      expect(copy.git('status', '--porcelain')).toBe('');
      // The link to the root's packages is not part of the copy's commit (the test root's .gitignore does not name it).
      expect(copy.git('ls-files', '--', 'node_modules')).toBe('');
    } finally {
      copy.remove();
    }
    expect(checkoutChanges(before, snapshotCheckout(repo))).toEqual([]);
    expect(planted.check()).toEqual([]);
  });
});
