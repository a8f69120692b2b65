/**
 * Topics (专题): /topics/ lists current topics before the archive, /topics/<id>/ shows the
 * introduction and the gathered entries by section, long sections get their own pages, gathered
 * pages link back, the home page shows current topics, each topic has a feed, and search
 * knows the 专题 type. The demo has one current topic and one that ended on 2026-06-30.
 */
import { expect, SITE, test } from './helpers.ts';
import { zhCN } from '../../src/i18n/zh-CN.ts';

const CURRENT = { href: '/topics/qingnian-xuexi-ji/', title: '楼宇青年学习季' };
const ENDED = { href: '/topics/wengang-jiuye-fuwu-ji/', title: '稳岗就业服务季' };

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('/topics/: current topics first, the ended one in the archive', async ({ page }) => {
    await page.goto('/topics/');
    const current = page.getByRole('region', { name: zhCN['topics.current'] });
    const archive = page.getByRole('region', { name: zhCN['topics.archive'] });
    await expect(current.getByRole('link', { name: CURRENT.title })).toHaveAttribute('href', CURRENT.href);
    await expect(archive.getByRole('link', { name: ENDED.title })).toHaveAttribute('href', ENDED.href);
    await expect(current.getByRole('link', { name: ENDED.title })).toHaveCount(0);
    const order = await page.locator('main h2').allTextContents();
    expect(order.indexOf(zhCN['topics.current'])).toBeLessThan(order.indexOf(zhCN['topics.archive']));
  });

  test('a topic page: banner with alt text, introduction, then at least four sections of entries, newest first after the picks', async ({ page }) => {
    await page.goto(CURRENT.href);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(CURRENT.title);
    await expect(page.locator('article img')).toHaveAttribute('alt', /书/);
    await expect(page.locator('article .ld-prose h2').first()).toHaveText('怎么参加');
    const sections = page.getByRole('region', { name: zhCN['topics.contents'] }).locator('h3');
    expect((await sections.allTextContents()).length).toBeGreaterThanOrEqual(4);
    // Diary entries are all gathered by tag: strictly newest first.
    const diary = page.getByRole('region', { name: zhCN['topics.section.diary'] });
    const dates = await diary.locator('time').evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime') ?? ''));
    expect(dates.length).toBeGreaterThan(1);
    expect([...dates].sort().reverse()).toEqual(dates);
    // The hand-picked lesson is there, linking to the lesson.
    await expect(page.getByRole('region', { name: zhCN['topics.section.lessons'] }).getByRole('link')).toHaveAttribute(
      'href',
      '/school/louyu-shiwu/louyu-03-qingnian/',
    );
  });

  test('a long section links to its own list of every entry', async ({ page }) => {
    await page.goto(CURRENT.href);
    const news = page.getByRole('region', { name: zhCN['topics.section.news'] });
    await expect(news.locator('li')).toHaveCount(5);
    await news.getByRole('link', { name: /查看全部\d+条党建动态/ }).click();
    await expect(page).toHaveURL(new RegExp(`${CURRENT.href}news/$`));
    await expect(page.locator('main .ld-list > li')).toHaveCount(6);
    await page.getByRole('link', { name: `返回专题“${CURRENT.title}”` }).click();
    await expect(page).toHaveURL(new RegExp(`${CURRENT.href}$`));
  });

  test('an ended topic says so and keeps its entries', async ({ page }) => {
    await page.goto(ENDED.href);
    await expect(page.getByText('本专题已于2026年6月30日结束')).toBeVisible();
    expect(await page.getByRole('region', { name: zhCN['topics.contents'] }).locator('li').count()).toBeGreaterThanOrEqual(8);
  });

  test('a gathered page links back to its topic, picked or tagged', async ({ page }) => {
    // Picked by hand (a lesson), and gathered by tag (a diary entry in both topics' time).
    for (const href of ['/school/louyu-shiwu/louyu-03-qingnian/', '/diary/2026-04-10-haitang/', '/news/2025-08-27-qiushi-jiuye-zhidao/']) {
      await page.goto(href);
      const back = page.getByRole('navigation', { name: zhCN['topics.belongsTo'] });
      await expect(back.getByRole('link', { name: CURRENT.title })).toHaveAttribute('href', CURRENT.href);
    }
    // 秋实's career guidance is gathered by both topics.
    await expect(page.getByRole('navigation', { name: zhCN['topics.belongsTo'] }).getByRole('link', { name: ENDED.title })).toHaveAttribute('href', ENDED.href);
    // A page in no topic has no such box.
    await page.goto('/news/2026-11-24-guihua-xiaofang-yanlian/');
    await expect(page.getByRole('navigation', { name: zhCN['topics.belongsTo'] })).toHaveCount(0);
  });

  test('the home page shows the current topic only', async ({ page }) => {
    await page.goto('/');
    const topics = page.getByRole('region', { name: zhCN['topics.home'] });
    await expect(topics.getByRole('link', { name: CURRENT.title })).toHaveAttribute('href', CURRENT.href);
    await expect(topics.getByRole('link', { name: ENDED.title })).toHaveCount(0);
  });
});

