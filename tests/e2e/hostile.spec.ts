/**
 * Hostile content is harmless: one real Astro build of a content root in which every
 * Markdown collection holds one entry per payload of tests/fixtures/hostile/ (bodies), and the
 * free-text front-matter fields (titles, places, station contact, site settings) carry the
 * strings of front-matter.yaml. The content validator is bypassed (astro build is called
 * directly) so the render-time sanitiser is what is tested, and Chromium ignores the CSP
 * (bypassCSP) so the policy cannot hide a sanitiser failure. No script may run, no dialog may
 * open, and no dangerous markup may be left in any page that shows a payload.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { expect, test } from './helpers.ts';
import { isUnsafeUrl } from '../../src/lib/hostile-html.ts';
import { splitFrontMatter } from '../../src/lib/front-matter.ts';
import { serveStatic, walkFiles } from '../../scripts/site-files.ts';

const CORPUS = 'tests/fixtures/hostile';
const BASE = 'tests/fixtures/content-min';
/** Front-matter keys that hold free text shown on pages. */
const TEXT_KEYS = new Set(['title', 'summary', 'place', 'audience', 'signup', 'author', 'source', 'description', 'coverAlt', 'name', 'address', 'hours', 'group', 'phone', 'organiser', 'district', 'icp']);

/** Replaces every free-text value (recursively) with the payload; tags become [payload]. */
function poison(value: unknown, payload: string): unknown {
  if (Array.isArray(value)) return value.map((v) => poison(v, payload));
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => {
        if (k === 'tags') return [k, [payload]];
        if (TEXT_KEYS.has(k) && typeof v === 'string') return [k, payload];
        return [k, poison(v, payload)];
      }),
    );
  }
  return value;
}

/** Builds the hostile content root; returns it and how many payloads it holds. */
function hostileRoot(dir: string): { root: string; bodies: number; strings: number } {
  const root = path.join(dir, 'content');
  cpSync(BASE, root, { recursive: true });
  const bodies = readdirSync(CORPUS).filter((f) => f.endsWith('.md')).sort();
  const nonce = `${Date.now()}-${process.pid}`;
  const strings = yaml.load(readFileSync(path.join(CORPUS, 'front-matter.yaml'), 'utf8')) as string[];

  const settingsFile = path.join(root, 'settings', 'site.yaml');
  const settings = poison(yaml.load(readFileSync(settingsFile, 'utf8')), `${strings[0]} HOSTILE-FM`);
  writeFileSync(settingsFile, yaml.dump({ ...(settings as object), mainColor: '#a61b1b', contact: { ...(settings as { contact: object }).contact, email: 'louyu@example.gov.cn' } }));

  for (const collection of readdirSync(root)) {
    const templateName = readdirSync(path.join(root, collection)).find((f) => f.endsWith('.md'));
    if (!templateName) continue;
    const data = yaml.load(splitFrontMatter(readFileSync(path.join(root, collection, templateName), 'utf8'))?.yaml ?? '') as Record<string, unknown>;
    bodies.forEach((file, i) => {
      const n = String(i + 1).padStart(2, '0');
      const text = `${strings[i % strings.length]} HOSTILE-FM`;
      const front = poison(data, text) as Record<string, unknown>;
      if (typeof front.order === 'number') front.order = 100 + i;
      // Names that must be unique within an entry stay unique.
      if (Array.isArray(front.buildings)) front.buildings = front.buildings.map((b: { name: string }, j) => ({ ...b, name: `${b.name} ${j}` }));
      // A fresh nonce per run: Astro caches rendered bodies by content, and a cached render
      // from an earlier build must never stand in for this build's sanitiser.
      const body = `${readFileSync(path.join(CORPUS, file), 'utf8')}\n运行编号 ${nonce}\n`;
      writeFileSync(path.join(root, collection, `hostile-${n}.md`), `---\n${yaml.dump(front)}---\n${body}`);
    });
  }
  return { root, bodies: bodies.length, strings: strings.length };
}

