import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { splitFrontMatter } from '../../src/lib/front-matter.ts';
import { calendarWindowStart } from '../../src/lib/feeds/calendar.ts';
import { toInstant } from '../../src/lib/dates.ts';
import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, test } from './helpers.ts';

const listItems = (page: Page) => page.locator('main .ld-list > li');

/** Station ids of a street, read from the front matter of content/stations/*.md. */
function stationsOfStreet(street: string): string[] {
  const dir = path.join(process.cwd(), 'content', 'stations');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .filter((f) => {
      const front = splitFrontMatter(readFileSync(path.join(dir, f), 'utf8'))?.yaml ?? '';
      return (yaml.load(front) as { street?: string }).street === street;
    })
    .map((f) => f.replace(/\.md$/, ''));
}

test.describe('lists paginate and filter with plain links (no JavaScript)', () => {
  test.use({ javaScriptEnabled: false });

  test('news: ten per page, page 2 at /news/page/2/, newest first', async ({ page }) => {
    await page.goto('/news/');
    await expect(listItems(page)).toHaveCount(10);
    const firstDates = await page.locator('main .ld-list time').allTextContents();
    expect([...firstDates].sort().reverse()).toEqual(firstDates);
    await page.getByRole('navigation', { name: '分页' }).getByRole('link', { name: '下一页' }).click();
    await expect(page).toHaveURL(/\/news\/page\/2\/$/);
    await expect(page.getByRole('navigation', { name: '分页' })).toContainText('第 2 页');
    const secondFirst = await page.locator('main .ld-list time').first().textContent();
    expect(secondFirst! <= firstDates.at(-1)!).toBe(true);
  });

  test('news: category, year and tag filters are static pages', async ({ page }) => {
    await page.goto('/news/');
    await page
      .getByRole('navigation', { name: '筛选' })
      .getByRole('link', { name: /^通知公告/ })
      .click();
    await expect(page).toHaveURL(/\/news\/category\/tongzhi\/$/);
    await expect(page.locator('h1')).toContainText('通知公告');
    const categories = await page.locator('main .ld-list .ld-meta a[href^="/news/category/"]').allTextContents();
    expect(categories.length).toBeGreaterThan(0);
    expect(new Set(categories)).toEqual(new Set(['通知公告']));

    await page.goto('/news/');
    await page
      .getByRole('navigation', { name: '筛选' })
      .getByRole('link', { name: /^2025年/ })
      .click();
    await expect(page).toHaveURL(/\/news\/year\/2025\/$/);
    for (const d of await page.locator('main .ld-list time').allTextContents()) expect(d.startsWith('2025-')).toBe(true);

    await page.goto('/news/');
    const tag = page.getByRole('navigation', { name: '筛选' }).getByRole('link', { name: /^联席会议/ });
    await page.getByText('标签', { exact: true }).click();
    await tag.click();
    await expect(page).toHaveURL(/\/news\/tag\/t-[0-9a-f]{8}\/$/);
    await expect(listItems(page)).not.toHaveCount(0);
    await page.getByRole('link', { name: '全部', exact: true }).click();
    await expect(page).toHaveURL(/\/news\/$/);
  });

  test('activities: kind filter and pagination', async ({ page }) => {
    await page.goto('/activities/');
    await expect(page.locator('main li[data-start]')).toHaveCount(10);
    await page
      .getByRole('navigation', { name: '筛选' })
      .getByRole('link', { name: /^送政策/ })
      .click();
    await expect(page).toHaveURL(/\/activities\/kind\/zhengce\/$/);
    const kinds = await page.locator('main li[data-start] a[href^="/activities/kind/"]').allTextContents();
    expect(kinds.length).toBeGreaterThan(0);
    expect(new Set(kinds)).toEqual(new Set(['送政策']));
    await page.goto('/activities/page/2/');
    await expect(page.locator('main li[data-start]')).not.toHaveCount(0);
  });

  test('exchange: topic filter; theory: column list; diary: station and month pages', async ({ page }) => {
    await page.goto('/exchange/');
    await page
      .getByRole('navigation', { name: '筛选' })
      .getByRole('link', { name: /^服务企业/ })
      .click();
    await expect(page).toHaveURL(/\/exchange\/topic\/fuwu\/$/);
    expect(new Set(await page.locator('main .ld-list .ld-meta a[href^="/exchange/topic/"]').allTextContents())).toEqual(new Set(['服务企业']));

    await page.goto('/theory/');
    await page.getByRole('link', { name: '政策学习', exact: true }).click();
    await expect(page).toHaveURL(/\/theory\/zhengce-xuexi\/$/);
    await expect(listItems(page)).toHaveCount(4);

    await page.goto('/diary/');
    await expect(page.locator('main article.ld-diary')).toHaveCount(10);
    await page.getByRole('link', { name: /^下一页/ }).click();
    await expect(page).toHaveURL(/\/diary\/page\/2\/$/);
    await page.goto('/diary/station/zhuyuan/');
    await expect(page.locator('main article.ld-diary')).toHaveCount(2);
    await page.goto('/diary/month/2026-11/');
    await expect(page.locator('h2').first()).toHaveText('2026年11月');
  });

  for (const { section, items, street, name } of [
    { section: 'news', items: 'main .ld-list > li', street: 'gucheng', name: '古城街道' },
    { section: 'activities', items: 'main li[data-start]', street: 'bajiao', name: '八角街道' },
  ]) {
    test(`${section}: the street filter lists only entries of that street’s stations`, async ({ page }) => {
      const own = stationsOfStreet(street);
      expect(own.length).toBeGreaterThan(1);
      await page.goto(`/${section}/`);
      const filters = page.getByRole('navigation', { name: '筛选' });
      await filters.getByText('街道', { exact: true }).click();
      const link = filters.getByRole('link', { name: new RegExp(`^${name}（(\\d+)）$`) });
      const count = Number(/（(\d+)）/.exec((await link.textContent()) ?? '')?.[1]);
      await link.click();
      await expect(page).toHaveURL(new RegExp(`/${section}/street/${street}/$`));
      await expect(page.locator('h1')).toContainText(name);
      await expect(page.getByText(`当前筛选：街道“${name}”`)).toBeVisible();
      const entries = page.locator(items);
      await expect(entries).toHaveCount(Math.min(count, 10));
      for (const entry of await entries.all()) {
        const href = await entry.locator('a[href^="/stations/"]').first().getAttribute('href');
        const station = /^\/stations\/([a-z0-9-]+)\/$/.exec(href ?? '')?.[1];
        expect(own, `${href} is a station of ${street}`).toContain(station);
      }
    });
  }

  test('without JavaScript, activities show in one dated list and the share block shows the address', async ({ page }) => {
    await page.goto('/activities/');
    await expect(page.getByRole('heading', { name: /全部活动/ })).toBeVisible();
    await expect(page.getByRole('heading', { name: '即将开始' })).toBeHidden();
    await page.goto('/news/2026-11-20-lingxiu-lianxi-huiyi/');
    await expect(page.locator('.ld-share code')).toHaveText(/^https?:\/\/.+\/news\/2026-11-20-lingxiu-lianxi-huiyi\/$/);
    await expect(page.getByRole('button', { name: '复制链接' })).toBeHidden();
  });
});

