/**
 * Proof that `npm test` leaves the checkout alone. An editor edits locally in /admin (the README
 * suggests it) and then runs the tests: every uncommitted edit and upload must still be there
 * afterwards. scripts/test.ts takes a snapshot of every file Git sees (tracked and new, ignored
 * ones left out: dist/, .tmp/, the Decap copy) with its hash, plus HEAD and the index, before the
 * first step and compares after the last; any difference fails the run, naming the files.
 *
 * On a clean clone (CI) a test that resets content/ would change nothing visible, so CI plants a
 * local edit to a tracked content file and an untracked upload first (`plantLocalEdits`), and the
 * run also fails unless both are still there, byte for byte, at the end.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface CheckoutSnapshot {
  head: string;
  /** `git status --porcelain` of the whole checkout. */
  status: string;
  /** Every file Git sees (tracked and untracked, not ignored) → sha256 of its bytes. */
  files: Map<string, string>;
}

const git = (root: string, ...args: string[]) => execFileSync('git', ['-C', root, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** The checkout at `root` as Git sees it, hashed. */
export function snapshotCheckout(root: string): CheckoutSnapshot {
  const files = new Map<string, string>();
  for (const file of git(root, 'ls-files', '-co', '--exclude-standard', '-z').split('\0').filter(Boolean).sort()) {
    const full = path.join(root, file);
    // A tracked file deleted in the working tree is listed by ls-files and is simply absent here.
    if (existsSync(full)) files.set(file, sha256(full));
  }
  return { head: git(root, 'rev-parse', 'HEAD').trim(), status: git(root, 'status', '--porcelain', '--untracked-files=all'), files };
}

/** What differs between two snapshots, one line per file (empty when nothing did). */
export function checkoutChanges(before: CheckoutSnapshot, after: CheckoutSnapshot): string[] {
  const changes: string[] = [];
  if (before.head !== after.head) changes.push(`HEAD: ${before.head} → ${after.head}`);
  for (const [file, hash] of before.files) {
    const now = after.files.get(file);
    if (now === undefined) changes.push(`删除：${file}`);
    else if (now !== hash) changes.push(`改动：${file}`);
  }
  for (const file of after.files.keys()) if (!before.files.has(file)) changes.push(`新增：${file}`);
  // Same files, same bytes, but Git's view changed (e.g. a file staged or unstaged).
  if (changes.length === 0 && before.status !== after.status) changes.push(`git status 变化：\n${before.status}→\n${after.status}`);
  return changes;
}

/** A local edit and an upload planted in a checkout, and how to check and take them away. */
export interface PlantedEdits {
  /** The tracked content file edited, and the untracked upload written (relative paths). */
  files: [string, string];
  /** Problems if either is no longer as planted (empty when both are intact). */
  check(): string[];
  /** Puts the checkout back as it was before planting. */
  remove(): void;
}

export const PLANTED_EDIT = 'content/pages/about.md';
export const PLANTED_UPLOAD = 'public/media/uploads/local-upload-probe.png';
/** A 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGP4z8DwHwAFAAH/iZk9HQAAAABJRU5ErkJggg==', 'base64');

/**
 * Plants what an editor leaves behind after a local /admin session: an uncommitted edit to a
 * tracked content file (a trailing blank line: it changes no page) and an untracked upload.
 */
export function plantLocalEdits(root: string, edit = PLANTED_EDIT, upload = PLANTED_UPLOAD): PlantedEdits {
  const editFile = path.join(root, edit);
  const uploadFile = path.join(root, upload);
  if (existsSync(uploadFile)) throw new Error(`${upload} already exists: refusing to overwrite it`);
  const original = readFileSync(editFile);
  const edited = Buffer.concat([original, Buffer.from('\n')]);
  writeFileSync(editFile, edited);
  mkdirSync(path.dirname(uploadFile), { recursive: true });
  writeFileSync(uploadFile, PNG);
  const same = (file: string, bytes: Buffer) => existsSync(file) && readFileSync(file).equals(bytes);
  return {
    files: [edit, upload],
    check: () => [...(same(editFile, edited) ? [] : [`本地未提交的修改丢失：${edit}`]), ...(same(uploadFile, PNG) ? [] : [`本地上传的文件丢失：${upload}`])],
    remove: () => {
      writeFileSync(editFile, original);
      rmSync(uploadFile, { force: true });
    },
  };
}
