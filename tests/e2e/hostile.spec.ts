/**
 * Hostile content is harmless in every format: one real Astro build of a content root
 * (tests/support/hostile-content.node.ts) in which every collection holds entries carrying the
 * body payloads of tests/fixtures/hostile/ (each payload in at least two collections, the lessons
 * holding all), and every free-text front-matter field of every collection (found from the
 * schemas, so a new field is covered automatically) and of the site settings carries a string of
 * front-matter.yaml. The content validator is bypassed (astro build is called directly) so the
 * render-time escaping and sanitising are what is tested, and Chromium ignores the CSP
 * (bypassCSP) so the policy cannot hide a failure.
 *
 * Then every page and every other output (RSS, iCalendar, CSV, sitemap, web manifest, JSON) is
 * opened in Chromium, served with its real content type: no script may run, no dialog may open,
 * every XML file must parse in the browser's XML parser, every JSON file in JSON.parse, and every
 * calendar in ical.js with no line over 75 octets. The build is shared by all three tests (built
 * once per run by tests/support/fixture-build.node.ts, in the background from the start): the
 * third checks the syllabus pages of its one long course (a lesson per payload).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import ICAL from 'ical.js';
import { expect, expectNoAxeViolations, test } from './helpers.ts';
import { isUnsafeUrl } from '../support/unsafe-url.ts';
import { SYLLABUS_PAGE_SIZE } from '../../src/lib/school/syllabus.ts';
import { serveStatic, walkFiles, type StaticServer } from '../../scripts/site-files.ts';
import { fixtureSite } from '../support/fixture-build.node.ts';
import type { HostileSummary } from '../support/hostile-content.node.ts';

let built: { out: string; bodies: number; strings: number; fields: number; entries: Record<string, number>; server: StaticServer } | undefined;

/** The one hostile build (tests/support/fixture-build.node.ts) every test shares, served in this worker. */
async function hostileBuild() {
  if (built) return built;
  const { out, facts } = await fixtureSite('hostile');
  built = { out, ...(facts as HostileSummary), server: await serveStatic(out) };
  return built;
}

test.afterAll(async () => {
  await built?.server.close();
});

test('no payload runs script or leaves dangerous markup in any built page', async ({ browser }) => {
  test.setTimeout(420_000);
  const { out, bodies, strings, fields, server } = await hostileBuild();
  const pages = walkFiles(out)
    .filter((f) => f.endsWith('.html') && !f.startsWith('admin/'))
    .filter((f) => readFileSync(path.join(out, f), 'utf8').includes('HOSTILE-'));
  // Every body payload reaches at least one page (station pages render bodies in every tree).
  const html = pages.map((f) => readFileSync(path.join(out, f), 'utf8')).join('\n');
  for (let i = 1; i <= bodies; i++) expect(html, `payload ${i} reached no page`).toContain(`HOSTILE-${String(i).padStart(2, '0')}`);
  expect(pages.length).toBeGreaterThan(bodies);

  const context = await browser.newContext({ bypassCSP: true });
  const failures: string[] = [];
  const queue = [...pages];
  const worker = async () => {
    const page = await context.newPage();
    let dialog: string;
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
          banned: [
            ...document.querySelectorAll(
              'iframe, object, embed, frame, base, form[action^="javascript" i], meta[http-equiv="refresh" i], body style, main [style], main link',
            ),
          ].map((e) => e.localName),
          // JSON islands carry page text as data (checked below to parse and to stay inside their
          // element); only scripts the browser would run count here.
          scripts: [...document.querySelectorAll('script:not([type="application/json"])')].filter((s) => /__pwned|alert\(/.test(s.textContent ?? '')).length,
          brokenJson: json.filter(Boolean),
          // A body's ids (headings included) carry the sanitiser's prefix: none may repeat an id
          // of the page, nor make window.main / window.search point at body content.
          duplicateIds: [...document.querySelectorAll('[id]')].map((e) => e.id).filter((id, i, all) => all.indexOf(id) !== i),
          mainClobbered: !!document.querySelector('main#main') && (window as unknown as { main?: unknown }).main !== document.querySelector('main#main'),
        };
      });
      const problems = [
        report.pwned !== undefined && `script ran: __pwned=${String(report.pwned)}`,
        dialog && `dialog opened: ${dialog}`,
        ...report.attrs.filter(([, name]) => name.startsWith('on')).map(([tag, name]) => `<${tag} ${name}>`),
        ...report.attrs
          .filter(
            ([, name, value]) =>
              ['href', 'src', 'action', 'formaction', 'xlink:href', 'srcset', 'data', 'poster'].includes(name) && isUnsafeUrl(value.split(/\s/)[0] ?? ''),
          )
          .map(([tag, name, value]) => `<${tag} ${name}="${value}">`),
        ...report.banned.map((tag) => `dangerous element <${tag}>`),
        report.scripts > 0 && `${report.scripts} payload script element(s) in the DOM`,
        ...report.brokenJson.map((id) => `JSON island ${id} does not parse`),
        ...report.duplicateIds.map((id) => `duplicate id "${id}"`),
        report.mainClobbered && "window.main is not the page's <main>",
      ].filter(Boolean);
      if (problems.length) failures.push(`${address}: ${problems.join('; ')}`);
    }
    await page.close();
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
  await context.close();
  console.log(`hostile: ${bodies} body payloads, ${strings} front-matter strings in ${fields} fields, ${pages.length} pages checked`);
  expect(failures).toEqual([]);
});