test.describe('upcoming and past are decided by the reader’s clock', () => {
  const upcoming = (page: Page) => page.locator('[data-phase="upcoming"]');
  const past = (page: Page) => page.locator('[data-phase="past"]');
  const policyTalk = '新年企业扶持政策解读会'; // 2026-12-22 14:00

  test('on 2026-11-27 a December activity is upcoming', async ({ page }) => {
    await page.clock.setFixedTime(new Date('2026-11-27T10:00:00+08:00'));
    await page.goto('/activities/');
    await expect(upcoming(page).getByRole('link', { name: policyTalk })).toBeVisible();
    await expect(past(page).getByRole('link', { name: policyTalk })).toHaveCount(0);
    await expect(page.getByRole('heading', { name: /全部活动/ })).toBeHidden();
    await expect(page.getByText('进行中', { exact: true })).toHaveCount(await page.locator('[data-ongoing]').count());
    await expect(page.getByText('进行中', { exact: true }).first()).toBeHidden();
    const starts = await upcoming(page)
      .locator('li[data-start]')
      .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.start!));
    expect([...starts].sort()).toEqual(starts);
  });

  test('with the clock set to March 2027 the same activity is past', async ({ page }) => {
    await page.clock.setFixedTime(new Date('2027-03-01T10:00:00+08:00'));
    await page.goto('/activities/');
    await expect(past(page).getByRole('link', { name: policyTalk })).toBeVisible();
    await expect(upcoming(page).locator('li')).toHaveCount(0);
    await expect(upcoming(page).getByText('暂无即将开始的活动')).toBeVisible();
  });

  test('the home page lists at most three upcoming activities, soonest first', async ({ page }) => {
    await page.clock.setFixedTime(new Date('2026-12-11T10:00:00+08:00'));
    await page.goto('/');
    const items = upcoming(page).locator('li[data-start]');
    await expect(items).toHaveCount(3);
    await expect(items.first()).toContainText('家庭急救知识培训');
  });

  test('during an activity it is still listed as upcoming, marked 进行中', async ({ page }) => {
    await page.clock.setFixedTime(new Date('2026-12-22T15:00:00+08:00'));
    await page.goto('/activities/');
    const item = upcoming(page).locator('li', { hasText: policyTalk });
    await expect(item.getByText('进行中')).toBeVisible();
    await expect(upcoming(page).locator('[data-ongoing]:visible')).toHaveCount(1);
  });

  test('a cancelled activity says so in text', async ({ page }) => {
    await page.goto('/activities/2026-12-10-meiyuan-yuandan-yingxin/');
    await expect(page.locator('h1')).toContainText('已取消');
    await expect(page.getByText('本活动已取消，请勿前往。')).toBeVisible();
  });
});