test('each topic has an RSS feed of its entries, announced by its page', async ({ page, request }) => {
  await page.goto(CURRENT.href);
  const feed = page.locator('link[rel="alternate"][href$="/rss.xml"][title*="楼宇青年学习季"]');
  await expect(feed).toHaveAttribute('href', `${CURRENT.href}rss.xml`);
  const response = await request.get(`${CURRENT.href}rss.xml`);
  expect(response.status()).toBe(200);
  const xml = await response.text();
  expect(xml).toContain(`<title>专题：${CURRENT.title}</title>`);
  expect(xml).toContain(new URL('/school/louyu-shiwu/louyu-03-qingnian/', SITE).href);
  expect(xml).toContain(new URL('/diary/2026-04-10-haitang/', SITE).href);
  expect(xml.match(/<item>/g)?.length).toBeGreaterThanOrEqual(8);
});

test('search has a 专题 type that finds topic pages', async ({ page }) => {
  await page.goto(`/search/?q=${encodeURIComponent('稳岗就业服务季')}&type=${encodeURIComponent(zhCN['search.type.topics'])}`);
  await expect(page.locator('#search-type option', { hasText: zhCN['search.type.topics'] })).toHaveCount(1);
  const links = page.locator('ld-site-search [data-results] > li h2 a');
  await expect(links.first()).toHaveAttribute('href', ENDED.href);
  for (const href of await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')))) expect(href).toMatch(/^\/topics\//);
});

test('the reader’s clock decides what is current: read in May 2026, the spring topic runs and the study season is still to come', async ({ page }) => {
  await page.clock.setFixedTime(new Date('2026-05-01T10:00:00+08:00'));
  await page.goto('/topics/');
  await expect(page.getByRole('region', { name: zhCN['topics.current'] }).getByRole('link', { name: ENDED.title })).toBeVisible();
  await expect(page.getByRole('region', { name: zhCN['topics.upcoming'] }).getByRole('link', { name: CURRENT.title })).toBeVisible();
  await expect(page.getByRole('region', { name: zhCN['topics.archive'] })).toBeHidden();
  // The home page lists only topics running now: none of those it was built with.
  await page.goto('/');
  await expect(page.getByRole('region', { name: zhCN['topics.home'] })).toBeHidden();
});

test('with JavaScript at build time’s date, the lists stay as built', async ({ page }) => {
  await page.clock.setFixedTime(new Date('2026-11-30T10:00:00+08:00'));
  await page.goto('/topics/');
  await expect(page.getByRole('region', { name: zhCN['topics.current'] }).getByRole('link', { name: CURRENT.title })).toBeVisible();
  await expect(page.getByRole('region', { name: zhCN['topics.archive'] }).getByRole('link', { name: ENDED.title })).toBeVisible();
  await page.goto('/');
  await expect(page.getByRole('region', { name: zhCN['topics.home'] }).getByRole('link', { name: CURRENT.title })).toBeVisible();
});
