/**
 * scripts/deploy.sh on real folders in a temporary directory: the manifest check, one deploy at a
 * time with unique release names, clean-up on every failure path, hard links against the live
 * release, hashed assets carried forward, DEPLOY_KEEP, odd folder names, and the rollback hold
 * that the hourly job (scripts/scheduled-due.ts) respects. Nothing in the checkout is touched.
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { recordInManifest, writeBuildManifest } from '../../scripts/build-manifest.ts';
import { scratchGit } from '../support/project-copy.node.ts';

// Each case runs the script a few times on a 2-core machine shared with builds.
vi.setConfig({ testTimeout: 30_000 });

const SCRIPT = path.resolve('scripts/deploy.sh');
let dir = '';
let root = '';

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'louyu-deploy-'));
  root = path.join(dir, 'srv');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A small built site with a manifest; `files` overrides or adds files (null removes one). */
function build(name: string, files: Record<string, string | null> = {}, commit = 'c1'): string {
  const out = path.join(dir, name);
  const all: Record<string, string | null> = {
    'index.html': '<h1>首页</h1>',
    '.build.json': '{"builtAt":"2026-12-01T00:00:00.000Z"}',
    'news/index.html': '<h1>新闻</h1>',
    '_astro/site.AAAA1111.css': 'body{color:red}',
    '_astro/cover.BBBB2222.webp': 'image-1',
    'pagefind/pagefind-entry.json': '{"languages":{"zh":{"hash":"zh_1"}}}',
    'pagefind/pagefind.zh_1.pf_meta': 'meta-1',
    'pagefind/2026/pagefind-entry.json': '{"v":1}',
    'pagefind/2026/fragment/zh_f1.pf_fragment': 'fragment-1',
    'pagefind/2026/filter/zh_x1.pf_filter': 'filter-1',
    'pagefind/2026/index/zh_i1.pf_index': 'index-1',
    ...files,
  };
  for (const [file, body] of Object.entries(all)) {
    if (body === null) continue;
    mkdirSync(path.dirname(path.join(out, file)), { recursive: true });
    writeFileSync(path.join(out, file), body);
  }
  writeBuildManifest(out, { builtAt: '2026-12-01T00:00:00.000Z', commit });
  return out;
}

function deploy(args: string[], env: Record<string, string> = {}, cwd?: string) {
  const r = spawnSync('bash', [SCRIPT, ...args], { cwd, env: { ...process.env, DEPLOY_ROOT: root, ...env }, encoding: 'utf8' });
  return { status: r.status, out: r.stdout, err: r.stderr };
}
const live = () => readlinkSync(path.join(root, 'current')).replace('releases/', '');
const releaseNames = () => readdirSync(path.join(root, 'releases')).sort();
const inode = (file: string) => statSync(file).ino;
const current = (file: string) => path.join(root, 'current', file);

