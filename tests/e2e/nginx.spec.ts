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
 * It also checks that nothing hidden is served (only /.well-known/: ACME challenges from their
 * own webroot, security.txt), that a section root without its slash redirects, and captions'
 * type. nginx comes from .ci/run; where it is missing the test skips, saying why, never in CI.
 */
import { execFile, execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
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
/** The production address the site is built for (SITE_URL); nginx's one server answers any name. */
const HOST = 'dangjian.example.org';
const BROTLI_MODULE = '/usr/share/nginx/modules/ngx_http_brotli_static_module.so';
/** The production settings the site is built with: /admin talks to this Git server. */
const GIT_ORIGIN = 'https://git.example.test';
const PRODUCTION: CmsEnv = { CMS_BACKEND: 'forgejo', CMS_REPO: 'dangjian/louyu-site', CMS_BASE_URL: GIT_ORIGIN, CMS_APP_ID: 'louyu-cms' };
const SITE = '.tmp/nginx-site';
const run = promisify(execFile);
const ACME_TOKEN = 'Xk9_rT3-bQ7yZc2LmN8pVw4sHd6fJa1e';
/** The news entry whose cover release 2 changes, and the entry release 2 adds to the same year's shard. */
const COVER_ENTRY = '2026-11-18-quanqu-gongzuozhan-guancha';
const COVER_FILE = 'hu-xue-hu-kan.jpg';
const NEW_ENTRY = { id: '2026-11-30-dierban-xinzeng', title: '第二版新增的楼宇党建动态', published: '2026-11-30 09:00' };

/**
 * Release 2, built from a temporary copy of the project (never the checkout): a changed cover
 * image, a changed stylesheet and a new entry in 2026's search shard. Started at once, in the
 * background, and awaited by the test that publishes it.
 */
function buildRelease2(): Promise<string> {
  const proj = mkdtempSync(path.join(tmpdir(), 'louyu-release2-'));
  release2Proj = proj;
  for (const f of ['src', 'content', 'public', 'scripts', 'astro.config.mjs', 'package.json', 'tsconfig.json'])
    cpSync(f, path.join(proj, f), { recursive: true });
  symlinkSync(path.resolve('node_modules'), path.join(proj, 'node_modules'));
  cpSync(path.join(proj, 'content/media/lajifenlei.jpg'), path.join(proj, 'content/media', COVER_FILE));
  appendFileSync(path.join(proj, 'src/styles/global.css'), '\n.ld-release-two-probe { outline-offset: 1px; }\n');
  writeFileSync(
    path.join(proj, 'content/news', `${NEW_ENTRY.id}.md`),
    `---\ntitle: ${NEW_ENTRY.title}\npublished: ${NEW_ENTRY.published}\ncategory: 党建动态\nsummary: 第二版新增的一条动态，用于检查发布前打开的页面。\n---\n第二版新增的一条动态。各楼宇工作站开展交流。\n`,
  );
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['scripts/build.ts', '--production'], {
      cwd: proj,
      env: { ...process.env, ...PRODUCTION, SITE_URL: `https://${HOST}`, BUILD_OUT_DIR: 'dist', CONTENT_ROOT: 'content' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let err = '';
    child.stderr?.on('data', (c: Buffer) => (err += c.toString()));
    child.on('exit', (code) => (code === 0 ? resolve(path.join(proj, 'dist')) : reject(new Error(`release 2 build failed: ${err.slice(-2000)}`))));
  });
}
let release2: Promise<string> | undefined;
/** The build live before the deploy-and-rollback test: release 1, or release 2 once published. */
let liveBuild = SITE;
let release2Dir = '';
let release2Proj = '';

function findNginx(): string | undefined {
  for (const candidate of ['/usr/sbin/nginx', '/usr/bin/nginx']) if (existsSync(candidate)) return candidate;
  const which = spawnSync('sh', ['-c', 'command -v nginx'], { encoding: 'utf8' });
  return which.stdout.trim() || undefined;
}

/** nginx, when installed (.ci/run installs it; tests never install packages). */
function ensureNginx(): { nginx?: string; reason?: string } {
  const nginx = findNginx();
  return nginx ? { nginx } : { reason: 'nginx is not installed (.ci/run installs it from Debian)' };
}

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

let cert = '';

/** A request over TLS to nginx, as a browser asking for https://<HOST>/… would make it. */
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
  launchOptions: {
    executablePath: findChromium(),
    args: [...CHROMIUM_ARGS, `--host-resolver-rules=MAP ${HOST} 127.0.0.1, MAP ${new URL(GIT_ORIGIN).hostname} 127.0.0.1`],
  },
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
    execFileSync(process.execPath, ['scripts/build.ts', '--production'], {
      env: { ...process.env, ...PRODUCTION, SITE_URL: `https://${HOST}`, BUILD_OUT_DIR: SITE },
      stdio: 'pipe',
    });
    release2 = buildRelease2();
    release2.catch(() => undefined);

    dir = mkdtempSync(path.join(tmpdir(), 'nginx-'));
    const certFile = path.join(dir, 'fullchain.pem');
    const keyFile = path.join(dir, 'privkey.pem');
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '2',
        '-subj',
        `/CN=${HOST}`,
        '-addext',
        `subjectAltName=DNS:${HOST}`,
        '-keyout',
        keyFile,
        '-out',
        certFile,
      ],
      { stdio: 'pipe' },
    );
    cert = readFileSync(certFile, 'utf8');

    // The release layout the deploy script keeps: srv/releases/<time>/ and srv/current.
    execFileSync('scripts/deploy.sh', ['deploy', SITE], { env: deployEnv(), stdio: 'pipe' });
    // Probes, written into the live release (deploy.sh refuses files its build did not make):
    // types the demo site has no file of yet, an upload, hidden files and an empty folder.
    const live = path.join(dir, 'srv', 'current');
    const probe = (file: string, body: string | Buffer) => {
      mkdirSync(path.dirname(path.join(live, file)), { recursive: true });
      writeFileSync(path.join(live, file), body);
    };
    probe('probe.wasm', Buffer.from([0, 97, 115, 109, 1, 0, 0, 0]));
    probe('probe.vtt', 'WEBVTT\n\n00:00.000 --> 00:01.000\n字幕\n');
    probe('.env', 'SECRET=1');
    probe('.git/config', '[core]\n');
    probe('x/.secret.html', '<p>secret</p>');
    probe('x/.well-known/security.txt', 'nested');
    probe('.well-known/security.txt', 'Contact: mailto:louyu@example.gov.cn\n');
    probe('.well-known/.hidden', 'x');
    mkdirSync(path.join(live, 'emptydir'), { recursive: true });
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGP4z8DwHwAFAAH/iZk9HQAAAABJRU5ErkJggg==', 'base64');
    probe('media/uploads/probe.png', png);
    probe('media/uploads/.hidden', 'x');
    // The ACME webroot certbot/acme.sh write their http-01 challenges into.
    mkdirSync(path.join(dir, 'acme', '.well-known', 'acme-challenge'), { recursive: true });
    writeFileSync(path.join(dir, 'acme', '.well-known', 'acme-challenge', ACME_TOKEN), `${ACME_TOKEN}.thumbprint`);

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
    writeFileSync(
      path.join(conf, 'acme-challenge.conf'),
      substitute(readFileSync('deploy/acme-challenge.conf', 'utf8'), 'root /var/www/acme;', `root ${path.join(dir, 'acme')};`),
    );
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
    await release2?.catch(() => undefined);
    if (release2Proj) rmSync(release2Proj, { recursive: true, force: true });
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
    const allowed = await page.evaluate(
      (url) =>
        fetch(url).then(
          () => 'answered',
          () => 'network error',
        ),
      `${GIT_ORIGIN}/api/v1/version`,
    );
    expect(allowed).toBe('network error'); // nothing listens there: the request got past the policy to the network

    // Another origin is refused by the policy (an unguarded page: this violation is expected).
    const context = await browser.newContext({ ignoreHTTPSErrors: true });
    try {
      const other = await context.newPage();
      await other.goto(`https://${HOST}:${PORT}/admin/`);
      const blocked = await other.evaluate(async (url) => {
        const seen = new Promise<string>((resolve) =>
          document.addEventListener('securitypolicyviolation', (e) => resolve(`${e.effectiveDirective} ${e.blockedURI}`)),
        );
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

  test.describe('nothing hidden is served, whatever rule would match it', () => {
    for (const pathname of [
      '/.env',
      '/.build.json',
      '/.build-manifest',
      '/.carried',
      '/.git/config',
      '/x/.secret.html',
      '/x/.well-known/security.txt',
      '/.well-known/.hidden',
      '/.git/',
      '/%2egit/config',
    ]) {
      test(pathname, async () => {
        const r = await get(pathname);
        expect(r.status).toBe(404);
        expect(r.body.toString('utf8')).not.toMatch(/SECRET|\[core\]|secret|nested|builtAt/);
      });
    }
    test('/.well-known/security.txt is served', async () => {
      const r = await get('/.well-known/security.txt');
      expect(r.status).toBe(200);
      expect(r.body.toString('utf8')).toContain('Contact:');
    });
    test('an ACME http-01 challenge is answered from the webroot, on port 80 and over HTTPS', async () => {
      const plain = await new Promise<Reply>((resolve, reject) => {
        const req = httpRequest({ host: '127.0.0.1', port: HTTP_PORT, path: `/.well-known/acme-challenge/${ACME_TOKEN}`, headers: { host: HOST } }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
        });
        req.on('error', reject);
        req.end();
      });
      expect(plain.status).toBe(200);
      expect(plain.body.toString('utf8')).toBe(`${ACME_TOKEN}.thumbprint`);
      expect(String(plain.headers['content-type'])).toMatch(/^text\/plain/);
      const tls = await get(`/.well-known/acme-challenge/${ACME_TOKEN}`);
      expect(tls.status).toBe(200);
      expect((await get('/.well-known/acme-challenge/no-such-token')).status).toBe(404);
      // Anything else on port 80 still goes to HTTPS.
      expect((await getPlain('/.well-known/security.txt')).status).toBe(301);
    });
  });

  test.describe('a section root without its slash redirects to the page', () => {
    for (const section of ['/news', '/activities', '/theory', '/school', '/stations', '/exchange', '/diary', '/topics', '/stats', '/search']) {
      test(section, async () => {
        const r = await get(`${section}?page=2`);
        expect(r.status).toBe(301);
        expect(r.headers.location).toBe(`${section}/?page=2`);
        expect((await get(`${section}/`)).headers['cache-control']).toBe('public, max-age=300, must-revalidate');
      });
    }
  });

  test('captions (.vtt) are text/vtt', async () => {
    const r = await get('/probe.vtt');
    expect(r.status).toBe(200);
    expect(String(r.headers['content-type'])).toMatch(/^text\/vtt; charset=utf-8$/);
  });

  test('no directory listings and no hidden files', async () => {
    const listing = await get('/emptydir/');
    expect(listing.status).toBe(404);
    expect(listing.body.toString('utf8')).not.toContain('Index of');
    expect((await get('/_astro/')).status).toBe(404);
    expect((await get('/.env')).status).toBe(404);
  });

  test('a reader with /search/ and a news page open across a publish: no 404, no console error; a fresh load sees release 2', async ({ page, context }) => {
    test.setTimeout(600_000);
    release2Dir = await release2!;
    const origin = `https://${HOST}:${PORT}`;
    const failed: string[] = [];
    const errors: string[] = [];
    context.on('response', (r) => {
      if (r.status() >= 400) failed.push(`${r.status()} ${new URL(r.url()).pathname}`);
    });
    const watch = (p: typeof page) => p.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    watch(page);
    const status = page.locator('ld-site-search [data-status]');
    const settled = async () => {
      await expect(status).not.toHaveText('');
      await expect(status).not.toHaveText(zhCN['search.loading']);
    };

    // Release 1: the reader searches, and opens a news page with a cover image.
    await page.goto(`${origin}/search/?q=${encodeURIComponent('工作站')}`);
    await settled();
    const news = await context.newPage();
    watch(news);
    await news.goto(`${origin}/news/${COVER_ENTRY}/`);
    const oldCss = await news.locator('link[rel="stylesheet"]').first().getAttribute('href');
    const oldImages = await news.locator('main img').evaluateAll((imgs) => imgs.map((i) => (i as HTMLImageElement).currentSrc || (i as HTMLImageElement).src));
    expect(oldCss).toMatch(/^\/_astro\//);
    expect(oldImages.some((src) => src.includes('/_astro/'))).toBe(true);

    // Release 2 goes live.
    await run('scripts/deploy.sh', ['deploy', release2Dir], { env: deployEnv() });
    expect(readFileSync(path.join(dir, 'srv', 'current', 'news', NEW_ENTRY.id, 'index.html'), 'utf8')).toContain(NEW_ENTRY.title);

    // The reader, still on release 1's page, narrows the search, then pages on to older years.
    await page.getByLabel(zhCN['search.filter.type']).selectOption(zhCN['search.type.news']);
    await settled();
    await expect(page.locator('ld-site-search [data-results] > li').first()).toBeVisible();
    await page.getByLabel(zhCN['search.filter.type']).selectOption(zhCN['search.type.activities']);
    await settled();
    const older = page.locator('ld-site-search').getByRole('button', { name: /同时搜索/ });
    if (await older.count()) {
      await older.first().click();
      await settled();
    }
    // …and opens the images and the stylesheet of the page it loaded before the publish.
    for (const src of [new URL(oldCss!, origin).href, ...oldImages]) {
      const viewer = await context.newPage();
      const r = await viewer.goto(src);
      expect(r?.status(), src).toBe(200);
      await viewer.close();
    }
    expect(failed).toEqual([]);
    expect(errors).toEqual([]);

    // A fresh load gets release 2: the new stylesheet, the new cover, and the new entry in search.
    await news.reload();
    expect(await news.locator('link[rel="stylesheet"]').first().getAttribute('href')).not.toBe(oldCss);
    const newImages = await news.locator('main img').evaluateAll((imgs) => imgs.map((i) => (i as HTMLImageElement).currentSrc || (i as HTMLImageElement).src));
    expect(newImages.filter((s) => s.includes('/_astro/'))).not.toEqual(oldImages.filter((s) => s.includes('/_astro/')));
    const fresh = await context.newPage();
    watch(fresh);
    await fresh.goto(`${origin}/search/?q=${encodeURIComponent('第二版新增')}`);
    await expect(fresh.locator('ld-site-search [data-status]')).not.toHaveText(zhCN['search.loading']);
    await expect(fresh.locator('ld-site-search [data-results] a', { hasText: NEW_ENTRY.title }).first()).toBeVisible();
    expect(failed).toEqual([]);
    expect(errors).toEqual([]);
    liveBuild = release2Dir;
  });

  test('deploy and roll back while readers keep loading pages: never a 404, a 5xx or a half-written page', async () => {
    test.setTimeout(180_000);
    // Release 2 is the shared test build (dist/, built without production CMS settings), so its
    // /admin/config.yml tells the two releases apart.
    const release = (root: string, pathname: string) => readFileSync(path.join(root, pathname.endsWith('/') ? `${pathname}index.html` : pathname));
    const pages = ['/', '/news/', '/stations/', '/stations/lingxiu/', '/rss.xml', '/admin/config.yml'];
    const expected = new Map(pages.map((p) => [p, [release(liveBuild, p), release('dist', p)]]));
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
    // The rollback holds: no automatic deploy of the withdrawn commit until `deploy.sh release`.
    const listed = (await deploy('list')).trim().split('\n');
    expect(listed.at(-2)).toMatch(/^\d{8}T\d{6}\.\d{9}Z \(live\)$/);
    expect(listed.at(-1)).toMatch(/^HOLD: rolled back from release .*scripts\/deploy\.sh release$/);
    expect(listed.filter((l) => l.includes('(live)'))).toHaveLength(1);
  });
});
