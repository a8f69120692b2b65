import { pickDaily } from '../../src/lib/school/daily-question.ts';
import type { DailyEntry } from '../../src/lib/school/daily-entries.content.ts';
import { expect, expectNoAxeViolations, test } from './helpers.ts';
import { CASES, PHONES, expectResultInView, setTextSize, tapAt } from './result-view.ts';
import type { Page } from '@playwright/test';

const DAILY = '/school/daily/';

/** The published daily list, read from the page's JSON island. */
async function publishedList(page: Page): Promise<DailyEntry[]> {
  return JSON.parse((await page.locator('ld-daily script[data-list]').textContent()) ?? '[]') as DailyEntry[];
}

/** A wrong choice for a question: an option that is not right, or too few right ones. */
function wrongChoice(q: DailyEntry): number[] {
  const wrong = q.options.findIndex((_, i) => !q.answer.includes(i));
  return wrong >= 0 ? [wrong] : q.answer.slice(0, 1);
}

async function answer(page: Page, choice: number[]): Promise<void> {
  const options = page.locator('ld-daily [data-live] input');
  for (const i of choice) await options.nth(i).check();
  await page.getByRole('button', { name: '提交答案' }).click();
}

test('a reader answers the day’s question on three days; the streak follows Beijing days and survives a missed day', async ({ page }) => {
  const day1 = new Date('2026-12-01T00:00:05+08:00');
  await page.clock.setFixedTime(day1);
  await page.goto(DAILY);
  const list = await publishedList(page);
  expect(list.length).toBeGreaterThanOrEqual(30);
  const q1 = pickDaily(list, day1)!;
  await expect(page.locator('ld-daily [data-static]')).toBeHidden();
  await expect(page.locator('ld-daily [data-live] h2')).toHaveText('2026年12月1日的题目');
  await expect(page.locator('ld-daily legend')).toContainText(q1.question);
  await expect(page.locator('ld-daily [data-streak]')).toHaveText('答完今天的题，就开始计算连续答题天数。');

  await page.getByRole('button', { name: '提交答案' }).click();
  await expect(page.locator('ld-daily [data-missing]')).toHaveText('请先选择答案。');
  await answer(page, wrongChoice(q1));
  await expect(page.locator('ld-daily [data-correct]')).toHaveText('回答错误。');
  await expect(page.locator('ld-daily [data-explanation]')).toHaveText(`解析：${q1.explanation}`);
  await expect(page.locator('ld-daily [data-live] a')).toHaveAttribute('href', q1.lesson.href);
  await expect(page.locator('ld-daily [data-streak]')).toHaveText('已连续答题 1 天，最长连续 1 天。');
  await expectNoAxeViolations(page);

  // The same day again: the answer is kept, not asked again.
  await page.clock.setFixedTime(new Date('2026-12-01T23:59:59+08:00'));
  await page.reload();
  await expect(page.locator('ld-daily [data-correct]')).toHaveText('回答错误。');
  await expect(page.locator('ld-daily form')).toHaveCount(0);

  // One second later it is a new day in Beijing, with a new question.
  const day2 = new Date('2026-12-02T00:00:00+08:00');
  await page.clock.setFixedTime(day2);
  await page.reload();
  const q2 = pickDaily(list, day2)!;
  expect(q2.key).not.toBe(q1.key);
  await expect(page.locator('ld-daily legend')).toContainText(q2.question);
  await answer(page, q2.answer);
  await expect(page.locator('ld-daily [data-correct]')).toHaveText('回答正确！');
  await expect(page.locator('ld-daily [data-streak]')).toHaveText('已连续答题 2 天，最长连续 2 天。');

  // 12-03 is missed; on 12-04 the run starts again and the longest stays.
  const day4 = new Date('2026-12-04T12:00:00+08:00');
  await page.clock.setFixedTime(day4);
  await page.reload();
  await expect(page.locator('ld-daily [data-streak]')).toHaveText('已连续答题 0 天，最长连续 2 天。');
  await answer(page, pickDaily(list, day4)!.answer);
  await expect(page.locator('ld-daily [data-streak]')).toHaveText('已连续答题 1 天，最长连续 2 天。');
  await expect(page.locator('ld-daily [data-history] li')).toHaveCount(3);
  await expect(page.locator('ld-daily [data-history] li').first()).toContainText('2026年12月4日　答对');

  // The learning record holds the answers, so export and import carry them.
  const record = JSON.parse((await page.evaluate(() => localStorage.getItem('ld-school-progress'))) ?? '{}') as {
    version: number;
    daily: Record<string, { question: string; correct: boolean }>;
  };
  expect(record.version).toBe(3);
  expect(Object.keys(record.daily).sort()).toEqual(['2026-12-01', '2026-12-02', '2026-12-04']);
  expect(record.daily['2026-12-01']).toMatchObject({ question: q1.key, correct: false });
});