test('no payload runs script or leaves dangerous markup in any built page', async ({ browser }) => {
  test.setTimeout(240_000);
  // Inside the project: the content loaders resolve CONTENT_ROOT relative to it.
  mkdirSync('.tmp', { recursive: true });
  const dir = path.relative(process.cwd(), mkdtempSync(path.join('.tmp', 'hostile-')));
  const { root, bodies, strings } = hostileRoot(dir);
  const out = path.join(dir, 'dist');
  const build = spawnSync('npx', ['astro', 'build', '--outDir', out], {
    encoding: 'utf8',
    env: { ...process.env, CONTENT_ROOT: root, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  expect(build.status, `${build.stdout}\n${build.stderr}`).toBe(0);

  const pages = walkFiles(out)
    .filter((f) => f.endsWith('.html') && !f.startsWith('admin/'))
    .filter((f) => readFileSync(path.join(out, f), 'utf8').includes('HOSTILE-'));
  // Every body payload reaches at least one page (station pages render bodies in every tree).
  const html = pages.map((f) => readFileSync(path.join(out, f), 'utf8')).join('\n');
  for (let i = 1; i <= bodies; i++) expect(html, `payload ${i} reached no page`).toContain(`HOSTILE-${String(i).padStart(2, '0')}`);
  expect(pages.length).toBeGreaterThan(bodies);

  const server = await serveStatic(out);
  const context = await browser.newContext({ bypassCSP: true });
  const failures: string[] = [];
  const queue = [...pages];
  const worker = async () => {
    const page = await context.newPage();
    let dialog = '';
    page.on('dialog', (d) => {
      dialog = d.message();
      void d.dismiss();
    });
    for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
      const address = `/${file.replace(/index\.html$/, '')}`;
      dialog = '';
      const response = await page.goto(server.url + address);
      expect(response?.status(), address).toBe(200);
      await page.waitForTimeout(150); // autofocus, ontoggle and SVG animation fire just after load
      const report = await page.evaluate(() => {
        const attrs: [string, string, string][] = [];
        for (const el of document.querySelectorAll('*')) {
          for (const a of el.attributes) attrs.push([el.localName, a.name, a.value]);
        }
        const json = [...document.querySelectorAll('script[type="application/json"]')].map((s) => {
          try {
            JSON.parse(s.textContent ?? '');
            return '';
          } catch {
            return s.id || 'unnamed';
          }
        });
        return {
          pwned: (window as unknown as { __pwned?: unknown }).__pwned,
          attrs,
          banned: [...document.querySelectorAll('iframe, object, embed, frame, base, form[action^="javascript" i], meta[http-equiv="refresh" i], body style, main [style], main link')].map((e) => e.localName),
          // JSON islands carry page text as data (checked below to parse and to stay inside their
          // element); only scripts the browser would run count here.
          scripts: [...document.querySelectorAll('script:not([type="application/json"])')].filter((s) => /__pwned|alert\(/.test(s.textContent ?? '')).length,
          brokenJson: json.filter(Boolean),
        };
      });
      const problems = [
        report.pwned !== undefined && `script ran: __pwned=${String(report.pwned)}`,
        dialog && `dialog opened: ${dialog}`,
        ...report.attrs.filter(([, name]) => name.startsWith('on')).map(([tag, name]) => `<${tag} ${name}>`),
        ...report.attrs
          .filter(([, name, value]) => ['href', 'src', 'action', 'formaction', 'xlink:href', 'srcset', 'data', 'poster'].includes(name) && isUnsafeUrl(value.split(/\s/)[0] ?? ''))
          .map(([tag, name, value]) => `<${tag} ${name}="${value}">`),
        ...report.banned.map((tag) => `dangerous element <${tag}>`),
        report.scripts > 0 && `${report.scripts} payload script element(s) in the DOM`,
        ...report.brokenJson.map((id) => `JSON island ${id} does not parse`),
      ].filter(Boolean);
      if (problems.length) failures.push(`${address}: ${problems.join('; ')}`);
    }
    await page.close();
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
  await context.close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
  console.log(`hostile: ${bodies} body payloads and ${strings} front-matter strings, ${pages.length} pages checked`);
  expect(failures).toEqual([]);
});