describe('deploy.sh refuses what is not a whole build', () => {
  it('a folder holding only index.html', () => {
    const only = path.join(dir, 'only');
    mkdirSync(only);
    writeFileSync(path.join(only, 'index.html'), 'x');
    const r = deploy(['deploy', only]);
    expect(r.status).toBe(1);
    expect(r.err).toMatch(/\.build-manifest is missing/);
    expect(existsSync(path.join(root, 'current'))).toBe(false);
  });

  it('a build missing its search index: names the folder and the files, and keeps the live release', () => {
    expect(deploy(['deploy', build('one')]).status).toBe(0);
    const before = live();
    const cut = build('two', { 'news/index.html': '<h1>新闻 2</h1>' });
    rmSync(path.join(cut, 'pagefind'), { recursive: true });
    const r = deploy(['deploy', cut]);
    expect(r.status).toBe(1);
    expect(r.err).toMatch(/not the whole build .*: 6 of 11 files missing or changed \(pagefind\/ 6\), e\.g\. pagefind\//);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(live()).toBe(before);
    expect(releaseNames().filter((n) => n.startsWith('.incoming'))).toEqual([]);
  });

  it('a file cut short, a file the build did not make, and a cut-short manifest', () => {
    const short = build('short');
    writeFileSync(path.join(short, 'news/index.html'), '<h1>');
    expect(deploy(['deploy', short]).err).toMatch(/1 of 11 files missing or changed \(news\/ 1\), e\.g\. news\/index\.html/);
    const extra = build('extra');
    writeFileSync(path.join(extra, 'planted.html'), 'x');
    expect(deploy(['deploy', extra]).err).toMatch(/1 files its build did not make, e\.g\. planted\.html/);
    // A page a later step adds on purpose (npm run inspect's report) is recorded, and deploys.
    const inspected = build('inspected');
    mkdirSync(path.join(inspected, 'admin/inspect'), { recursive: true });
    writeFileSync(path.join(inspected, 'admin/inspect/index.html'), '<h1>网站检查报告</h1>');
    expect(deploy(['deploy', inspected]).err).toMatch(/1 files its build did not make, e\.g\. admin\/inspect\/index\.html/);
    recordInManifest(inspected, 'admin/inspect/index.html');
    const recorded = deploy(['deploy', inspected]);
    expect(recorded.status, recorded.err).toBe(0);
    expect(readFileSync(current('admin/inspect/index.html'), 'utf8')).toContain('网站检查报告');
    const truncated = build('truncated');
    const manifest = path.join(truncated, '.build-manifest');
    writeFileSync(manifest, readFileSync(manifest, 'utf8').split('\n').slice(0, 8).join('\n'));
    expect(deploy(['deploy', truncated]).err).toMatch(/cut short/);
  });
});

describe('deploy.sh runs one deploy at a time', () => {
  it('two deploys started together both land whole, in two release folders', async () => {
    const a = build('a', { 'news/index.html': 'A' }, 'ca');
    const b = build('b', { 'news/index.html': 'B' }, 'cb');
    const start = (src: string) =>
      new Promise<number>((resolve) => {
        const child = spawn('bash', [SCRIPT, 'deploy', src], { env: { ...process.env, DEPLOY_ROOT: root }, stdio: 'ignore' });
        child.on('exit', (code) => resolve(code ?? -1));
      });
    expect(await Promise.all([start(a), start(b)])).toEqual([0, 0]);
    const names = releaseNames().filter((n) => !n.startsWith('.'));
    expect(names).toHaveLength(2);
    const bodies = names.map((n) => readFileSync(path.join(root, 'releases', n, 'news/index.html'), 'utf8')).sort();
    expect(bodies).toEqual(['A', 'B']);
    for (const n of names) expect(readdirSync(path.join(root, 'releases', n, 'pagefind/2026/fragment'))).toContain('zh_f1.pf_fragment');
  });

  it('a deploy that fails while copying (a full disk) leaves no .incoming-* and the live release as it was', () => {
    expect(deploy(['deploy', build('one')]).status).toBe(0);
    const before = live();
    // A cp that writes part of a file and then fails as on a full disk, for copies (not links).
    const bin = path.join(dir, 'bin');
    mkdirSync(bin);
    writeFileSync(
      path.join(bin, 'cp'),
      '#!/usr/bin/env bash\ncase " $* " in *" -al "*) exec /usr/bin/cp "$@";; esac\nfor a; do last="$a"; done\necho "cp: error writing \'$last\': No space left on device" >&2\nexit 1\n',
    );
    chmodSync(path.join(bin, 'cp'), 0o755);
    const r = deploy(['deploy', build('two', { 'news/index.html': 'changed' })], { PATH: `${bin}:${process.env.PATH}` });
    expect(r.status).not.toBe(0);
    expect(r.err).toMatch(/No space left on device/);
    expect(releaseNames().filter((n) => n.startsWith('.incoming'))).toEqual([]);
    expect(live()).toBe(before);
    // A deploy killed outright leaves its folder behind; the next one clears it and succeeds.
    mkdirSync(path.join(root, 'releases', '.incoming-20261201T000000Z'));
    const next = deploy(['deploy', build('three', { 'news/index.html': 'three' })]);
    expect(next.status, next.err).toBe(0);
    expect(releaseNames().filter((n) => n.startsWith('.incoming'))).toEqual([]);
    expect(readFileSync(current('news/index.html'), 'utf8')).toBe('three');
  });
});

describe('a release costs only what changed, and keeps what open pages reference', () => {
  it('unchanged files are hard links to the live release; changed ones are new', () => {
    deploy(['deploy', build('one')]);
    const first = live();
    const r1 = (f: string) => path.join(root, 'releases', first, f);
    const oldNews = readFileSync(r1('news/index.html'), 'utf8');
    deploy(['deploy', build('two', { 'news/index.html': 'news 2' })]);
    // The changed file was copied beside, never written through a link into the older release.
    expect(readFileSync(r1('news/index.html'), 'utf8')).toBe(oldNews);
    expect(inode(current('index.html'))).toBe(inode(r1('index.html')));
    expect(inode(current('pagefind/2026/fragment/zh_f1.pf_fragment'))).toBe(inode(r1('pagefind/2026/fragment/zh_f1.pf_fragment')));
    expect(inode(current('news/index.html'))).not.toBe(inode(r1('news/index.html')));
    expect(readFileSync(current('news/index.html'), 'utf8')).toBe('news 2');
  });

  it('hashed assets the new build dropped are carried forward; pages and entry files are not', () => {
    deploy(['deploy', build('one', { 'stations/old/index.html': 'old station' })]);
    const r = deploy([
      'deploy',
      build('two', {
        '_astro/site.AAAA1111.css': null,
        '_astro/site.CCCC3333.css': 'body{color:blue}',
        '_astro/cover.BBBB2222.webp': null,
        '_astro/cover.DDDD4444.webp': 'image-2',
        'pagefind/pagefind.zh_1.pf_meta': null,
        'pagefind/pagefind.zh_2.pf_meta': 'meta-2',
        'pagefind/2026/fragment/zh_f1.pf_fragment': null,
        'pagefind/2026/fragment/zh_f2.pf_fragment': 'fragment-2',
        'pagefind/2026/filter/zh_x1.pf_filter': null,
        'pagefind/2026/filter/zh_x2.pf_filter': 'filter-2',
        'pagefind/2026/index/zh_i1.pf_index': null,
        'pagefind/2026/index/zh_i2.pf_index': 'index-2',
        'pagefind/2026/pagefind-entry.json': '{"v":2}',
        'stations/old/index.html': null,
      }),
    ]);
    expect(r.out).toMatch(/6 hashed files carried forward/);
    for (const f of [
      '_astro/site.AAAA1111.css',
      '_astro/cover.BBBB2222.webp',
      'pagefind/pagefind.zh_1.pf_meta',
      'pagefind/2026/fragment/zh_f1.pf_fragment',
      'pagefind/2026/filter/zh_x1.pf_filter',
      'pagefind/2026/index/zh_i1.pf_index',
    ])
      expect(existsSync(current(f)), f).toBe(true);
    expect(readFileSync(current('pagefind/2026/pagefind-entry.json'), 'utf8')).toBe('{"v":2}');
    expect(existsSync(current('stations/old/index.html'))).toBe(false);
    // Its folder too: an empty folder would answer 403 where a reader should get the 404 page.
    expect(existsSync(current('stations/old'))).toBe(false);
    // Carried through a third release (within seven days), by the release that built them.
    deploy(['deploy', build('three', { '_astro/site.AAAA1111.css': null, '_astro/site.EEEE5555.css': 'x' })]);
    expect(existsSync(current('_astro/site.CCCC3333.css'))).toBe(true);
    expect(existsSync(current('pagefind/2026/fragment/zh_f1.pf_fragment'))).toBe(true);
  });

  it('the window is the last seven days or the last three releases, whichever reaches further', () => {
    // Four releases from long ago, each with its own stylesheet; current points at the newest.
    const releases = path.join(root, 'releases');
    mkdirSync(releases, { recursive: true });
    const old = ['20200101T000000Z', '20200102T000000Z', '20200103T000000Z', '20200104T000000Z'];
    old.forEach((name, i) => {
      const src = build(`old${i}`, { '_astro/site.AAAA1111.css': null, [`_astro/old${i}.css`]: `old ${i}` });
      spawnSync('cp', ['-a', `${src}/.`, path.join(releases, name)]);
    });
    symlinkSync(`releases/${old[3]}`, path.join(root, 'current'));
    const r = deploy(['deploy', build('new')]);
    expect(r.status, r.err).toBe(0);
    expect(existsSync(current('_astro/old0.css'))).toBe(false);
    for (const i of [1, 2, 3]) expect(existsSync(current(`_astro/old${i}.css`)), `old${i}`).toBe(true);
  });
});

describe("the next deploy's starting point (releases/.next)", () => {
  /** Every file of a release with its bytes (the .carried list included). */
  const tree = (release: string) => {
    const base = path.join(root, 'releases', release);
    const files = spawnSync('find', ['.', '-type', 'f'], { cwd: base, encoding: 'utf8' }).stdout.split('\n').filter(Boolean).sort();
    return Object.fromEntries(files.map((f) => [f, readFileSync(path.join(base, f), 'utf8').replace(/^\d{8}T\S+\t/gm, '<release>\t')]));
  };
  const next = (file: string) => path.join(root, 'releases', '.next', file);
  const changes = {
    'news/index.html': 'news 2',
    'news/new/index.html': 'a new page',
    'stations/old/index.html': null,
    '_astro/site.AAAA1111.css': null,
    '_astro/site.CCCC3333.css': 'body{color:blue}',
  };

  it('is the live release as links; a deploy from it equals one that links file by file', () => {
    const r1 = deploy(['deploy', build('one', { 'stations/old/index.html': 'old' })]);
    expect(r1.out).toMatch(/deploy: live after \d+\.\d s/);
    const first = live();
    expect(readFileSync(next('.next-of'), 'utf8').trim()).toBe(first);
    expect(inode(next('index.html'))).toBe(inode(current('index.html')));
    expect(inode(next('.build-manifest'))).toBe(inode(current('.build-manifest')));
    const firstManifest = readFileSync(current('.build-manifest'), 'utf8');
    expect(deploy(['deploy', build('two', changes)]).status).toBe(0);
    const fromNext = tree(live());
    // Nothing was written into a file the first release shares with the copy.
    expect(readFileSync(path.join(root, 'releases', first, '.build-manifest'), 'utf8')).toBe(firstManifest);
    expect(readFileSync(path.join(root, 'releases', first, 'news/index.html'), 'utf8')).toBe('<h1>新闻</h1>');
    expect(existsSync(current('stations/old'))).toBe(false);
    expect(readFileSync(next('.next-of'), 'utf8').trim()).toBe(live());

    // The same two deploys, the second without the prepared copy.
    rmSync(root, { recursive: true, force: true });
    deploy(['deploy', path.join(dir, 'one')]);
    rmSync(path.join(root, 'releases', '.next'), { recursive: true });
    expect(deploy(['deploy', path.join(dir, 'two')]).status).toBe(0);
    expect(fromNext).toEqual(tree(live()));
  });

  it('after a rollback, the copy of the withdrawn release is not used', () => {
    deploy(['deploy', build('one')]);
    deploy(['deploy', build('two', { 'only-two.html': 'withdrawn', 'news/index.html': 'two' }, 'c2')]);
    expect(deploy(['rollback']).status).toBe(0);
    const r = deploy(['deploy', build('three', { 'news/index.html': 'three' }, 'c3')]);
    expect(r.status, r.err).toBe(0);
    expect(existsSync(current('only-two.html'))).toBe(false);
    expect(readFileSync(current('news/index.html'), 'utf8')).toBe('three');
    expect(readFileSync(next('.next-of'), 'utf8').trim()).toBe(live());
  });

  it('a file slipped into the copy is never published', () => {
    deploy(['deploy', build('one')]);
    const first = live();
    writeFileSync(next('evil.html'), '<script>alert(1)</script>');
    const r = deploy(['deploy', build('two', changes)]);
    expect(r.status).toBe(1);
    expect(r.err).toMatch(/holds files the build did not make; nothing was switched/);
    expect(live()).toBe(first);
    // The next deploy links file by file, and lands.
    expect(deploy(['deploy', path.join(dir, 'two')]).status).toBe(0);
    expect(existsSync(current('evil.html'))).toBe(false);
    expect(readFileSync(current('news/index.html'), 'utf8')).toBe('news 2');
  });
});

describe('deploy.sh options and names', () => {
  it.each(['five', '0', '-1', '3 4', ''])('DEPLOY_KEEP=%j is refused and nothing is deleted', (keep) => {
    for (const n of ['a', 'b', 'c']) deploy(['deploy', build(n, { 'news/index.html': n })]);
    const before = releaseNames();
    const r = deploy(['deploy', build('d', { 'news/index.html': 'd' })], { DEPLOY_KEEP: keep });
    if (keep === '') {
      // Empty means the default (5).
      expect(r.status).toBe(0);
      return;
    }
    expect(r.status).toBe(1);
    expect(r.err).toMatch(/DEPLOY_KEEP must be a positive whole number/);
    expect(releaseNames()).toEqual(before);
  });

  it('keeps DEPLOY_KEEP releases', () => {
    for (const n of ['a', 'b', 'c']) deploy(['deploy', build(n, { 'news/index.html': n })], { DEPLOY_KEEP: '2' });
    expect(releaseNames().filter((n) => !n.startsWith('.'))).toHaveLength(2);
    expect(readFileSync(current('news/index.html'), 'utf8')).toBe('c');
  });

  it('folders it did not make (a space in the name) are ignored by list, rollback and prune', () => {
    deploy(['deploy', build('a', { 'news/index.html': 'a' })]);
    const first = live();
    mkdirSync(path.join(root, 'releases', '2026 evil'));
    mkdirSync(path.join(root, 'releases', 'zzz'));
    deploy(['deploy', build('b', { 'news/index.html': 'b' })], { DEPLOY_KEEP: '1' });
    expect(existsSync(path.join(root, 'releases', '2026 evil'))).toBe(true);
    expect(deploy(['list']).out).not.toMatch(/evil|zzz/);
    // KEEP=1 removed the first release; nothing older is left: rollback refuses.
    expect(existsSync(path.join(root, 'releases', first))).toBe(false);
    const r = deploy(['rollback']);
    expect(r.status).toBe(1);
    expect(r.err).toMatch(/no release older/);
    expect(readFileSync(current('news/index.html'), 'utf8')).toBe('b');
  });

  it('never switches to a folder that is missing or empty', () => {
    deploy(['deploy', build('a', { 'news/index.html': 'a' })]);
    const first = live();
    deploy(['deploy', build('b', { 'news/index.html': 'b' })]);
    const second = live();
    rmSync(path.join(root, 'releases', first, 'index.html'));
    const r = deploy(['rollback']);
    expect(r.status).toBe(1);
    expect(r.err).toMatch(/refusing to switch to releases\/.*: it does not exist or has no index\.html/);
    expect(live()).toBe(second);
  });
});

describe('a rollback holds until a new commit or deploy.sh release', () => {
  it('the same commit is not deployed again, list and scheduled-due say so; a new commit lifts the hold', () => {
    deploy(['deploy', build('a', { 'news/index.html': 'a' }, 'good')]);
    deploy(['deploy', build('b', { 'news/index.html': 'b' }, 'bad')]);
    const r = deploy(['rollback']);
    expect(r.status).toBe(0);
    expect(r.out).toMatch(/HOLD: no automatic deploy of commit bad/);
    expect(readFileSync(current('news/index.html'), 'utf8')).toBe('a');
    expect(deploy(['list']).out).toMatch(/^HOLD: rolled back from release \S+ \(commit bad\).*scripts\/deploy\.sh release$/m);
    expect(deploy(['held', 'bad']).status).toBe(0);
    expect(deploy(['held', 'fixed']).status).toBe(1);

    // The nightly job rebuilds the same commit: not deployed, and not an error.
    const again = deploy(['deploy', build('b2', { 'news/index.html': 'b' }, 'bad')]);
    expect(again.status).toBe(0);
    expect(again.err).toMatch(/not deployed: rolled back from release/);
    expect(readFileSync(current('news/index.html'), 'utf8')).toBe('a');

    // The hourly job finds nothing due while the hold stands for its commit.
    const due = spawnSync(process.execPath, ['scripts/scheduled-due.ts'], {
      env: { ...process.env, DEPLOY_ROOT: root, BUILD_OUT_DIR: path.join(root, 'current'), GITHUB_SHA: 'bad' },
      encoding: 'utf8',
    });
    expect(due.status).toBe(1);
    expect(due.stdout).toMatch(/已回退.*scripts\/deploy\.sh release/);

    // A new commit on main deploys and lifts the hold.
    const fixed = deploy(['deploy', build('c', { 'news/index.html': 'c' }, 'fixed')]);
    expect(fixed.out).toMatch(/hold is lifted/);
    expect(readFileSync(current('news/index.html'), 'utf8')).toBe('c');
    expect(deploy(['list']).out).not.toMatch(/HOLD/);
  });

  it('deploy.sh release lifts the hold for the same commit', () => {
    deploy(['deploy', build('a', {}, 'one')]);
    deploy(['deploy', build('b', { 'news/index.html': 'b' }, 'two')]);
    deploy(['rollback']);
    expect(deploy(['release']).out).toMatch(/hold lifted/);
    deploy(['deploy', build('b2', { 'news/index.html': 'b' }, 'two')]);
    expect(readFileSync(current('news/index.html'), 'utf8')).toBe('b');
  });
});

describe('an older pipeline finishing last does not deploy', () => {
  it('refuses a commit that is an ancestor of the live one', () => {
    const repo = path.join(dir, 'repo');
    mkdirSync(repo);
    const inRepo = scratchGit(repo, { init: true });
    const git = (...args: string[]) => inRepo('-c', 'user.name=t', '-c', 'user.email=t@example.test', ...args).trim();
    git('commit', '-q', '--allow-empty', '-m', 'one');
    const older = git('rev-parse', 'HEAD');
    git('commit', '-q', '--allow-empty', '-m', 'two');
    const newer = git('rev-parse', 'HEAD');
    expect(deploy(['deploy', build('new', { 'news/index.html': 'new' }, newer)], {}, repo).status).toBe(0);
    const r = deploy(['deploy', build('old', { 'news/index.html': 'old' }, older)], {}, repo);
    expect(r.status).toBe(0);
    expect(r.err).toMatch(/not deployed: commit \w+ is older than the live release's commit/);
    expect(readFileSync(current('news/index.html'), 'utf8')).toBe('new');
  });
});
