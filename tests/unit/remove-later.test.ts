import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeLater } from '../../src/lib/remove-later.node.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'louyu-remove-later-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('deleting folders in the background', () => {
  it('returns at once and the folders are gone soon after; other folders stay', async () => {
    const old = path.join(dir, 'old');
    const keep = path.join(dir, 'keep');
    for (const d of [old, keep]) {
      mkdirSync(path.join(d, 'a', 'b'), { recursive: true });
      writeFileSync(path.join(d, 'a', 'b', 'index.html'), '<p>x</p>');
    }
    removeLater([old]);
    for (let i = 0; i < 100 && existsSync(old); i++) await new Promise((r) => setTimeout(r, 50));
    expect(existsSync(old)).toBe(false);
    expect(existsSync(path.join(keep, 'a', 'b', 'index.html'))).toBe(true);
    removeLater([]);
  });
});
