/**
 * Offline school within a data plan: installing the worker stores the shell only; a lesson opened
 * online is readable offline; 离线保存本课程 shows the course's size, then stores all its lessons.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { expect, expectNoAxeViolations, test } from './helpers.ts';

const COURSE = '/school/xinren-peixun/';
const OPENED = '/school/jiben-changshi/changshi-03-quanli-yiwu/';
const NOT_OPENED = '/school/jiben-changshi/changshi-02-zuzhi-shenghuo/';

/** Opens `path` and waits until the school's worker controls the page. */
async function controlled(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
}

/** Every address stored in the school's caches, by cache. */
function stored(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(async () => {
    const out: Record<string, string[]> = {};
    for (const name of await caches.keys()) out[name] = (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname);
    return out;
  });
}

/** Whether a navigation to `path` fails (nothing stored for it offline). */
async function fails(page: Page, path: string): Promise<boolean> {
  return page.goto(path).then(
    () => false,
    () => true,
  );
}

async function offline(context: BrowserContext, on: boolean) {
  await context.setOffline(on);
}

test('installing the worker stores the school’s shell and no lesson', async ({ page }) => {
  await controlled(page, '/school/');
  const caches = await stored(page);
  const shell = Object.keys(caches).find((k) => k.startsWith('ld-school-shell-'));
  expect(shell).toBeDefined();
  const urls = caches[shell!]!;
  for (const url of ['/school/', '/school/record/', '/school/daily/', COURSE, `${COURSE}exam/`]) expect(urls).toContain(url);
  expect(urls.some((u) => u.startsWith('/_astro/') && u.endsWith('.css'))).toBe(true);
  const lessons = (await (await page.request.get(`${COURSE}lessons.json`)).json()) as { lessons: { href: string }[] };
  for (const { href } of lessons.lessons) expect(urls).not.toContain(href);
  expect(urls).not.toContain(OPENED);
});

test('a lesson opened online is readable offline; one never opened is not stored', async ({ page, context }) => {
  await controlled(page, '/school/');
  await page.goto(OPENED);
  await expect(page.locator('h1')).toHaveText('党员的权利和义务');
  await expect.poll(async () => Object.values(await stored(page)).flat()).toContain(OPENED);
  await offline(context, true);
  await page.goto('/school/');
  await page.goto(OPENED);
  await expect(page.locator('h1')).toHaveText('党员的权利和义务');
  await expect(page.locator('ld-quiz fieldset')).toHaveCount(2);
  expect(await fails(page, NOT_OPENED)).toBe(true);
  await offline(context, false);
});

test('离线保存本课程 shows the course’s size first, then every lesson reads offline', async ({ page, context }) => {
  await controlled(page, COURSE);
  const save = (await (await page.request.get(`${COURSE}offline.json`)).json()) as { lessons: number; bytes: number; files: string[] };
  const lessons = ((await (await page.request.get(`${COURSE}lessons.json`)).json()) as { lessons: { href: string; title: string }[] }).lessons;
  expect(save.lessons).toBe(lessons.length);
  const button = page.getByRole('button', { name: '离线保存本课程' });
  await expect(button).toBeVisible();
  // Nothing of the course is fetched before the learner asks.
  expect(Object.values(await stored(page)).flat()).not.toContain(lessons[0]!.href);
  await button.click();
  const size = page.locator('ld-save-course [data-size]');
  await expect(size).toContainText(`本课程共 ${lessons.length} 课，下载约 `);
  await expect(size).toContainText(/\d+(\.\d)? (KB|MB)/);
  await expect(size).toBeFocused();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: '确定保存' }).click();
  await expect(page.locator('ld-save-course [data-status]')).toContainText('已离线保存本课程');
  const all = Object.values(await stored(page)).flat();
  for (const url of save.files) expect(all).toContain(url);

  // A learner with progress: the course's lessons.json comes from the store as well.
  await page.evaluate(() =>
    localStorage.setItem(
      'ld-school-progress',
      JSON.stringify({
        version: 3,
        lessons: { 'xinren-01-zhineng': { course: 'xinren-peixun', learnedAt: '2026-05-01T02:00:00.000Z' } },
        courses: {},
        exams: {},
        daily: {},
      }),
    ),
  );
  await offline(context, true);
  for (const { href, title } of lessons) {
    await page.goto(href);
    await expect(page.locator('h1')).toHaveText(title);
  }
  await page.goto(COURSE);
  await expect(page.locator('ld-course-progress')).toContainText(`已学 1/${lessons.length} 课`);
  await page.goto('/school/record/');
  await expect(page.locator('[data-lesson="xinren-01-zhineng"] a')).toHaveText(lessons[0]!.title);
  await expect(page.locator('[data-lessons-unavailable]')).toHaveCount(0);
  await offline(context, false);
});

test('the course page without JavaScript shows no save button', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(COURSE);
  await expect(page.getByRole('button', { name: '离线保存本课程' })).toHaveCount(0);
  await context.close();
});
