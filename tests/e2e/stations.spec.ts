import { expect, expectNoAxeViolations, test } from './helpers.ts';

const cards = '[data-station]';

test.describe('station directory with JavaScript', () => {
  test('filters by street, service and text and announces the count', async ({ page }) => {
    await page.goto('/stations/');
    await expect(page.locator(cards)).toHaveCount(31);
    const status = page.locator('ld-station-filter').getByRole('status');

    await page.getByLabel('所属街道').selectOption({ label: '古城街道' });
    await expect(page.locator(`${cards}:visible`)).toHaveCount(5);
    await expect(status).toHaveText('共找到 5 个工作站');
    await expect(page.getByRole('heading', { level: 2, name: '八角街道' })).toBeHidden();

    await page.getByLabel('服务职能').selectOption('妇联工作站');
    await expect(page.locator(`${cards}:visible`)).toHaveCount(4);
    await expect(page.getByRole('link', { name: '古城街道领秀大厦工作站' })).toBeVisible();

    await page.getByRole('button', { name: '清除筛选' }).click();
    await expect(page.locator(`${cards}:visible`)).toHaveCount(31);

    await page.getByLabel('名称或楼宇').fill('诚海');
    await expect(page.locator(`${cards}:visible`)).toHaveCount(1);
    await expect(page.getByRole('link', { name: '老山街道小山环保大厦工作站' })).toBeVisible();

    await page.getByLabel('名称或楼宇').fill('不存在的楼');
    await expect(page.locator(`${cards}:visible`)).toHaveCount(0);
    await expect(status).toHaveText('没有符合条件的工作站，请调整筛选条件。');
  });

  test('is accessible', async ({ page }) => {
    await page.goto('/stations/');
    await expectNoAxeViolations(page);
  });
});

test.describe('station directory without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('shows every station grouped by street, with street links', async ({ page }) => {
    await page.goto('/stations/');
    await expect(page.locator(`${cards}:visible`)).toHaveCount(31);
    await expect(page.locator('main h2:visible')).toHaveText(['古城街道', '八角街道', '老山街道', '苹果园街道', '金顶街街道', '鲁谷社区']);
    // The filter form needs the script, so it stays out of the way.
    await expect(page.getByLabel('所属街道')).toBeHidden();
    await page
      .getByRole('navigation', { name: '按街道浏览' })
      .getByRole('link', { name: /鲁谷社区/ })
      .click();
    await expect(page).toHaveURL(/#street-lugu$/);
    const lugu = page.locator('section', { has: page.locator('#street-lugu') });
    await expect(lugu.locator(cards)).toHaveCount(5);
    await expect(lugu.getByRole('link', { name: '鲁谷社区芙蓉大厦工作站' })).toBeVisible();
  });
});

