/**
 * The school's service worker across real builds: two builds of the same content give the same
 * sw.js (so learners' offline pages survive a rebuild), and it lists the built school pages and
 * each course's lessons.json.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { projectBuild } from '../support/fixture-build.node.ts';

const temp = mkdtempSync(path.join(tmpdir(), 'sw-builds-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function build(name: string): string {
  const out = path.join(temp, name);
  projectBuild('tests/fixtures/content-min', out);
  return readFileSync(path.join(out, 'school', 'sw.js'), 'utf8');
}

describe('the service worker of two identical builds', () => {
  it('is the same file, with the same cache version', { timeout: 600_000 }, () => {
    const first = build('a');
    const second = build('b');
    const version = (sw: string) => /const PRECACHE = (\{.*\});/.exec(sw)?.[1];
    expect(version(first)).toBeDefined();
    expect(second).toBe(first);
    const precache = JSON.parse(version(first)!) as { version: string; pages: string[]; data: string[]; assets: string[] };
    expect(precache.version).toMatch(/^[0-9a-f]{16}$/);
    expect(precache.pages).toContain('/school/');
    expect(precache.pages.every((p) => p.startsWith('/school/'))).toBe(true);
    expect(precache.data).toEqual(['/school/xinren-peixun/lessons.json']);
    expect(precache.assets.length).toBeGreaterThan(0);
  });
});