/** Outputs other than pages: feeds, calendars, CSV, sitemap, manifest, JSON. */
const OTHER_FORMATS = /\.(xml|ics|csv|webmanifest|json)$/;

test('every feed, calendar, CSV, sitemap, manifest and JSON file is inert and parses', async ({ browser }) => {
  test.setTimeout(420_000);
  const { out, server, entries } = await hostileBuild();
  const files = walkFiles(out).filter((f) => OTHER_FORMATS.test(f) && !f.startsWith('pagefind/') && !f.startsWith('admin/'));
  const kinds = (ext: string) => files.filter((f) => f.endsWith(ext));
  // The formats are all there, and the payloads reached them.
  for (const ext of ['.xml', '.ics', '.csv', '.webmanifest']) expect(kinds(ext).length, ext).toBeGreaterThan(0);
  expect(kinds('rss.xml').length).toBeGreaterThan(2);
  const text = (f: string) => readFileSync(path.join(out, f), 'utf8');
  expect(kinds('rss.xml').some((f) => text(f).includes('HOSTILE-FM'))).toBe(true);
  expect(text('rss.xml')).toContain('HOSTILE-FM');
  expect(kinds('.ics').some((f) => text(f).replace(/\r\n /g, '').includes('HOSTILE-FM'))).toBe(true);

  const failures: string[] = [];
  // Calendars: ical.js reads every one, and no line is longer than 75 octets.
  for (const f of kinds('.ics')) {
    const ics = text(f);
    try {
      const events = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent');
      // The whole calendar holds every activity, the poisoned ones included.
      if (f === 'activities.ics' && events.length < (entries.activities ?? 0)) failures.push(`${f}: ${events.length} events`);
    } catch (err) {
      failures.push(`${f}: ical.js cannot parse it: ${String(err)}`);
    }
    for (const line of ics.split('\r\n')) if (Buffer.byteLength(line) > 75) failures.push(`${f}: line of ${Buffer.byteLength(line)} octets`);
    if (/[\u0000-\u0008\u000b-\u001f\u007f]/.test(ics.replace(/\r\n/g, ''))) failures.push(`${f}: control character or bare CR/LF`);
  }

  const context = await browser.newContext({ bypassCSP: true, acceptDownloads: true });
  const page = await context.newPage();
  let dialog: string;
  page.on('dialog', (d) => {
    dialog = d.message();
    void d.dismiss();
  });
  for (const f of files) {
    dialog = '';
    const address = `${server.url}/${f}`;
    // Opened as a reader would open it: a browser renders XML (where an XHTML-namespaced script
    // would run) and downloads calendars and CSV; either way nothing may run.
    try {
      await page.goto(address, { waitUntil: 'load' });
      await page.waitForTimeout(100);
    } catch (err) {
      if (!/Download is starting|net::ERR_ABORTED/.test(String(err))) failures.push(`${f}: ${String(err)}`);
    }
    const ran = await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned).catch(() => undefined);
    if (ran !== undefined) failures.push(`${f}: script ran (__pwned=${String(ran)})`);
    if (dialog) failures.push(`${f}: dialog opened: ${dialog}`);
  }
  // Parsed by the browser's own parsers, fetched from a page of the site.
  await page.goto(`${server.url}/`);
  const parsed = await page.evaluate(async (list: string[]) => {
    const problems: string[] = [];
    for (const f of list) {
      const body = await (await fetch(`/${f}`)).text();
      if (/\.xml$/.test(f)) {
        const doc = new DOMParser().parseFromString(body, 'application/xml');
        if (doc.getElementsByTagName('parsererror').length > 0) problems.push(`${f}: XML does not parse`);
        if (doc.getElementsByTagNameNS('http://www.w3.org/1999/xhtml', 'script').length > 0) problems.push(`${f}: XHTML script element`);
        if (doc.getElementsByTagNameNS('http://www.w3.org/2000/svg', '*').length > 0) problems.push(`${f}: SVG element`);
      }
      if (/\.(json|webmanifest)$/.test(f)) {
        try {
          JSON.parse(body);
        } catch {
          problems.push(`${f}: JSON does not parse`);
        }
      }
    }
    return problems;
  }, files);
  failures.push(...parsed);
  // CSV: a value a spreadsheet would run as a formula is quoted as text.
  for (const f of kinds('.csv')) {
    for (const field of text(f).split(/,|\r\n/)) if (/^"?[=+\-@]/.test(field) && !/^"?-?\d/.test(field)) failures.push(`${f}: formula ${field.slice(0, 30)}`);
  }
  await context.close();
  console.log(`hostile formats: ${files.length} files checked (${kinds('.xml').length} XML, ${kinds('.ics').length} calendars, ${kinds('.csv').length} CSV)`);
  expect(failures).toEqual([]);
});