test.describe('station page', () => {
  test('shows the figures, checklist, contact and feed links', async ({ page }) => {
    await page.goto('/stations/lingxiu/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('古城街道领秀大厦工作站');
    await expect(page.getByText('五站合一').first()).toBeVisible();
    await expect(page.getByText('首特科技孵化器有限责任公司，建筑面积 8,600㎡')).toBeVisible();
    const figures = page.locator('section', { has: page.locator('#figures') });
    await expect(figures).toContainText('40,600㎡');
    await expect(figures).toContainText('138家');
    await expect(figures).toContainText('1,660人');
    await expect(page.getByRole('link', { name: '010-00000101' })).toHaveAttribute('href', 'tel:01000000101');
    await expect(page.getByRole('link', { name: '动态（RSS）' })).toHaveAttribute('href', '/stations/lingxiu/rss.xml');
    await expect(page.getByRole('link', { name: '活动日历（ICS）' })).toHaveAttribute('href', '/stations/lingxiu/activities.ics');
    await expect(page.locator('link[rel=alternate][type="text/calendar"]')).toHaveAttribute('href', '/stations/lingxiu/activities.ics');
    await expectNoAxeViolations(page);
  });

  test('says in words which "五个一" items are missing', async ({ page }) => {
    await page.goto('/stations/yuhe/');
    await expect(page.getByText('尚缺 3 项，未达到“五个一”标准')).toBeVisible();
    await expect(page.getByText('电脑：未配备')).toBeVisible();
    await expect(page.getByText('电话：已配备')).toBeVisible();
    // A station with nothing published yet explains the empty sections.
    await expect(page.getByText('本站暂无动态。全区动态请见“动态”栏目。')).toBeVisible();
    await expectNoAxeViolations(page);
  });
});

test.describe('/stats/', () => {
  test("shows the report's figures, computed from the stations", async ({ page }) => {
    await page.goto('/stats/');
    const summary = page.locator('dl.summary');
    for (const text of [
      '31个',
      '35个',
      '1,470家',
      '其中流动党员292名，占46%',
      '636名',
      '38个',
      '其中社区书记10名，大学生社工22名',
      '独立23个，与物业合用8个',
      '占60%',
    ]) {
      await expect(summary).toContainText(text);
    }
    const bands = {
      各工作站楼宇面积分布: ['16', '8', '7'],
      各工作站年总产值分布: ['6', '11', '14'],
      各工作站入驻企业数分布: ['7', '11', '13'],
      各工作站从业人员数分布: ['6', '5', '20'],
    };
    for (const [name, counts] of Object.entries(bands)) {
      await expect(page.getByRole('table', { name }).locator('tbody td')).toHaveText(counts);
    }
    await expect(page.getByRole('img', { name: /^各工作站从业人员数分布：1000人及以上6个/ })).toBeVisible();
    await expect(page.locator('table.stations tbody tr')).toHaveCount(31);
    await expect(page.locator('ld-freshness-table tbody tr')).toHaveCount(31);
    await expectNoAxeViolations(page);
  });

  test('stays accessible in high contrast mode', async ({ page }) => {
    await page.goto('/stats/');
    await page.evaluate(() => document.documentElement.setAttribute('data-contrast', 'high'));
    await expectNoAxeViolations(page);
  });

  test('marks stale stations against the reader’s clock', async ({ page }) => {
    await page.clock.setFixedTime(new Date('2030-01-01T00:00:00+08:00'));
    await page.goto('/stats/');
    await expect(page.locator('ld-freshness-table tr[data-stale="true"]')).toHaveCount(31);
    await expect(page.locator('ld-freshness-table .summary')).toHaveText('31个工作站14天内无更新');
  });

  test('offers the CSV with one row per station', async ({ page, request }) => {
    await page.goto('/stats/');
    const href = await page.getByRole('link', { name: '下载各工作站数据（CSV）' }).getAttribute('href');
    const response = await request.get(href!);
    expect(response.ok()).toBe(true);
    expect(response.headers()['content-type']).toContain('text/csv');
    const text = (await response.body()).toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const rows = text.slice(1).split('\r\n').filter(Boolean);
    expect(rows).toHaveLength(32);
    expect(rows[0]).toMatch(/^工作站,街道,/);
    expect(rows.some((r) => r.startsWith('古城街道领秀大厦工作站,古城街道,'))).toBe(true);
  });
});

test.describe('poster', () => {
  test('has a QR code, noindex, and is accessible', async ({ page }) => {
    await page.goto('/stations/lingxiu/poster/');
    await expect(page.locator('meta[name=robots]')).toHaveAttribute('content', 'noindex');
    await expect(page.getByRole('img', { name: /扫码访问工作站主页：https?:\/\/.+\/stations\/lingxiu\/$/ })).toBeVisible();
    await expect(page.locator('.code svg path').first()).toBeAttached();
    await expectNoAxeViolations(page);
  });

  test('in print, a poster shows alone, while an ordinary page keeps its header and footer', async ({ page }) => {
    await page.emulateMedia({ media: 'print' });
    for (const url of ['/stations/xiaoshan/poster/', '/activities/2026-12-22-hongfeng-zhengce-jiedu/poster/']) {
      await page.goto(url);
      for (const part of ['.ld-header', '.ld-footer', '.ld-breadcrumbs', '.ld-skip']) await expect(page.locator(part).first(), `${url} ${part}`).toBeHidden();
      await expect(page.locator('main h1')).toBeVisible();
    }
    // The site has one stylesheet: the poster rules must not reach other pages.
    await page.goto('/stations/xiaoshan/');
    await expect(page.locator('.ld-header')).toBeVisible();
    await expect(page.locator('.ld-footer')).toBeVisible();
  });

  test('both posters show their print button when JavaScript runs', async ({ page }) => {
    for (const url of ['/stations/xiaoshan/poster/', '/activities/2026-12-22-hongfeng-zhengce-jiedu/poster/']) {
      await page.goto(url);
      await expect(page.getByRole('button', { name: /^打印/ }), url).toBeVisible();
    }
  });

  test('prints on exactly one A4 page', async ({ page }) => {
    await page.goto('/stations/xiaoshan/poster/');
    const pdf = (await page.pdf({ preferCSSPageSize: true })).toString('latin1');
    const pages = pdf.match(/\/Type\s*\/Page[^s]/g) ?? [];
    expect(pages).toHaveLength(1);
    // A4 is 595 × 842 points.
    const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)/.exec(pdf);
    expect(Math.round(Number(box?.[1]))).toBe(595);
    expect(Math.round(Number(box?.[2]))).toBe(842);
  });
});

test.describe('narrow screens', () => {
  test.use({ viewport: { width: 320, height: 800 } });
  for (const url of ['/stations/', '/stations/xiaoshan/', '/stats/', '/stations/lingxiu/poster/']) {
    test(`${url} does not scroll sideways at 320 px`, async ({ page }) => {
      await page.goto(url);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    });
  }
});
