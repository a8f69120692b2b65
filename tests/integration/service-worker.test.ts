/**
 * The school's service worker across real builds (tests/support/fixture-build.node.ts; the site's
 * own build, without precompression): two builds of the same content give the same
 * sw.js (so learners' offline pages survive a rebuild); it installs the school's shell (no
 * lesson), and each course's offline.json lists its lessons with their size as built.
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixtureSite, projectBuild, removeOwnFixtures } from '../support/fixture-build.node.ts';

const temp = mkdtempSync(path.join(tmpdir(), 'sw-builds-'));
afterAll(() => {
  rmSync(temp, { recursive: true, force: true });
  removeOwnFixtures();
});

const sw = (out: string) => readFileSync(path.join(out, 'school', 'sw.js'), 'utf8');

describe('the service worker of two identical builds', () => {
  it('is the same file, with the same cache version', { timeout: 600_000 }, async () => {
    // The first build is a fixture site the browser tests use too (built once per `npm test`);
    // the second builds the same content again, five minutes later by the build clock.
    const fixture = await fixtureSite('schedule-1000');
    const again = path.join(temp, 'b');
    projectBuild(fixture.root, again, { BUILD_NOW: '2026-12-01 10:05' });
    const first = sw(fixture.out);
    const second = sw(again);
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
    const out = fixture.out;
    const lessons = (JSON.parse(readFileSync(path.join(out, 'school/xinren-peixun/lessons.json'), 'utf8')) as { lessons: { href: string }[] }).lessons.map(
      (l) => l.href,
    );
    expect(lessons.length).toBeGreaterThan(0);
    for (const href of lessons) expect(precache.pages).not.toContain(href);
    const save = JSON.parse(readFileSync(path.join(out, 'school/xinren-peixun/offline.json'), 'utf8')) as {
      course: string;
      lessons: number;
      bytes: number;
      files: string[];
    };
    expect(save.course).toBe('xinren-peixun');
    expect(save.lessons).toBe(lessons.length);
    expect(save.files.slice(0, lessons.length)).toEqual(lessons);
    expect(save.files).toContain('/school/xinren-peixun/lessons.json');
    const size = (url: string) => statSync(path.join(out, url.endsWith('/') ? `${url}index.html` : url)).size;
    expect(save.bytes).toBe(save.files.reduce((sum, url) => sum + size(url), 0));
  });
});