test.describe('feeds and calendars', () => {
  for (const path of ['/rss.xml', '/news/rss.xml', '/theory/xuexi-zhaji/rss.xml', '/stations/lingxiu/rss.xml']) {
    test(`${path} is well-formed RSS with items`, async ({ page, request }) => {
      const response = await request.get(path);
      expect(response.ok()).toBe(true);
      const xml = await response.text();
      await page.goto('/');
      const result = await page.evaluate((text) => {
        const doc = new DOMParser().parseFromString(text, 'application/xml');
        return {
          error: doc.querySelector('parsererror')?.textContent ?? null,
          root: doc.documentElement.nodeName,
          items: doc.querySelectorAll('channel > item').length,
          links: [...doc.querySelectorAll('channel > item > link')].map((l) => l.textContent ?? ''),
        };
      }, xml);
      expect(result.error).toBeNull();
      expect(result.root).toBe('rss');
      expect(result.items).toBeGreaterThan(0);
      for (const link of result.links) expect(link).toMatch(/^https?:\/\/[^/]+\/.+/);
    });
  }

  test('the list pages announce their feeds', async ({ page }) => {
    await page.goto('/news/');
    await expect(page.locator('link[rel="alternate"][href="/news/rss.xml"]')).toHaveCount(1);
    await page.goto('/theory/xuexi-zhaji/');
    await expect(page.locator('link[rel="alternate"][href="/theory/xuexi-zhaji/rss.xml"]')).toHaveCount(1);
  });

  test('/activities.ics holds one VEVENT per activity of the last twelve months and upcoming, with stable UIDs and the cancellation', async ({ request }) => {
    const ics = await (await request.get('/activities.ics')).text();
    const events = ics
      .replace(/\r\n[ \t]/g, '')
      .split('BEGIN:VEVENT')
      .slice(1);
    // The window is the build's: twelve months before dist/.build.json's time, and everything after.
    const builtAt = new Date((JSON.parse(readFileSync('dist/.build.json', 'utf8')) as { builtAt: string }).builtAt);
    const from = calendarWindowStart(builtAt);
    const expected = readdirSync('content/activities')
      .filter((f) => f.endsWith('.md'))
      .filter((f) => toInstant((yaml.load(splitFrontMatter(readFileSync(path.join('content/activities', f), 'utf8'))!.yaml) as { end: unknown }).end)! >= from)
      .map((f) => f.replace(/\.md$/, ''));
    const uids = events.map((e) => /UID:([^@\r\n]+)@/.exec(e)?.[1]);
    expect(uids.sort()).toEqual(expected.sort());
    expect(expected.length).toBeLessThan(readdirSync('content/activities').filter((f) => f.endsWith('.md')).length);
    // An activity older than the window keeps its page's own calendar file.
    const old = readdirSync('content/activities')
      .map((f) => f.replace(/\.md$/, ''))
      .find((id) => !expected.includes(id))!;
    const own = await (await request.get(`/activities/${old}/event.ics`)).text();
    expect(own.match(/BEGIN:VEVENT/g)).toHaveLength(1);
    expect(own).toContain(`UID:${old}@`);
    const policy = events.find((e) => e.includes('UID:2026-12-22-hongfeng-zhengce-jiedu@'));
    expect(policy).toContain('DTSTART:20261222T060000Z');
    expect(policy).toContain('DTEND:20261222T080000Z');
    expect(policy).toContain('STATUS:CONFIRMED');
    const cancelled = events.find((e) => e.includes('UID:2026-12-10-meiyuan-yuandan-yingxin@'));
    expect(cancelled).toContain('STATUS:CANCELLED');
    expect(cancelled).toContain('SEQUENCE:1');
  });

  test('a station calendar holds only its own activities; an activity page links its own .ics', async ({ page, request }) => {
    const ics = await (await request.get('/stations/meiyuan/activities.ics')).text();
    const uids = [...ics.matchAll(/^UID:(.+)$/gm)].map((m) => m[1]!.trim());
    expect(uids).toEqual(['2026-12-10-meiyuan-yuandan-yingxin@' + uids[0]!.split('@')[1]]);
    await page.goto('/activities/2026-12-22-hongfeng-zhengce-jiedu/');
    const href = await page.getByRole('link', { name: /加入日历/ }).getAttribute('href');
    expect(href).toBe('/activities/2026-12-22-hongfeng-zhengce-jiedu/event.ics');
    const one = await (await request.get(href!)).text();
    expect(one.match(/BEGIN:VEVENT/g)).toHaveLength(1);
  });
});

