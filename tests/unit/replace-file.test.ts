import { linkSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { replaceFile } from '../../src/lib/replace-file.node.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'louyu-replace-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('replacing a file of a built site', () => {
  it('gives the path the new bytes and leaves a hard link to the old file (the cache’s copy) as it was', () => {
    const cached = path.join(dir, 'cached.html');
    const page = path.join(dir, 'index.html');
    writeFileSync(cached, '<h1>旧标题</h1>');
    linkSync(cached, page);
    replaceFile(page, '<h1>新标题</h1>');
    expect(readFileSync(page, 'utf8')).toBe('<h1>新标题</h1>');
    expect(readFileSync(cached, 'utf8')).toBe('<h1>旧标题</h1>');
    // Nothing is left beside it.
    expect(readdirSync(dir).sort()).toEqual(['cached.html', 'index.html']);
  });
});
