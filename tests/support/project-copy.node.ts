/**
 * A temporary copy of this project for tests that let a program write files (decap-server, the
 * editorial workflow, a rebuild of edited content): the checkout's tracked and new files (not the
 * ignored ones: no dist/, no .tmp/), node_modules linked, committed as one Git commit so a test can
 * ask Git what changed and reset the copy. Tests never write, reset or delete anything in the
 * checkout itself.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface ProjectCopy {
  /** The copy's folder (absolute). */
  dir: string;
  /** Runs git in the copy; returns its trimmed output. */
  git(...args: string[]): string;
  /** Puts content/ and public/ back as committed in the copy (tracked edits undone, new files removed). */
  reset(): void;
  /** Deletes the copy. */
  remove(): void;
}

/** The checkout's files as Git sees them: tracked and untracked, ignored ones left out. */
export function checkoutFiles(root = process.cwd()): string[] {
  return execFileSync('git', ['ls-files', '-co', '--exclude-standard', '-z'], { cwd: root, encoding: 'utf8' })
    .split('\0')
    .filter((f) => f && existsSync(path.join(root, f)));
}

/** This checkout: the folder two levels above this file. */
export const CHECKOUT = realpathSync(fileURLToPath(new URL('../..', import.meta.url)));

/**
 * Git in a scratch repository, never in the checkout. `dir` must be an absolute folder under the
 * system's temporary folder, neither the checkout nor inside it nor holding it (a checkout cloned
 * under /tmp, or TMPDIR pointing above it, must not make it a "scratch" folder), and every call
 * first checks that `dir` is the top of a repository of its own: `git -C` would otherwise walk up
 * to an enclosing repository, and git takes an empty path as the current folder (the checkout,
 * when tests run). `init` makes `dir` a new repository (branch `main`) once those checks pass:
 * a test never runs a bare `git init` of its own. Returns git's output. `checkout` is for the
 * tests of this guard.
 */
export function scratchGit(dir: string, { checkout = CHECKOUT, init = false } = {}): (...args: string[]) => string {
  const tmp = realpathSync(tmpdir());
  const real = dir && path.isAbsolute(dir) && existsSync(dir) ? realpathSync(dir) : '';
  if (!real.startsWith(tmp + path.sep)) throw new Error(`refusing to run git outside ${tmp}: "${dir}"`);
  const inside = (a: string, b: string) => a === b || a.startsWith(b + path.sep);
  if (inside(real, checkout) || inside(checkout, real)) throw new Error(`refusing to run git in the checkout ${checkout}: "${dir}"`);
  if (init) execFileSync('git', ['init', '-q', '-b', 'main', real], { stdio: 'pipe' });
  return (...args) => {
    const top = execFileSync('git', ['-C', real, 'rev-parse', '--show-toplevel'], { encoding: 'utf8' }).trim();
    if (realpathSync(top) !== real) throw new Error(`refusing to run git in ${top}: not the scratch repository ${real}`);
    return execFileSync('git', ['-C', real, ...args], { encoding: 'utf8' });
  };
}

/**
 * Copies the project at `root` into a new temporary folder (prefix `prefix`) and commits it there
 * on a branch `main`, author `author`. The folder is checked (scratchGit) before anything is
 * copied: with TMPDIR inside the checkout, nothing is written there but the empty folder, which
 * is removed again. `checkout` is for the tests of this guard.
 */
export function projectCopy(prefix: string, { root = process.cwd(), author = ['测试', 'tests@example.test'], checkout = CHECKOUT } = {}): ProjectCopy {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  let inCopy: (...args: string[]) => string;
  try {
    inCopy = scratchGit(dir, { checkout, init: true });
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  for (const file of checkoutFiles(root)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    copyFileSync(path.join(root, file), path.join(dir, file));
  }
  symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'));
  const git = (...args: string[]) => inCopy(...args).trim();
  // node_modules is a link to the root's packages: never committed, whatever the root's .gitignore says.
  writeFileSync(path.join(dir, '.git', 'info', 'exclude'), 'node_modules\n');
  git('config', 'user.name', author[0]!);
  git('config', 'user.email', author[1]!);
  git('add', '-A');
  git('commit', '-q', '-m', 'Project as copied for a test');
  return {
    dir,
    git,
    reset: () => {
      git('checkout', '--', 'content', 'public');
      git('clean', '-fdq', '--', 'content', 'public');
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
