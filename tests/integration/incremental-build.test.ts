/**
 * Incremental rendering is only worth having if it is invisible: after each kind of edit an
 * editor makes, a build that copies unchanged pages from the previous one (Astro's
 * `experimental.incrementalBuild`, keys from src/lib/cache-keys.content.ts) must write exactly the
 * files, byte for byte, that a clean build of the same content and clock writes.
 *
 * The builds run on a copy of the smallest fixture, in a chain: the clean build of one state
 * (`astro build --force`, which renders everything and writes a fresh cache) is the previous
 * build of the next state's incremental build. Eleven Astro builds of a few dozen pages.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { applyEdit, builtFiles, EDIT_KINDS, newsEntryPages, renderedFiles } from '../../scripts/bench/publish.ts';
import { walkFiles } from '../../scripts/site-files.ts';

/**
 * Files that carry the build's own identity, with what of it to leave out when comparing:
 * calendars stamp each event with the time the file was written (DTSTAMP, RFC 5545).
 */
const BUILD_ID_FILES: readonly { file: RegExp; without: (text: string) => string }[] = [
  { file: /\.ics$/, without: (text) => text.replace(/^DTSTAMP:.*\r?\n/gm, '') },
];

const BUILD_NOW = '2026-12-07T02:00:00.000Z';
// Under the project's .tmp/ (ignored by Git): Astro's content loaders read a root inside the project.
mkdirSync('.tmp', { recursive: true });
const root = mkdtempSync(path.join('.tmp', 'incremental-'));
const content = path.join(root, 'content');
cpSync('tests/fixtures/content-min', content, { recursive: true });
// The Astro cache of this content root (astro.config.mjs names it by the root's path).
const astroCache = path.join('.tmp', 'astro-cache', createHash('sha256').update(path.resolve(content)).digest('hex').slice(0, 16));

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(astroCache, { recursive: true, force: true });
});

let builds = 0;
/**
 * `astro build` of the fixture copy; `clean` renders every page. As scripts/build.ts does, Astro
 * always writes into the same folder, which is then renamed: the folder's name is part of the
 * code Astro hashes, so a new name per build would render every page with an image again.
 */
function build(clean: boolean): { out: string; log: string } {
  const staging = path.join(root, 'staging');
  const out = path.join(root, `out-${builds++}`);
  const r = spawnSync('node_modules/.bin/astro', ['build', '--outDir', staging, ...(clean ? ['--force'] : [])], {
    encoding: 'utf8',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', CONTENT_ROOT: content, BUILD_NOW },
    timeout: 120_000,
  });
  if (r.status !== 0) throw new Error(`astro build failed:\n${r.stdout.slice(-3000)}\n${r.stderr.slice(-3000)}`);
  renameSync(staging, out);
  return { out, log: r.stdout };
}

/** The files of two builds that differ (missing on one side, or other bytes). */
function differences(a: string, b: string): string[] {
  const left = walkFiles(a);
  const right = walkFiles(b);
  const diff = [
    ...left.filter((f) => !right.includes(f)).map((f) => `only in the incremental build: ${f}`),
    ...right.filter((f) => !left.includes(f)).map((f) => `only in the clean build: ${f}`),
  ];
  for (const f of left.filter((f) => right.includes(f))) {
    const normalise = BUILD_ID_FILES.find((b) => b.file.test(f))?.without;
    const x = readFileSync(path.join(a, f));
    const y = readFileSync(path.join(b, f));
    const same = normalise ? normalise(x.toString('utf8')) === normalise(y.toString('utf8')) : x.equals(y);
    if (!same) diff.push(`differs: ${f}`);
  }
  return diff;
}

const restored = (log: string) => (log.match(/\((?:restored|cached)\)/g) ?? []).length;

describe('incremental build', () => {
  it('writes, after every kind of edit, the same files as a clean build', { timeout: 600_000 }, () => {
    // A cache from the unpatched layout (a folder per page) is dropped by the first build.
    const oldLayout = path.join(astroCache, 'dist', 'news', '2026-11-20-lingxiu-lianxi-huiyi', 'index.html');
    mkdirSync(path.dirname(oldLayout), { recursive: true });
    writeFileSync(oldLayout, '<h1>旧格式的缓存</h1>');
    let previous = build(true);
    expect(existsSync(path.join(astroCache, 'dist', 'news'))).toBe(false);
    expect(readdirSync(path.join(astroCache, 'dist')).length).toBeGreaterThan(5);
    const report: string[] = [];
    for (const kind of EDIT_KINDS) {
      applyEdit(content, kind);
      const incremental = build(false);
      const clean = build(true);
      const before = previous;
      previous = clean;
      const diff = differences(incremental.out, clean.out);
      report.push(`${kind}: ${restored(incremental.log)} pages copied; ${diff.length === 0 ? 'identical' : diff.join(', ')}`);
      // Every page shows the settings; any other edit leaves some pages to copy (other sections' entries).
      if (kind === 'settings change') expect(restored(incremental.log), kind).toBe(0);
      else expect(restored(incremental.log), kind).toBeGreaterThan(0);
      if (kind === 'one-entry edit') {
        // The edit shows in the page that was rendered again, and most pages were copied.
        const page = walkFiles(incremental.out).find((f) => f.startsWith('news/2026-11-20-') && f.endsWith('/index.html'));
        expect(page && readFileSync(path.join(incremental.out, page), 'utf8')).toContain('本条内容已更新');
        expect(restored(incremental.log)).toBeGreaterThan(5);
        // Of the news entries' pages, only the edited one is rendered again; the others are copied.
        expect(newsEntryPages(renderedFiles(incremental.log))).toEqual([page?.split('/')[1]]);
        // Copied as hard links (patches/astro+*.patch): an unchanged page of the new build is the
        // previous build's file, costing no disk; the edited page is a new file, and the previous
        // build's page (which a reader of the live release may be reading) still has its old text.
        const copied = builtFiles(incremental.log)
          .filter((f) => f.copied)
          .map((f) => f.file.slice(1));
        expect(copied.length).toBeGreaterThan(5);
        const same = (f: string) => statSync(path.join(incremental.out, f)).ino === statSync(path.join(before.out, f)).ino;
        expect(copied.filter((f) => !same(f))).toEqual([]);
        expect(same(page!)).toBe(false);
        expect(readFileSync(path.join(before.out, page!), 'utf8')).not.toContain('本条内容已更新');
      }
    }
    expect(
      report.filter((line) => !line.endsWith('identical')),
      report.join('\n'),
    ).toEqual([]);
  });
});