test.describe('a reader in New York', () => {
  test.use({ timezoneId: 'America/New_York' });
  test('gets the question of the Beijing day, not of the local day', async ({ page }) => {
    const evening = new Date('2026-12-01T20:30:00-05:00'); // 09:30 on 12-02 in Beijing
    await page.clock.setFixedTime(evening);
    await page.goto(DAILY);
    const list = await publishedList(page);
    await expect(page.locator('ld-daily [data-live] h2')).toHaveText('2026年12月2日的题目');
    await expect(page.locator('ld-daily legend')).toContainText(pickDaily(list, evening)!.question);
    await answer(page, pickDaily(list, evening)!.answer);
    const days = await page.evaluate(() => Object.keys((JSON.parse(localStorage.getItem('ld-school-progress') ?? '{}') as { daily: object }).daily));
    expect(days).toEqual(['2026-12-02']);
  });
});

test('the home page and /school/ show the day’s question and link to it', async ({ page }) => {
  const now = new Date('2026-12-10T08:00:00+08:00');
  await page.clock.setFixedTime(now);
  await page.goto(DAILY);
  const expected = pickDaily(await publishedList(page), now)!.question;
  for (const url of ['/', '/school/']) {
    await page.goto(url);
    await expect(page.locator('ld-daily-teaser [data-daily-text]')).toHaveText(expected);
    await page.getByRole('link', { name: '去答今天的题', exact: true }).click();
    await expect(page).toHaveURL(DAILY);
  }
});

test('without JavaScript the build day’s question is shown with its answer in a details element', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(DAILY);
  const fallback = page.locator('ld-daily [data-static]');
  await expect(fallback).toBeVisible();
  await expect(fallback.locator('h2')).toHaveText(/^\d{4}年\d{1,2}月\d{1,2}日的题目$/);
  await expect(fallback.locator('.options li').first()).toHaveText(/^A\. /);
  const details = fallback.locator('details');
  await expect(details.locator('p').first()).toBeHidden();
  await details.locator('summary').click();
  await expect(details).toContainText('正确答案：');
  await expect(details).toContainText('解析：');
  await expect(details.locator('a')).toHaveAttribute('href', /^\/school\/[a-z-]+\/[a-z0-9-]+\/$/);
  await context.close();
});

test('after one visit 每日一题 works offline, with a question for the day', async ({ page, context }) => {
  await page.goto(DAILY);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  await context.setOffline(true);
  await page.goto('/school/');
  await page.goto(DAILY);
  await expect(page.locator('h1')).toHaveText('每日一题');
  await expect(page.locator('ld-daily [data-live] legend')).toBeVisible();
  const q = pickDaily(await publishedList(page), new Date())!;
  await answer(page, q.answer);
  await expect(page.locator('ld-daily [data-correct]')).toHaveText('回答正确！');
  await context.setOffline(false);
});

test.describe('on a 320 px phone', () => {
  test.use({ viewport: { width: 320, height: 800 } });
  test('每日一题 fits without sideways scrolling and stays accessible after answering', async ({ page }) => {
    await page.goto(DAILY);
    const q = pickDaily(await publishedList(page), new Date())!;
    await answer(page, q.answer);
    await expect(page.locator('ld-daily [data-correct]')).toHaveText('回答正确！');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectNoAxeViolations(page);
  });
});

for (const phone of PHONES) {
  test.describe(`每日一题 result in view at ${phone.width}×${phone.height}, touch`, () => {
    test.use({ viewport: phone, hasTouch: true, isMobile: true });

    test('the verdict lands on screen with focus, at 大 and 特大, tapped at the top or bottom, in words', async ({ page }) => {
      await page.clock.setFixedTime(new Date('2026-12-01T09:00:00+08:00'));
      await page.goto(DAILY);
      for (const { size, at } of CASES) {
        const label = `${size}, button at ${at}`;
        // A fresh day's answer each time: the record is cleared and the page read again.
        await page.evaluate(() => localStorage.removeItem('ld-school-progress'));
        await page.reload();
        await setTextSize(page, size);
        await page.locator('ld-daily [data-live] input').first().check();
        await tapAt(page.getByRole('button', { name: '提交答案' }), at);
        const verdict = page.locator('ld-daily [data-verdict]');
        await expectResultInView(page, verdict, label);
        await expect(verdict.locator('[data-correct]')).toHaveText(/^回答(正确！|错误。)$/);
        await expect(page.locator('ld-daily [data-announce]')).toHaveText(/^回答(正确！|错误。)$/);
      }
    });
  });
}
