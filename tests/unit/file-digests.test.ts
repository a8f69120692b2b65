import { linkSync, mkdtempSync, readFileSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { envFileDigests, FileDigests, sha256 } from '../../src/lib/file-digests.node.ts';
import { fileStamp, RACY_MS } from '../../src/lib/file-stamp.node.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'louyu-digests-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A file as the last build left it: written a minute (or `ago` ms) ago. */
function built(name: string, text: string, ago = 60_000): string {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  const then = new Date(Date.now() - ago);
  utimesSync(file, then, then);
  return file;
}

describe('a built file’s stamp', () => {
  it('is the same for a hard link and changes when the file is replaced', () => {
    const file = built('stamp.html', '<h1>楼宇</h1>');
    const stamp = fileStamp(file);
    expect(stamp).toMatch(/^\d+:\d+:\d+:\d+$/);
    linkSync(file, path.join(dir, 'stamp-link.html'));
    expect(fileStamp(path.join(dir, 'stamp-link.html'))).toBe(stamp);
    writeFileSync(`${file}.new`, '<h1>楼宇</h1>');
    renameSync(`${file}.new`, file);
    expect(fileStamp(file)).toBeUndefined();
    const then = new Date(Date.now() - 30_000);
    utimesSync(file, then, then);
    expect(fileStamp(file)).not.toBe(stamp);
  });

  it('is not given for a file changed less than RACY_MS ago (its time cannot tell a quick second change)', () => {
    expect(fileStamp(built('fresh.html', 'x', 0))).toBeUndefined();
    expect(fileStamp(built('settled.html', 'x', RACY_MS + 1000))).toBeDefined();
  });
});

describe('the digests of a build’s files', () => {
  it('hashes a file once, then gives its digest from the record while its stamp holds', () => {
    const a = built('a.html', '<p>第一条</p>');
    const b = built('b.html', '<p>第二条</p>');
    const record = path.join(dir, 'record', 'digests.json');
    const first = new FileDigests(record);
    expect(first.digest(a)).toEqual({ hash: sha256('<p>第一条</p>'), size: Buffer.byteLength('<p>第一条</p>'), data: readFileSync(a) });
    expect(first.digest(b).hash).toBe(sha256('<p>第二条</p>'));
    expect(first.read).toBe(2);
    first.save();

    const second = new FileDigests(record);
    expect(second.digest(a)).toEqual({ hash: sha256('<p>第一条</p>'), size: Buffer.byteLength('<p>第一条</p>') });
    // A linked copy in the next build's folder is the same file.
    linkSync(a, path.join(dir, 'a-next.html'));
    expect(second.digest(path.join(dir, 'a-next.html')).hash).toBe(sha256('<p>第一条</p>'));
    expect(second.read).toBe(0);
    // b is replaced by a file of the same size: read again.
    built('b.html.new', '<p>第三条</p>', 30_000);
    renameSync(path.join(dir, 'b.html.new'), b);
    expect(second.digest(b).hash).toBe(sha256('<p>第三条</p>'));
    expect(second.read).toBe(1);
    second.save();
    // Only what the last run used is kept: a's and the new b's.
    expect(Object.keys(JSON.parse(readFileSync(record, 'utf8')) as object)).toHaveLength(2);
  });

  it('reads a just-written file every time and does not record it', () => {
    const fresh = built('fresh2.html', '<p>刚写的</p>', 0);
    const record = path.join(dir, 'fresh.json');
    const d = new FileDigests(record);
    d.digest(fresh);
    d.digest(fresh);
    expect(d.read).toBe(2);
    d.save();
    expect(JSON.parse(readFileSync(record, 'utf8'))).toEqual({});
  });

  it('ignores a record it cannot read, and FILE_DIGESTS=off keeps none', () => {
    writeFileSync(path.join(dir, 'broken.json'), '{not json');
    const d = new FileDigests(path.join(dir, 'broken.json'));
    expect(d.digest(built('c.html', 'c')).hash).toBe(sha256('c'));
    const off = envFileDigests({ FILE_DIGESTS: 'off' });
    off.digest(built('d.html', 'd'));
    off.save();
    expect(off.read).toBe(1);
  });
});