test.describe('articles', () => {
  test('news article: time, station link, description, related, previous/next, QR and copy', async ({ page }) => {
    await page.goto('/news/2026-11-20-lingxiu-lianxi-huiyi/');
    await expect(page.locator('main time').first()).toHaveAttribute('datetime', '2026-11-20T15:30:00+08:00');
    await expect(page.locator('main time').first()).toHaveText('2026-11-20 15:30');
    await expect(page.locator('article a[href="/stations/lingxiu/"]')).toBeVisible();
    await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', /十二家企业负责人/);
    await expect(page.getByRole('heading', { name: '相关内容' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: '上一篇和下一篇' })).toBeVisible();
    await expect(page.locator('.ld-share svg')).toHaveCount(1);
    await expect(page.getByRole('button', { name: '复制链接' })).toBeVisible();
  });

  test('exchange reply shows the whole three-station thread in order', async ({ page }) => {
    await page.goto('/exchange/2026-11-17-wanshang-taizhang-huiying/');
    const thread = page.locator('.ld-thread li');
    await expect(thread).toHaveCount(3);
    await expect(thread.nth(0)).toContainText('原帖');
    await expect(thread.nth(0)).toContainText('用需求台账');
    await expect(thread.nth(2)).toContainText('三楼联建');
    await expect(page.getByText('回复的帖子')).toBeVisible();
  });

  test('the poster is noindex and carries a QR code to the activity', async ({ page }) => {
    await page.goto('/activities/2026-12-22-hongfeng-zhengce-jiedu/poster/');
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', 'noindex');
    await expect(page.locator('.ld-poster svg')).not.toHaveCount(0);
    await expect(page.locator('.ld-poster')).toContainText('/activities/2026-12-22-hongfeng-zhengce-jiedu/');
  });

  for (const [path, title] of [
    ['/naming-standard/', '站名站标规范'],
    ['/accessibility/', '无障碍声明'],
    ['/help/', '使用帮助'],
    ['/about/', '关于本站'],
  ] as const) {
    test(`static page ${path}`, async ({ page }) => {
      await page.goto(path);
      await expect(page.locator('h1')).toHaveText(title);
    });
  }
});

test.describe('accessibility of every list and article template', () => {
  for (const path of [
    '/',
    '/news/',
    '/news/page/2/',
    '/news/category/tongzhi/',
    '/news/2026-11-20-lingxiu-lianxi-huiyi/',
    '/activities/',
    '/activities/kind/zhengce/',
    '/activities/2026-12-10-meiyuan-yuandan-yingxin/',
    '/activities/2026-12-22-hongfeng-zhengce-jiedu/poster/',
    '/theory/',
    '/theory/xuexi-zhaji/',
    '/theory/xuexi-zhaji/2026-11-10-louyu-dangjian-fugai/',
    '/exchange/',
    '/exchange/2026-11-17-wanshang-taizhang-huiying/',
    '/diary/',
    '/diary/month/2026-11/',
    '/accessibility/',
  ]) {
    test(`axe: ${path}`, async ({ page }) => {
      await page.clock.setFixedTime(new Date('2026-11-27T10:00:00+08:00'));
      await page.goto(path);
      await expectNoAxeViolations(page);
    });
  }

  test('no horizontal scroll at 320 px on an article and a list', async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 640 });
    for (const path of ['/news/', '/activities/2026-12-22-hongfeng-zhengce-jiedu/', '/']) {
      await page.goto(path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
  });
});