/**
 * The hostile build's one course holds the template lesson and one lesson per body payload, more
 * than a syllabus page: the only long course any e2e build has, so its pages are checked here.
 */
test('a course longer than one syllabus page is split into pages that list every lesson once, in order', async ({ page }) => {
  test.setTimeout(420_000);
  const { out, server } = await hostileBuild();
  const course = '/school/xinren-peixun/';
  const file = JSON.parse(readFileSync(path.join(out, 'school/xinren-peixun/lessons.json'), 'utf8')) as {
    lessons: { id: string; title: string; href: string }[];
  };
  const ids = file.lessons.map((l) => l.id);
  expect(ids.length).toBeGreaterThan(SYLLABUS_PAGE_SIZE);
  const pages = Math.ceil(ids.length / SYLLABUS_PAGE_SIZE);
  expect(existsSync(path.join(out, `school/xinren-peixun/page/${pages + 1}/index.html`))).toBe(false);
  const sitemap = readdirSync(out)
    .filter((f) => /^sitemap-\d+\.xml$/.test(f))
    .map((f) => readFileSync(path.join(out, f), 'utf8'))
    .join('\n');

  const listed: string[] = [];
  for (let n = 1; n <= pages; n++) {
    const address = n === 1 ? course : `${course}page/${n}/`;
    await page.goto(server.url + address);
    const items = page.locator('.syllabus > li');
    const onPage = await items.evaluateAll((lis) => lis.map((li) => li.getAttribute('data-lesson-id') ?? ''));
    expect(onPage).toEqual(ids.slice((n - 1) * SYLLABUS_PAGE_SIZE, n * SYLLABUS_PAGE_SIZE));
    listed.push(...onPage);
    // Plain links, numbered in study order across pages.
    await expect(items.first().locator('a')).toHaveAttribute('href', file.lessons[(n - 1) * SYLLABUS_PAGE_SIZE]!.href);
    expect(await page.locator('.syllabus').evaluate((ol: HTMLOListElement) => ol.start)).toBe((n - 1) * SYLLABUS_PAGE_SIZE + 1);
    const nav = page.getByRole('navigation', { name: '分页' });
    await expect(nav).toContainText(`第 ${n} 页，共 ${pages} 页`);
    await expect(nav.locator('a[aria-current="page"]')).toHaveText(String(n));
    expect(sitemap).toContain(address);
    // The course itself (summary, start link, exam) stays on its first page; later pages link back to it.
    await expect(page.locator('a[data-start]')).toHaveCount(n === 1 ? 1 : 0);
    await expect(page.locator('.ld-prose')).toHaveCount(n === 1 ? 1 : 0);
    await expect(page.locator(`a[href="${course}exam/"]`)).toHaveCount(n === 1 ? 1 : 0);
    if (n > 1) {
      await expect(page.locator(`main a[href="${course}"]`).last()).toHaveText(/^返回课程首页：/);
      await expect(page.locator('[data-pagefind-body]')).toHaveCount(0);
    }
  }
  expect(listed).toEqual(ids);

  // Progress on a later page: its learned lessons are marked, and the bar counts the whole course.
  const learnedId = ids[SYLLABUS_PAGE_SIZE]!;
  await page.evaluate(
    (record) => localStorage.setItem('ld-school-progress', record),
    JSON.stringify({
      version: 3,
      lessons: { [learnedId]: { course: 'xinren-peixun', learnedAt: '2026-05-01T02:00:00.000Z' } },
      courses: {},
      exams: {},
      daily: {},
    }),
  );
  await page.goto(`${server.url}${course}page/2/`);
  await expect(page.locator(`[data-lesson-id="${learnedId}"]`)).toContainText('已学');
  await expect(page.locator('ld-course-progress .bar')).toHaveText(`已学 1/${ids.length} 课`);
  await expectNoAxeViolations(page);
  await page.setViewportSize({ width: 320, height: 640 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
});
