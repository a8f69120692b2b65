/**
 * A built site's files, for the build scripts, the benchmark and the tests: every file under a
 * folder, and a small static server that answers as a production web server would (directory
 * addresses serve index.html, unknown paths the 404 page with status 404, text gzip-compressed
 * when the client accepts it; Pagefind's own files are already compressed and go as they are).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/** Every file under `dir`, as relative paths with forward slashes, sorted (walked with an explicit stack). */
export function walkFiles(dir: string): string[] {
  const out: string[] = [];
  const folders = [dir];
  while (folders.length > 0) {
    const current = folders.pop()!;
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) folders.push(full);
      else out.push(path.relative(dir, full).split(path.sep).join('/'));
    }
  }
  return out.sort();
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.ics': 'text/calendar; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.mp4': 'video/mp4',
  '.vtt': 'text/vtt; charset=utf-8',
  '.wasm': 'application/wasm',
  '.pagefind': 'application/octet-stream',
};
const COMPRESSIBLE = new Set(['.html', '.css', '.js', '.mjs', '.json', '.svg', '.xml', '.txt', '.csv', '.ics', '.webmanifest', '.vtt']);

/** Answers one request from the built site in `root`; throws only on a fault of the server itself. */
function answer(root: string, req: IncomingMessage, res: ServerResponse): void {
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
  } catch {
    // A malformed address (`/%E0%A4%A`): the client's error, not the server's.
    res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('400 网址格式错误');
    return;
  }
  if (pathname.includes('\0')) {
    res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('400 网址格式错误');
    return;
  }
  let file = path.join(root, pathname);
  if (file !== root && !file.startsWith(root + path.sep)) file = path.join(root, '404.html');
  if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, 'index.html');
  const found = existsSync(file) && statSync(file).isFile();
  if (!found) file = path.join(root, '404.html');
  if (!existsSync(file)) {
    res.writeHead(404).end();
    return;
  }
  const ext = path.extname(file);
  let body = readFileSync(file);
  const headers: Record<string, string> = { 'content-type': TYPES[ext] ?? 'application/octet-stream', 'cache-control': 'no-cache' };
  if (COMPRESSIBLE.has(ext) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
    body = gzipSync(body);
    headers['content-encoding'] = 'gzip';
  }
  headers['content-length'] = String(body.length);
  res.writeHead(found ? 200 : 404, headers).end(body);
}

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/** Serves the built site in `dir` on 127.0.0.1 (`port` 0 picks a free one); resolves once listening. */
export async function serveStatic(dir: string, port = 0): Promise<StaticServer> {
  const root = path.resolve(dir);
  const server = createServer((req, res) => {
    try {
      answer(root, req, res);
    } catch (error) {
      // One bad request never stops the server: 500 and a log line naming the address.
      console.error(`网站服务处理 ${req.method ?? ''} ${JSON.stringify(req.url ?? '')} 时出错：${error instanceof Error ? error.message : String(error)}`);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('500 服务器内部错误');
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const { port: actual } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${actual}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
