/**
 * The production path on a real nginx, as a district would run it: the site is built with
 * production CMS settings (a Forgejo server), deployed with scripts/deploy.sh into
 * releases/<time>/ behind the `current` link, and served by the WHOLE deploy/nginx.conf as
 * shipped. The test changes only the root, the certificate paths (a certificate made here with
 * openssl) and the ports, and fails if any of those lines is no longer in the file.
 *
 * Over real TLS it checks the redirects, HTTP/2, headers, types, compression, caching, the 404
 * page; in Chromium behind nginx, /admin's one policy (requests to the configured Git server
 * pass, any other origin is blocked) and that Decap accepts the generated configuration of every
 * backend; finally a deploy and a rollback while requests keep coming.
 *
 * nginx is installed from Debian when missing; the test skips, saying why, only where that is
 * impossible, and never in CI.
 */
import { execFile, execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { connect } from 'node:tls';
import { promisify } from 'node:util';
import { gunzipSync, brotliDecompressSync } from 'node:zlib';
import yaml from 'js-yaml';
import { expect, test } from './helpers.ts';
import { cmsConfig } from '../../src/lib/schema/cms.ts';
import { type CmsEnv } from '../../src/lib/schema/cms-backend.ts';
import { cmsCsp } from '../../src/lib/schema/cms-csp.ts';
import { CHROMIUM_ARGS, findChromium } from '../../scripts/chromium.ts';
import { zhCN } from '../../src/i18n/zh-CN.ts';

const PORT = Number(process.env.NGINX_TEST_PORT ?? 4361);
const HTTP_PORT = Number(process.env.NGINX_TEST_HTTP_PORT ?? PORT + 1);
const HOST = 'louyu.example.gov.cn';
const BROTLI_MODULE = '/usr/share/nginx/modules/ngx_http_brotli_static_module.so';
/** The production settings the site is built with: /admin talks to this Git server. */
const GIT_ORIGIN = 'https://git.example.test';
const PRODUCTION: CmsEnv = { CMS_BACKEND: 'forgejo', CMS_REPO: 'dangjian/louyu-site', CMS_BASE_URL: GIT_ORIGIN, CMS_APP_ID: 'louyu-cms' };
const SITE = '.tmp/nginx-site';
const run = promisify(execFile);

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

let cert = '';

/** A request over TLS to nginx, as a browser asking for https://louyu.example.gov.cn/… would make it. */
function get(pathname: string, headers: Record<string, string> = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpsRequest(
      { host: '127.0.0.1', port: PORT, path: pathname, servername: HOST, ca: cert, headers: { host: HOST, ...headers }, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

function getPlain(pathname: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: HTTP_PORT, path: pathname, headers: { host: HOST } }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.alloc(0) }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Replaces `from` in the shipped file, which must contain it exactly once. */
function substitute(text: string, from: string, to: string): string {
  expect(text.split(from).length - 1, `deploy/nginx.conf contains "${from}" once`).toBe(1);
  return text.replace(from, to);
}

const { nginx, reason } = ensureNginx();
const brotli = existsSync(BROTLI_MODULE);
let server: ChildProcess | undefined;
let dir = '';
const deployEnv = () => ({ ...process.env, DEPLOY_ROOT: path.join(dir, 'srv') });

test.use({
  ignoreHTTPSErrors: true,
  // Chromium reaches the production host name on this machine's nginx; /admin is then not on
  // localhost, so Decap uses the production backend as it would on the real site.
  // The Git server's name maps to loopback too, where nothing answers on 443: a request that
  // gets past the policy fails at once instead of waiting on DNS of a closed network.
  launchOptions: { executablePath: findChromium(), args: [...CHROMIUM_ARGS, `--host-resolver-rules=MAP ${HOST} 127.0.0.1, MAP ${new URL(GIT_ORIGIN).hostname} 127.0.0.1`] },
});

test.describe('deploy/nginx.conf as shipped, on real nginx over TLS', () => {
  test.describe.configure({ mode: 'serial' });

  test.beforeAll(async () => {
    test.setTimeout(300_000);
    if (!nginx) {
      console.log(`nginx check skipped: ${reason}`);
      expect(process.env.CI, `nginx is required in CI: ${reason}`).toBeFalsy();
      return;
    }
    // The production build (the build lock queues it behind any other build of this checkout).
    execFileSync(process.execPath, ['scripts/build.ts'], { env: { ...process.env, ...PRODUCTION, BUILD_OUT_DIR: SITE }, stdio: 'pipe' });
    // Probes for types the demo site has no file of yet, an upload, hidden files and an empty folder.
    writeFileSync(path.join(SITE, 'probe.wasm'), Buffer.from([0, 97, 115, 109, 1, 0, 0, 0]));
    writeFileSync(path.join(SITE, '.env'), 'SECRET=1');
    mkdirSync(path.join(SITE, 'emptydir'), { recursive: true });
    mkdirSync(path.join(SITE, 'media', 'uploads'), { recursive: true });
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGP4z8DwHwAFAAH/iZk9HQAAAABJRU5ErkJggg==', 'base64');
    writeFileSync(path.join(SITE, 'media', 'uploads', 'probe.png'), png);
    writeFileSync(path.join(SITE, 'media', 'uploads', '.hidden'), 'x');

    dir = mkdtempSync(path.join(tmpdir(), 'nginx-'));
    const certFile = path.join(dir, 'fullchain.pem');
    const keyFile = path.join(dir, 'privkey.pem');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', `/CN=${HOST}`,
      '-addext', `subjectAltName=DNS:${HOST}`, '-keyout', keyFile, '-out', certFile], { stdio: 'pipe' });
    cert = readFileSync(certFile, 'utf8');

    // The release layout the deploy script keeps: srv/releases/<time>/ and srv/current.
    execFileSync('scripts/deploy.sh', ['deploy', SITE], { env: deployEnv(), stdio: 'pipe' });

    const conf = path.join(dir, 'louyu');
    cpSync('deploy', conf, { recursive: true });
    let shipped = readFileSync('deploy/nginx.conf', 'utf8');
    shipped = substitute(shipped, 'listen 80;', `listen 127.0.0.1:${HTTP_PORT};`);
    shipped = substitute(shipped, 'listen [::]:80;', `listen [::1]:${HTTP_PORT};`);
    shipped = substitute(shipped, 'listen 443 ssl http2;', `listen 127.0.0.1:${PORT} ssl http2;`);
    shipped = substitute(shipped, 'listen [::]:443 ssl http2;', `listen [::1]:${PORT} ssl http2;`);
    shipped = substitute(shipped, '/etc/ssl/louyu/fullchain.pem', certFile);
    shipped = substitute(shipped, '/etc/ssl/louyu/privkey.pem', keyFile);
    shipped = substitute(shipped, 'root /srv/louyu/current;', `root ${path.join(dir, 'srv', 'current')};`);
    writeFileSync(path.join(conf, 'nginx.conf'), shipped);
    writeFileSync(path.join(dir, 'mime.types'), readFileSync('/etc/nginx/mime.types'));
    for (const t of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(path.join(dir, t));
    // The main file stands in for Debian's /etc/nginx/nginx.conf, which includes ours in http { }.
    writeFileSync(
      path.join(dir, 'nginx.conf'),
      `${brotli ? `load_module ${BROTLI_MODULE};\n` : ''}${process.getuid?.() === 0 ? 'user root;\n' : ''}daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy; fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi;
  include louyu/nginx.conf;
}
`,
    );
    // brotli.conf needs the module; without it the documented step is to drop that include.
    if (!brotli) writeFileSync(path.join(conf, 'brotli.conf'), '');
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
    rmSync(SITE, { recursive: true, force: true });
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

  test('the whole file loads on this nginx, and HTTPS speaks HTTP/2', async () => {
    const version = spawnSync(nginx!, ['-v'], { encoding: 'utf8' }).stderr.trim();
    expect(version).toMatch(/nginx\/\d+\.\d+/);
    const protocol = await new Promise<string | false>((resolve, reject) => {
      const socket = connect({ host: '127.0.0.1', port: PORT, servername: HOST, ca: cert, ALPNProtocols: ['h2', 'http/1.1'] }, () => {
        resolve(socket.alpnProtocol ?? false);
        socket.end();
      });
      socket.on('error', reject);
    });
    expect(protocol, `${version} negotiates HTTP/2`).toBe('h2');
  });

  test('plain HTTP redirects to the same address over HTTPS', async () => {
    const r = await getPlain('/news/?page=2');
    expect(r.status).toBe(301);
    expect(r.headers.location).toBe(`https://${HOST}/news/?page=2`);
  });

  test('/admin redirects to /admin/, so it never falls under the public policy', async () => {
    const r = await get('/admin');
    expect(r.status).toBe(301);
    expect(new URL(String(r.headers.location), `https://${HOST}/`).pathname).toBe('/admin/');
  });

  test.describe('HTML pages: security headers and the public policy', () => {
    for (const pathname of ['/', '/stations/', '/news/', '/no-such-page/']) {
      test(pathname, async () => {
        const r = await get(pathname);
        expectSecurityHeaders(r, pathname);
        const csp = String(r.headers['content-security-policy']);
        expect(csp).toContain("frame-ancestors 'none'");
        expect(csp).not.toMatch(/unsafe-(inline|eval)/);
        expect(r.headers.server).toBe('nginx');
      });
    }
  });

  test.describe('feeds, calendars and data files run nothing', () => {
    const cases: [string, RegExp][] = [
      ['/rss.xml', /^(text|application)\/(rss\+)?xml; charset=utf-8$/],
      ['/stations/lingxiu/rss.xml', /^(text|application)\/(rss\+)?xml; charset=utf-8$/],
      ['/activities.ics', /^text\/calendar; charset=utf-8$/],
      ['/stations/lingxiu/activities.ics', /^text\/calendar; charset=utf-8$/],
      ['/sitemap-index.xml', /^(text|application)\/xml; charset=utf-8$/],
      ['/stats/stations.csv', /^text\/csv; charset=utf-8$/],
      ['/school.webmanifest', /^application\/manifest\+json/],
    ];
    for (const [pathname, type] of cases) {
      test(pathname, async () => {
        const r = await get(pathname);
        expect(r.status).toBe(200);
        expect(String(r.headers['content-type'])).toMatch(type);
        expectSecurityHeaders(r, pathname);
        expect(String(r.headers['content-security-policy'])).toMatch(/^default-src 'none'(;|$)/);
        expect(r.headers['cache-control']).toBe('public, max-age=300, must-revalidate');
      });
    }
  });

  test.describe('uploads are inert and sandboxed', () => {
    const astroImage = () => {
      const name = readdirSync(path.join(SITE, '_astro')).find((f) => /\.(webp|jpe?g|png)$/.test(f));
      if (!name) throw new Error(`no image in ${SITE}/_astro`);
      return `/_astro/${name}`;
    };
    const cases: [string, () => string][] = [
      ['an upload in /media/uploads/', () => '/media/uploads/probe.png'],
      ['an image Astro made from content/media', astroImage],
    ];
    for (const [name, address] of cases) {
      test(name, async () => {
        const r = await get(address());
        expect(r.status).toBe(200);
        expect(String(r.headers['content-type'])).toMatch(/^image\//);
        expectSecurityHeaders(r, name);
        const csp = String(r.headers['content-security-policy']);
        expect(csp).toMatch(/^default-src 'none'; sandbox(;|$)/);
      });
    }
    test('hidden files in the uploads folder are not served', async () => {
      expect((await get('/media/uploads/.hidden')).status).toBe(404);
    });
  });

  test('/admin/: the header adds only frame-ancestors; the page carries the one policy, from CMS_*', async () => {
    const r = await get('/admin/');
    expect(r.status).toBe(200);
    expectSecurityHeaders(r, '/admin/');
    expect(r.headers['content-security-policy']).toBe("frame-ancestors 'none'");
    expect(r.headers['x-robots-tag']).toBe('noindex, nofollow');
    expect(r.headers['cache-control']).toBe('no-cache');
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/i.exec(r.body.toString('utf8'))?.[1] ?? '';
    // Exactly the policy generated from the settings the site was built with.
    expect(meta.replaceAll('&#39;', "'")).toBe(cmsCsp({ ...PRODUCTION, CMS_LOCAL_PORT: process.env.CMS_LOCAL_PORT }));
    expect(meta).toMatch(new RegExp(`connect-src [^;]*${GIT_ORIGIN.replace(/[.]/g, '\\.')}`));
  });

  test('/admin/ in Chromium: Decap reaches the configured Git server and nothing else', async ({ page, browser }) => {
    test.setTimeout(90_000);
    await page.goto(`https://${HOST}:${PORT}/admin/`);
    await expect(page.getByRole('button', { name: /Forgejo/ })).toBeVisible({ timeout: 20_000 });
    // The guard of helpers.ts fails this test on any CSP violation, this request included.
    const allowed = await page.evaluate((url) => fetch(url).then(() => 'answered', () => 'network error'), `${GIT_ORIGIN}/api/v1/version`);
    expect(allowed).toBe('network error'); // nothing listens there: the request got past the policy to the network

    // Another origin is refused by the policy (an unguarded page: this violation is expected).
    const context = await browser.newContext({ ignoreHTTPSErrors: true });
    try {
      const other = await context.newPage();
      await other.goto(`https://${HOST}:${PORT}/admin/`);
      const blocked = await other.evaluate(async (url) => {
        const seen = new Promise<string>((resolve) => document.addEventListener('securitypolicyviolation', (e) => resolve(`${e.effectiveDirective} ${e.blockedURI}`)));
        await fetch(url).catch(() => undefined);
        return seen;
      }, 'https://elsewhere.example.test/api');
      expect(blocked).toBe('connect-src https://elsewhere.example.test/api');
    } finally {
      await context.close();
    }
  });

  test.describe('Decap accepts the generated configuration of every backend', () => {
    const backends: [string, CmsEnv, RegExp][] = [
      ['forgejo', PRODUCTION, /Forgejo/],
      ['gitea', { ...PRODUCTION, CMS_BACKEND: 'gitea' }, /Gitea/],
      ['gitlab', { CMS_BACKEND: 'gitlab', CMS_REPO: 'dangjian/louyu-site', CMS_BASE_URL: GIT_ORIGIN, CMS_APP_ID: 'louyu-cms' }, /GitLab/],
      ['github', { CMS_BACKEND: 'github', CMS_REPO: 'dangjian/louyu-site', CMS_BASE_URL: 'https://auth.example.test' }, /GitHub/],
    ];
    for (const [name, env, button] of backends) {
      test(name, async ({ page }) => {
        test.setTimeout(90_000);
        const config = cmsConfig({ contentRoot: 'content', siteUrl: `https://${HOST}`, env });
        await page.route('**/admin/config.yml', (route) =>
          route.fulfill({ contentType: 'text/yaml; charset=utf-8', body: yaml.dump(config, { lineWidth: -1, noRefs: true }) }),
        );
        await page.goto(`https://${HOST}:${PORT}/admin/`);
        await expect(page.getByRole('button', { name: button })).toBeVisible({ timeout: 20_000 });
        await expect(page.getByText('配置错误')).toHaveCount(0);
        await expect(page.getByText('Error loading the CMS configuration')).toHaveCount(0);
      });
    }
  });

  test.describe('content types', () => {
    const first = (folder: string, re: RegExp) => {
      const name = readdirSync(path.join(SITE, folder)).find((f) => re.test(f));
      if (!name) throw new Error(`no ${re} in ${SITE}/${folder}`);
      return `/${folder}/${name}`.replace('//', '/');
    };
    const cases: [string, () => string, RegExp][] = [
      ['html', () => '/', /^text\/html; charset=utf-8$/],
      ['css', () => first('_astro', /\.css$/), /^text\/css/],
      ['js', () => '/pagefind/pagefind.js', /^application\/javascript/],
      ['svg', () => '/favicon.svg', /^image\/svg\+xml/],
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
      const css = readdirSync(path.join(SITE, '_astro')).find((f) => f.endsWith('.css'));
      const r = await get(`/_astro/${css}`);
      expect(r.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    });
    test('hashed Pagefind chunks are immutable, its entry file is not', async () => {
      const fragment = readdirSync(path.join(SITE, 'pagefind', 'fragment'))[0];
      expect((await get(`/pagefind/fragment/${fragment}`)).headers['cache-control']).toContain('immutable');
      expect((await get('/pagefind/pagefind-entry.json')).headers['cache-control']).toBe('public, max-age=300, must-revalidate');
      expect((await get('/pagefind/shards.json')).headers['cache-control']).toBe('public, max-age=300, must-revalidate');
      // The same for every year's shard bundle.
      const shard = readdirSync('dist/pagefind').find((f) => /^\d{4}$/.test(f));
      expect(shard).toBeDefined();
      const shardFragment = readdirSync(`dist/pagefind/${shard}/fragment`)[0];
      expect((await get(`/pagefind/${shard}/fragment/${shardFragment}`)).headers['cache-control']).toContain('immutable');
      expect((await get(`/pagefind/${shard}/pagefind-entry.json`)).headers['cache-control']).toBe('public, max-age=300, must-revalidate');
    });
    for (const pathname of ['/', '/stations/lingxiu/']) {
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
    expect((await get('/_astro/')).status).toBe(404);
    expect((await get('/.env')).status).toBe(404);
  });

  test('deploy and roll back while readers keep loading pages: never a 404, a 5xx or a half-written page', async () => {
    test.setTimeout(180_000);
    // Release 2 is the shared test build (dist/, built without production CMS settings), so its
    // /admin/config.yml tells the two releases apart.
    const release = (root: string, pathname: string) =>
      readFileSync(path.join(root, pathname.endsWith('/') ? `${pathname}index.html` : pathname));
    const pages = ['/', '/news/', '/stations/', '/stations/lingxiu/', '/rss.xml', '/admin/config.yml'];
    const expected = new Map(pages.map((p) => [p, [release(SITE, p), release('dist', p)]]));
    const problems: string[] = [];
    let requests = 0;
    let running = true;
    /** Which release each answer for /admin/config.yml came from (0: the first, 1: the second). */
    const seen: number[] = [];
    const reader = async () => {
      while (running) {
        for (const p of pages) {
          const r = await get(p);
          requests++;
          if (r.status !== 200) problems.push(`${p}: ${r.status}`);
          else {
            const which = expected.get(p)!.findIndex((b) => b.equals(r.body));
            if (which < 0) problems.push(`${p}: a body from neither release (${r.body.length} bytes)`);
            else if (p === '/admin/config.yml') seen.push(which);
          }
        }
      }
    };
    const readers = Array.from({ length: 4 }, reader);
    // Asynchronous, so the readers keep requesting while the script copies and switches.
    const deploy = async (...args: string[]) => (await run('scripts/deploy.sh', args, { env: deployEnv(), encoding: 'utf8' })).stdout;
    const configNow = async () => (await get('/admin/config.yml')).body.toString('utf8');

    expect(await configNow()).toContain(GIT_ORIGIN);
    await new Promise((r) => setTimeout(r, 1100)); // release names are UTC seconds
    await expect.poll(() => requests).toBeGreaterThan(pages.length);
    await deploy('deploy', 'dist');
    await expect.poll(configNow).not.toContain(GIT_ORIGIN);
    await expect.poll(() => seen.includes(1)).toBe(true);
    expect(await deploy('rollback')).toMatch(/live release is now/);
    await expect.poll(configNow).toContain(GIT_ORIGIN);
    await expect.poll(() => seen.lastIndexOf(0) > seen.indexOf(1), { timeout: 30_000 }).toBe(true);
    running = false;
    await Promise.all(readers);
    expect(problems).toEqual([]);
    // The readers ran across both switches: release 1, then 2, then 1 again.
    expect(seen.indexOf(1)).toBeGreaterThan(seen.indexOf(0));
    expect(seen.lastIndexOf(0)).toBeGreaterThan(seen.indexOf(1));
    // The withdrawn release is set aside; the listing shows the first one live again.
    expect((await deploy('list')).trim().split('\n')).toEqual([expect.stringMatching(/^\d{8}T\d{6}Z \(live\)$/)]);
  });
});
