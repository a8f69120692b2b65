/**
 * deploy/ on a real nginx: installs nginx from Debian if it is missing, starts it in the
 * foreground on a loopback port with the deploy/ configuration over a copy of dist/ (plus a few
 * probe files for types the demo site may not have yet), and checks headers, types,
 * compression, caching, the 404 page and directory listings on real responses.
 * Skips, saying why, only where nginx cannot be installed (never in CI).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync, brotliDecompressSync } from 'node:zlib';
import { expect, test } from './helpers.ts';
import { zhCN } from '../../src/i18n/zh-CN.ts';

const PORT = Number(process.env.NGINX_TEST_PORT ?? 4361);
const BROTLI_MODULE = '/usr/share/nginx/modules/ngx_http_brotli_static_module.so';

function findNginx(): string | undefined {
  for (const candidate of ['/usr/sbin/nginx', '/usr/bin/nginx']) if (existsSync(candidate)) return candidate;
  const which = spawnSync('sh', ['-c', 'command -v nginx'], { encoding: 'utf8' });
  return which.stdout.trim() || undefined;
}

/** nginx, installed from Debian's packages when missing and possible. */
function ensureNginx(): { nginx?: string; reason?: string } {
  let nginx = findNginx();
  if (!nginx) {
    if (process.getuid?.() !== 0) return { reason: 'nginx is not installed and this user cannot run apt-get' };
    const r = spawnSync('apt-get', ['install', '-y', 'nginx', 'libnginx-mod-http-brotli-static'], {
      encoding: 'utf8',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    nginx = findNginx();
    if (!nginx) return { reason: `apt-get install nginx failed: ${r.stderr.trim().split('\n').pop()}` };
  }
  return { nginx };
}

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function get(pathname: string, headers: Record<string, string> = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: PORT, path: pathname, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

const { nginx, reason } = ensureNginx();
const brotli = existsSync(BROTLI_MODULE);
let server: ChildProcess | undefined;
let dir = '';

test.describe('deploy/nginx on real responses', () => {
  test.describe.configure({ mode: 'serial' });

  test.beforeAll(async () => {
    if (!nginx) {
      console.log(`nginx check skipped: ${reason}`);
      expect(process.env.CI, `nginx is required in CI: ${reason}`).toBeFalsy();
      return;
    }
    dir = mkdtempSync(path.join(tmpdir(), 'nginx-'));
    const root = path.join(dir, 'site');
    cpSync('dist', root, { recursive: true });
    // Probes for types the site may not have yet, and an empty folder for the listing check.
    writeFileSync(path.join(root, 'probe.ics'), 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n');
    writeFileSync(path.join(root, 'probe.webmanifest'), '{}');
    writeFileSync(path.join(root, 'probe.wasm'), Buffer.from([0, 97, 115, 109, 1, 0, 0, 0]));
    writeFileSync(path.join(root, '.env'), 'SECRET=1');
    mkdirSync(path.join(root, 'emptydir'));
    copyFileSync('/etc/nginx/mime.types', path.join(dir, 'mime.types'));
    symlinkSync(path.resolve('deploy'), path.join(dir, 'louyu'));
    for (const t of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(path.join(dir, t));
    writeFileSync(
      path.join(dir, 'nginx.conf'),
      `${brotli ? `load_module ${BROTLI_MODULE};\n` : ''}${process.getuid?.() === 0 ? 'user root;\n' : ''}daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log;
events { worker_connections 64; }
http {
  access_log off;
  client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy; fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi;
  server {
    listen 127.0.0.1:${PORT};
    root ${root};
    ${brotli ? 'include louyu/brotli.conf;' : ''}
    include louyu/site.conf;
  }
}
`,
    );
    const check = spawnSync(nginx, ['-t', '-p', dir, '-c', path.join(dir, 'nginx.conf'), '-e', path.join(dir, 'error.log')], { encoding: 'utf8' });
    expect(check.status, check.stderr).toBe(0);
    server = spawn(nginx, ['-p', dir, '-c', path.join(dir, 'nginx.conf'), '-e', path.join(dir, 'error.log')], { stdio: 'inherit' });
    for (let i = 0; i < 50; i++) {
      try {
        await get('/');
        return;
      } catch {
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    throw new Error('nginx did not start');
  });

  test.afterAll(async () => {
    if (server?.pid) {
      server.kill('SIGQUIT');
      await new Promise((r) => server?.once('exit', r));
    }
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test.beforeEach(() => {
    test.skip(!nginx, `nginx unavailable: ${reason}`);
  });

  const SECURITY = {
    'strict-transport-security': /max-age=\d{8,}; includeSubDomains/,
    'x-content-type-options': /^nosniff$/,
    'referrer-policy': /^strict-origin-when-cross-origin$/,
    'permissions-policy': /camera=\(\).*geolocation=\(\).*microphone=\(\)/,
    'cross-origin-opener-policy': /^same-origin$/,
    'x-frame-options': /^DENY$/,
  };

  function expectSecurityHeaders(r: Reply, where: string) {
    for (const [name, pattern] of Object.entries(SECURITY)) expect(String(r.headers[name]), `${name} on ${where}`).toMatch(pattern);
  }

  test.describe('headers on every kind of response', () => {
    for (const pathname of ['/', '/stations/', '/sitemap-index.xml', '/favicon.svg', '/pagefind/pagefind.js', '/no-such-page/']) {
      test(pathname, async () => {
        const r = await get(pathname);
        expectSecurityHeaders(r, pathname);
        expect(String(r.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
        expect(String(r.headers['content-security-policy'])).not.toMatch(/unsafe-(inline|eval)/);
        expect(r.headers.server).toBe('nginx');
      });
    }
  });

  test('/admin/ gets its own policy allowing eval, and no indexing', async () => {
    const r = await get('/admin/');
    expect(r.status).toBe(200);
    expectSecurityHeaders(r, '/admin/');
    const csp = String(r.headers['content-security-policy']);
    expect(csp).toContain("'unsafe-eval'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(r.headers['x-robots-tag']).toBe('noindex, nofollow');
  });

  test.describe('content types', () => {
    const first = (folder: string, re: RegExp) => {
      const name = readdirSync(path.join('dist', folder)).find((f) => re.test(f));
      if (!name) throw new Error(`no ${re} in dist/${folder}`);
      return `/${folder}/${name}`.replace('//', '/');
    };
    const cases: [string, () => string, RegExp][] = [
      ['html', () => '/', /^text\/html; charset=utf-8$/],
      ['css', () => first('_astro', /\.css$/), /^text\/css/],
      ['js', () => '/pagefind/pagefind.js', /^application\/javascript/],
      ['xml', () => '/sitemap-index.xml', /^(text|application)\/xml; charset=utf-8$/],
      ['svg', () => '/favicon.svg', /^image\/svg\+xml/],
      ['ics', () => '/probe.ics', /^text\/calendar; charset=utf-8$/],
      ['webmanifest', () => '/probe.webmanifest', /^application\/manifest\+json/],
      ['wasm', () => '/probe.wasm', /^application\/wasm$/],
      ['pagefind', () => first('pagefind', /\.pagefind$/), /^application\/octet-stream$/],
      ['pf_meta', () => first('pagefind', /\.pf_meta$/), /^application\/octet-stream$/],
    ];
    for (const [name, address, type] of cases) {
      test(`.${name}`, async () => {
        const r = await get(address());
        expect(r.status).toBe(200);
        expect(String(r.headers['content-type'])).toMatch(type);
      });
    }
  });

  test.describe('precompressed responses', () => {
    test('gzip from the .gz file, with Vary', async () => {
      const plain = await get('/stations/');
      const r = await get('/stations/', { 'accept-encoding': 'gzip' });
      expect(r.headers['content-encoding']).toBe('gzip');
      expect(String(r.headers.vary)).toMatch(/Accept-Encoding/i);
      expect(gunzipSync(r.body).equals(plain.body)).toBe(true);
      expect(r.body.length).toBeLessThan(plain.body.length / 2);
    });
    test('brotli from the .br file', async () => {
      // Required in CI (.ci/run installs it); elsewhere a machine without it skips, saying why.
      test.skip(!brotli && !process.env.CI, 'the brotli static module is not installed');
      const plain = await get('/stations/');
      const r = await get('/stations/', { 'accept-encoding': 'br, gzip' });
      expect(r.headers['content-encoding']).toBe('br');
      expect(brotliDecompressSync(r.body).equals(plain.body)).toBe(true);
    });
  });

  test.describe('caching', () => {
    test('hashed bundles are immutable for a year', async () => {
      const css = readdirSync('dist/_astro').find((f) => f.endsWith('.css'));
      const r = await get(`/_astro/${css}`);
      expect(r.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    });
    test('hashed Pagefind chunks are immutable, its entry file is not', async () => {
      const fragment = readdirSync('dist/pagefind/fragment')[0];
      expect((await get(`/pagefind/fragment/${fragment}`)).headers['cache-control']).toContain('immutable');
      expect((await get('/pagefind/pagefind-entry.json')).headers['cache-control']).toBe('public, max-age=300, must-revalidate');
    });
    for (const pathname of ['/', '/stations/lingxiu/', '/sitemap-index.xml', '/probe.ics']) {
      test(`${pathname} is cached briefly`, async () => {
        expect((await get(pathname)).headers['cache-control']).toBe('public, max-age=300, must-revalidate');
      });
    }
  });

  test('unknown addresses get the 404 page with status 404', async () => {
    const r = await get('/no-such-page/');
    expect(r.status).toBe(404);
    expect(String(r.headers['content-type'])).toMatch(/^text\/html/);
    expect(r.body.toString('utf8')).toContain(zhCN['notFound.title']);
  });

  test('no directory listings and no hidden files', async () => {
    const listing = await get('/emptydir/');
    expect(listing.status).toBe(404);
    expect(listing.body.toString('utf8')).not.toContain('Index of');
    const folder = await get('/_astro/');
    expect(folder.status).toBe(404);
    expect((await get('/.env')).status).toBe(404);
  });
});
