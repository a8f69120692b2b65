/**
 * `npm start`'s site server (scripts/site-files.ts) under bad requests: a malformed address gets
 * 400, a request whose handling fails gets 500 and a log line, and the server keeps serving.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { serveStatic, type StaticServer } from '../../scripts/site-files.ts';

let dir = '';
let server: StaticServer;

/** A raw GET: fetch would refuse or re-encode the malformed addresses. */
function get(rawPath: string): Promise<{ status: number; body: string }> {
  const { port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: rawPath, method: 'GET' }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'site-server-'));
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>首页</title>');
  // A 404 page that cannot be read (a folder): every unknown address fails inside the handler.
  mkdirSync(path.join(dir, '404.html'));
  server = await serveStatic(dir);
});
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the site server', () => {
  it('answers a malformed address with 400 and keeps running', async () => {
    for (const bad of ['/%E0%A4%A', '/%', '/%zz/', '/a%00b']) expect((await get(bad)).status, bad).toBe(400);
    expect((await get('/')).status).toBe(200);
  });

  it('answers a failing request with 500 and a log line naming it, and keeps running', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const r = await get('/missing/');
      expect(r.status).toBe(500);
      expect(log).toHaveBeenCalledWith(expect.stringMatching(/网站服务处理 GET "\/missing\/" 时出错：EISDIR/));
    } finally {
      log.mockRestore();
    }
    const again = await get('/');
    expect(again.status).toBe(200);
    expect(again.body).toContain('首页');
  });
});
