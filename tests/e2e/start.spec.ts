/**
 * `npm start` as a developer runs it: decap-server (which has no authentication and writes
 * files) listens on loopback only, its CORS answers only the site's own local origin, its guard
 * answers only its own Host and only paths in content/ and public/media/ (the full matrix is in
 * tests/integration/cms-server.test.ts), and the site server survives a malformed address.
 * `--no-build` serves the existing build, so this test does not rebuild dist/ under the others.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from './helpers.ts';

const SITE_PORT = Number(process.env.START_TEST_SITE_PORT ?? 8141);
const CMS_PORT = Number(process.env.START_TEST_CMS_PORT ?? 8142);

/** Local addresses of the listening TCP sockets on `port`, read from the kernel's tables. */
function listeners(port: number): string[] {
  const out: string[] = [];
  for (const [file, v6] of [
    ['/proc/net/tcp', false],
    ['/proc/net/tcp6', true],
  ] as const) {
    let table: string;
    try {
      table = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    for (const line of table.trim().split('\n').slice(1)) {
      const [, local = '', , state] = line.trim().split(/\s+/);
      const [hex = '', portHex = ''] = local.split(':');
      if (state !== '0A' || parseInt(portHex, 16) !== port) continue;
      if (!v6)
        out.push(
          hex
            .match(/../g)!
            .reverse()
            .map((b) => parseInt(b, 16))
            .join('.'),
        );
      else if (/^0{24}0{8}$/.test(hex)) out.push('::');
      else if (hex === '00000000000000000000000001000000') out.push('::1');
      else if (/^0{20}FFFF0000/i.test(hex))
        out.push(
          `::ffff:${hex
            .slice(24)
            .match(/../g)!
            .reverse()
            .map((b) => parseInt(b, 16))
            .join('.')}`,
        );
      else out.push(hex);
    }
  }
  return out;
}

function reachable(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: 2000 }, () => {
      socket.destroy();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
    socket.on('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

let start: ChildProcess | undefined;

test.afterAll(() => {
  // npm start runs in its own process group: end it and decap-server with it (a group that has
  // already ended needs nothing; its own test has checked what it served).
  if (!start?.pid) return;
  try {
    process.kill(-start.pid, 'SIGTERM');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
});

test('npm start binds decap-server to loopback and limits CORS to the site', async () => {
  test.setTimeout(60_000);
  start = spawn('npm', ['start', '--', '--no-build'], {
    env: { ...process.env, SITE_PORT: String(SITE_PORT), CMS_LOCAL_PORT: String(CMS_PORT) },
    stdio: 'ignore',
    detached: true,
  });
  await expect.poll(() => listeners(CMS_PORT).length, { timeout: 30_000 }).toBeGreaterThan(0);
  await expect.poll(async () => (await fetch(`http://127.0.0.1:${SITE_PORT}/`).catch(() => undefined))?.status, { timeout: 30_000 }).toBe(200);

  expect(listeners(CMS_PORT)).toEqual(['127.0.0.1']);
  const external = Object.values(networkInterfaces())
    .flat()
    .filter((a) => a && !a.internal)
    .map((a) => a!.address);
  for (const address of external) expect(await reachable(address, CMS_PORT), `decap-server on ${address}`).toBe(false);

  const info = (origin: string) =>
    fetch(`http://127.0.0.1:${CMS_PORT}/api/v1`, { method: 'POST', headers: { 'content-type': 'application/json', origin }, body: '{"action":"info"}' });
  const own = await info(`http://localhost:${SITE_PORT}`);
  expect(own.headers.get('access-control-allow-origin')).toBe(`http://localhost:${SITE_PORT}`);
  expect(((await own.json()) as { type: string }).type).toBe('local_fs');
  // Another local page (any other port) is not the site: the browser must not let it read answers.
  const other = await info('http://localhost:9999');
  expect(other.headers.get('access-control-allow-origin')).not.toBe('http://localhost:9999');

  // A page that rebinds its name to 127.0.0.1 sends its own Host: refused, and nothing is written.
  const rebound = await raw(
    CMS_PORT,
    'POST',
    '/api/v1',
    `rebind.example:${CMS_PORT}`,
    JSON.stringify({
      action: 'persistEntry',
      params: {
        branch: 'main',
        entry: { slug: 'x', path: 'scripts/x.ts', raw: 'x' },
        assets: [],
        options: { commitMessage: 'x', useWorkflow: false, status: 'draft' },
      },
    }),
  );
  expect(rebound.status).toBe(421);
  // Its own Host, but a path outside content/ and public/media/: refused with a JSON error.
  const outside = await raw(
    CMS_PORT,
    'POST',
    '/api/v1',
    `127.0.0.1:${CMS_PORT}`,
    JSON.stringify({ action: 'getEntry', params: { branch: 'main', path: 'package.json' } }),
  );
  expect(outside.status).toBe(403);
  expect(JSON.parse(outside.body).error).toContain('content/ 和 public/media/');
  expect(existsSync('scripts/x.ts')).toBe(false);

  // The site server: a malformed address gets 400, and the server keeps serving.
  expect((await raw(SITE_PORT, 'GET', '/%E0%A4%A')).status).toBe(400);
  expect((await fetch(`http://127.0.0.1:${SITE_PORT}/`)).status).toBe(200);
});

/** A raw HTTP request (fetch cannot send a foreign Host or a malformed path). */
function raw(port: number, method: string, rawPath: string, host = `127.0.0.1:${port}`, body = ''): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, method, path: rawPath, headers: { host, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

test('outside a Git repository: start --review stops with a clear message, plain start serves and edits', async () => {
  test.setTimeout(60_000);
  const outside = mkdtempSync(path.join(tmpdir(), 'louyu-nogit-'));
  const script = path.resolve('scripts/start.ts');
  const sitePort = SITE_PORT + 5;
  const cmsPort = CMS_PORT + 5;
  let plain: ChildProcess | undefined;
  try {
    const r = spawnSync(process.execPath, [script, '--review', '--no-build'], { cwd: outside, encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringContaining('需要在 Git 仓库中运行')]);

    plain = spawn(process.execPath, [script, '--no-build'], {
      cwd: outside,
      env: { ...process.env, SITE_PORT: String(sitePort), CMS_LOCAL_PORT: String(cmsPort), BUILD_OUT_DIR: path.resolve('dist') },
      stdio: 'ignore',
    });
    await expect.poll(async () => (await fetch(`http://127.0.0.1:${sitePort}/`).catch(() => undefined))?.status, { timeout: 30_000 }).toBe(200);
    const info = async () => {
      const res = await fetch(`http://127.0.0.1:${cmsPort}/api/v1`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"action":"info"}',
      }).catch(() => undefined);
      return res?.ok ? ((await res.json()) as { type: string }).type : undefined;
    };
    await expect.poll(info, { timeout: 30_000 }).toBe('local_fs');
  } finally {
    plain?.kill('SIGTERM');
    rmSync(outside, { recursive: true, force: true });
  }
});
