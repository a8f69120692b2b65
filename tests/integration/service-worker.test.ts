/**
 * The school's service worker across real builds: two builds of the same content give the same
 * sw.js (so learners' offline pages survive a rebuild), and it lists the built school pages and
 * each course's lessons.json.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const temp = mkdtempSync(path.join(tmpdir(), 'sw-builds-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function build(name: string): string {
  const out = path.join(temp, name);
  const r = spawnSync(process.execPath, ['scripts/build.ts'], {
    encoding: 'utf8',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', CONTENT_ROOT: 'tests/fixtures/content-min', BUILD_OUT_DIR: out },
  });
  if (r.status !== 0) throw new Error(`build ${name} failed:\n${r.stdout}${r.stderr}`);
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
