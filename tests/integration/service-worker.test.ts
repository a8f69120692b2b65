/**
 * The school's service worker across real builds: two builds of the same content give the same
 * sw.js (so learners' offline pages survive a rebuild); it installs the school's shell (no
 * lesson), and each course's offline.json lists its lessons with their size as built.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const temp = mkdtempSync(path.join(tmpdir(), 'sw-builds-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function build(name: string): string {
  return readFileSync(path.join(buildSite(name), 'school', 'sw.js'), 'utf8');
}

function buildSite(name: string): string {
  const out = path.join(temp, name);
  const r = spawnSync(process.execPath, ['scripts/build.ts'], {
    encoding: 'utf8',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', CONTENT_ROOT: 'tests/fixtures/content-min', BUILD_OUT_DIR: out },
  });
  if (r.status !== 0) throw new Error(`build ${name} failed:\n${r.stdout}${r.stderr}`);
  return out;
}

describe('the service worker of two identical builds', () => {
  it('is the same file, with the same cache version', { timeout: 600_000 }, () => {
    const first = build('a');
    const second = build('b');
    const version = (sw: string) => /const PRECACHE = (\{.*\});/.exec(sw)?.[1];
    expect(version(first)).toBeDefined();
    expect(second).toBe(first);
    const precache = JSON.parse(version(first)!) as { version: string; cache: string; pages: string[]; assets: string[] };
    expect(precache.version).toMatch(/^[0-9a-f]{16}$/);
    expect(precache.cache).toBe(`ld-school-shell-${precache.version}`);
    expect(precache.pages).toContain('/school/');
    expect(precache.pages).toContain('/school/record/');
    expect(precache.pages).toContain('/school/xinren-peixun/');
    expect(precache.pages.every((p) => p.startsWith('/school/'))).toBe(true);
    expect(precache.assets.length).toBeGreaterThan(0);

    // The course's lessons are not installed: its offline.json lists them, with their size as built.
    const out = path.join(temp, 'a');
    const lessons = (JSON.parse(readFileSync(path.join(out, 'school/xinren-peixun/lessons.json'), 'utf8')) as { lessons: { href: string }[] }).lessons.map((l) => l.href);
    expect(lessons.length).toBeGreaterThan(0);
    for (const href of lessons) expect(precache.pages).not.toContain(href);
    const save = JSON.parse(readFileSync(path.join(out, 'school/xinren-peixun/offline.json'), 'utf8')) as { course: string; lessons: number; bytes: number; files: string[] };
    expect(save.course).toBe('xinren-peixun');
    expect(save.lessons).toBe(lessons.length);
    expect(save.files.slice(0, lessons.length)).toEqual(lessons);
    expect(save.files).toContain('/school/xinren-peixun/lessons.json');
    const size = (url: string) => statSync(path.join(out, url.endsWith('/') ? `${url}index.html` : url)).size;
    expect(save.bytes).toBe(save.files.reduce((sum, url) => sum + size(url), 0));
  });
});
