/**
 * The local CMS server (scripts/cms-server.ts: decap-server's middlewares behind a guard), with
 * raw requests as a page that rebinds its name to 127.0.0.1 would send them, in file mode and in
 * git mode, on a scratch project folder. It answers only its own Host, and reads, writes and
 * deletes only inside content/ and public/media/.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { scratchGit } from '../support/project-copy.node.ts';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

interface Answer {
  status: number;
  body: { error?: string; data?: string | null; type?: string } & Record<string, unknown>;
}

function post(port: number, payload: unknown, host = `127.0.0.1:${port}`): Promise<Answer> {
  const data = JSON.stringify(payload);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: '/api/v1',
        method: 'POST',
        headers: { host, 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => {
          let body: Answer['body'];
          try {
            body = JSON.parse(text) as Answer['body'];
          } catch {
            body = { error: text };
          }
          resolve({ status: res.statusCode ?? 0, body });
        });
      },
    );
    req.on('error', reject);
    req.setTimeout(10_000, () => req.destroy(new Error('timeout')));
    req.end(data);
  });
}

function project(git: boolean): string {
  const dir = mkdtempSync(path.join(tmpdir(), `cms-guard-${git ? 'git' : 'fs'}-`));
  mkdirSync(path.join(dir, 'content/news'), { recursive: true });
  mkdirSync(path.join(dir, 'content/media'), { recursive: true });
  mkdirSync(path.join(dir, 'public/media/uploads'), { recursive: true });
  mkdirSync(path.join(dir, 'scripts'), { recursive: true });
  writeFileSync(path.join(dir, 'content/news/a.md'), '---\ntitle: 甲\n---\n正文\n');
  writeFileSync(path.join(dir, 'scripts/build.ts'), 'console.log("build")\n');
  writeFileSync(path.join(dir, 'package.json'), '{"name":"scratch"}\n');
  // A link inside content/ that leads out of it.
  symlinkSync(path.join(dir, 'scripts'), path.join(dir, 'content/escape'));
  if (git) {
    const g = scratchGit(dir, { init: true });
    g('config', 'user.name', 'test');
    g('config', 'user.email', 'test@example.test');
    g('add', '-A');
    g('commit', '-q', '-m', 'start');
  }
  return dir;
}

async function start(dir: string, mode: 'fs' | 'git'): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, [path.resolve('scripts/cms-server.ts')], {
    cwd: dir,
    env: { ...process.env, PORT: '0', MODE: mode, GIT_REPO_DIRECTORY: dir, LOG_LEVEL: 'error' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`no start: ${out}`)), 20_000);
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /127\.0\.0\.1:(\d+)\/api\/v1/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
  });
  return { child, port };
}

describe.each(['fs', 'git'] as const)('the local CMS server in %s mode', (mode) => {
  let dir = '';
  let server: { child: ChildProcess; port: number };
  const branch = { branch: 'main' };
  beforeAll(async () => {
    dir = project(mode === 'git');
    server = await start(dir, mode);
  }, 30_000);
  afterAll(() => {
    server?.child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  });
  const call = (action: string, params: Record<string, unknown>, host?: string) => post(server.port, { action, params: { ...branch, ...params } }, host);

  it('answers its own Host: 127.0.0.1 and localhost with its port', async () => {
    expect((await call('info', {})).status).toBe(200);
    expect((await call('info', {}, `localhost:${server.port}`)).body.type).toBe(mode === 'git' ? 'local_git' : 'local_fs');
  });

  it('refuses a foreign Host (DNS rebinding) with 421 and a JSON error', async () => {
    for (const host of [`rebind.example:${server.port}`, 'localhost', `127.0.0.1:${server.port + 1}`, `localhost.example:${server.port}`]) {
      const r = await call('getEntry', { path: 'content/news/a.md' }, host);
      expect(r.status, host).toBe(421);
      expect(r.body.error).toContain('只接受发给');
      expect(r.body.data).toBeUndefined();
    }
  });

  it('still reads and lists entries in content/', async () => {
    const r = await call('getEntry', { path: 'content/news/a.md' });
    expect(r.status).toBe(200);
    expect(r.body.data).toContain('title: 甲');
    expect((await call('entriesByFolder', { folder: 'content/news', extension: 'md', depth: 1 })).status).toBe(200);
    expect((await call('getMedia', { mediaFolder: 'public/media/uploads' })).status).toBe(200);
  });

  const forbidden: [string, Record<string, unknown>][] = [
    [
      'persistEntry',
      {
        entry: { slug: 'x', path: 'scripts/x.ts', raw: 'process.exit(9)' },
        assets: [],
        options: { commitMessage: 'x', useWorkflow: mode === 'git', collectionName: 'news', status: 'draft' },
      },
    ],
    [
      'persistEntry',
      {
        entry: { slug: 'a', path: 'content/news/a.md', raw: '---\n---\n', newPath: 'scripts/moved.ts' },
        assets: [],
        options: { commitMessage: 'x', useWorkflow: false },
      },
    ],
    [
      'persistEntry',
      {
        entry: { slug: 'y', path: 'content/news/y.md', raw: '---\n---\n' },
        assets: [{ path: 'scripts/asset.ts', content: 'eA==', encoding: 'base64' }],
        options: { commitMessage: 'x', useWorkflow: false },
      },
    ],
    ['getEntry', { path: 'package.json' }],
    ['getEntry', { path: 'content/../package.json' }],
    ['getEntry', { path: '../../etc/passwd' }],
    ['getEntry', { path: '/etc/passwd' }],
    ['getEntry', { path: 'content/escape/build.ts' }],
    ['entriesByFiles', { files: [{ path: 'content/news/a.md' }, { path: 'scripts/build.ts' }] }],
    ['entriesByFolder', { folder: 'scripts', extension: 'ts', depth: 1 }],
    ['getMedia', { mediaFolder: '.' }],
    ['getMediaFile', { path: 'package.json' }],
    ['persistMedia', { asset: { path: 'scripts/evil.ts', content: 'eA==', encoding: 'base64' }, options: { commitMessage: 'x' } }],
    ['persistMedia', { asset: { path: 'public/media/../../scripts/evil.ts', content: 'eA==', encoding: 'base64' }, options: { commitMessage: 'x' } }],
    ['deleteFile', { path: 'package.json', options: { commitMessage: 'x' } }],
    ['deleteFiles', { paths: ['content/news/zzz.md', 'scripts/build.ts'], options: { commitMessage: 'x' } }],
    ['unpublishedEntryDataFile', { collection: 'news', slug: 'a', id: 'abc', path: 'package.json' }],
    ['unpublishedEntryMediaFile', { collection: 'news', slug: 'a', id: 'abc', path: '/etc/passwd' }],
    ['unpublishedEntry', { collection: '../../x', slug: 'a' }],
    ['deleteUnpublishedEntry', { collection: 'news', slug: '../main' }],
    ['publishUnpublishedEntry', { collection: 'news', slug: '/etc' }],
  ];
  it.each(forbidden)('refuses %s outside content/ and public/media/ with 403 and a JSON error: %j', async (action, params) => {
    const r = await call(action, params);
    expect(r.status).toBe(403);
    expect(r.body.error).toMatch(/content\/ 和 public\/media\/|不合规/);
    expect(r.body.data).toBeUndefined();
  });

  it('refuses an upload over the picture limits (17,000 × 17,000) with 413, writing nothing', async () => {
    const huge = readFileSync('tests/fixtures/bad-content/upload-too-large/public/media/uploads/huge-upload.png').toString('base64');
    const r = await call('persistMedia', {
      asset: { path: 'public/media/uploads/huge.png', content: huge, encoding: 'base64' },
      options: { commitMessage: 'x' },
    });
    expect(r.status).toBe(413);
    expect(r.body.error).toContain('图片尺寸 17000×17000');
    expect(existsSync(path.join(dir, 'public/media/uploads/huge.png'))).toBe(false);
    const inEntry = await call('persistEntry', {
      entry: { slug: 'c', path: 'content/news/c.md', raw: '---\n---\n' },
      assets: [{ path: 'content/media/huge.png', content: huge, encoding: 'base64' }],
      options: { commitMessage: 'x', useWorkflow: mode === 'git', collectionName: 'news', status: 'draft' },
    });
    expect(inEntry.status).toBe(413);
    expect(existsSync(path.join(dir, 'content/media/huge.png'))).toBe(false);
  });

  it('refuses an action it does not know', async () => {
    expect((await call('runShell', { path: 'content/news/a.md' })).status).toBe(422);
  });

  it('left every file outside content/ and public/media/ as it was', () => {
    expect(existsSync(path.join(dir, 'scripts/x.ts'))).toBe(false);
    expect(existsSync(path.join(dir, 'scripts/evil.ts'))).toBe(false);
    expect(existsSync(path.join(dir, 'scripts/asset.ts'))).toBe(false);
    expect(existsSync(path.join(dir, 'scripts/moved.ts'))).toBe(false);
    expect(readFileSync(path.join(dir, 'package.json'), 'utf8')).toContain('scratch');
    expect(readFileSync(path.join(dir, 'scripts/build.ts'), 'utf8')).toContain('build');
    expect(readFileSync(path.join(dir, 'content/news/a.md'), 'utf8')).toContain('title: 甲');
  });

  it('writes and deletes inside content/ and public/media/', async () => {
    if (mode === 'fs') {
      const saved = await call('persistEntry', {
        entry: { slug: 'b', path: 'content/news/b.md', raw: '---\ntitle: 乙\n---\n' },
        assets: [],
        options: { commitMessage: 'b', useWorkflow: false, status: 'draft' },
      });
      expect(saved.status, JSON.stringify(saved.body)).toBe(200);
      expect(readFileSync(path.join(dir, 'content/news/b.md'), 'utf8')).toContain('乙');
    } else {
      const saved = await call('persistEntry', {
        entry: { slug: 'b', path: 'content/news/b.md', raw: '---\ntitle: 乙\n---\n' },
        assets: [],
        options: { commitMessage: 'b', useWorkflow: true, collectionName: 'news', status: 'draft' },
      });
      expect(saved.status, JSON.stringify(saved.body)).toBe(200);
      expect(scratchGit(dir)('branch', '--list', 'cms/*')).toContain('cms/news/b');
    }
    const upload = await call('persistMedia', {
      asset: { path: 'public/media/uploads/p.png', content: 'iVBORw0KGgo=', encoding: 'base64' },
      options: { commitMessage: 'p' },
    });
    expect(upload.status, JSON.stringify(upload.body)).toBe(200);
    expect(existsSync(path.join(dir, 'public/media/uploads/p.png'))).toBe(true);
    const removed = await call('deleteFile', { path: 'public/media/uploads/p.png', options: { commitMessage: 'rm' } });
    expect(removed.status).toBe(200);
    expect(existsSync(path.join(dir, 'public/media/uploads/p.png'))).toBe(false);
  });
});
