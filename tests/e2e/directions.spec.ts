import { expect, expectNoAxeViolations, test } from './helpers.ts';

test('a station page and its poster give directions and open the position in three map services, loading nothing from them', async ({ page }) => {
  const foreign: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith('http://localhost')) foreign.push(r.url());
  });
  for (const url of ['/stations/lingxiu/', '/stations/lingxiu/poster/']) {
    await page.goto(url);
    const section = page.locator('[data-directions]');
    await expect(page.locator('[data-directions-line]')).toHaveText('地铁1号线示例站B口出，向北步行5分钟');
    await expect(page.getByText('怎么到这里', { exact: true })).toBeVisible();
    const href = async (service: string) => new URL((await section.locator(`a[data-map="${service}"]`).getAttribute('href'))!);
    const amap = await href('amap');
    expect(amap.host).toBe('uri.amap.com');
    expect(amap.searchParams.get('position')).toBe('116.1927,39.9072');
    expect(amap.searchParams.get('coordinate')).toBe('wgs84');
    const baidu = await href('baidu');
    expect(baidu.host).toBe('api.map.baidu.com');
    expect(baidu.searchParams.get('location')).toBe('39.9072,116.1927');
    expect(baidu.searchParams.get('coord_type')).toBe('wgs84');
    const tencent = await href('tencent');
    expect(tencent.host).toBe('apis.map.qq.com');
    expect(tencent.searchParams.get('marker')).toMatch(/^coord:39\.9072,116\.1927;title:古城街道领秀大厦工作站;addr:/);
    expect(tencent.searchParams.get('coord_type')).toBe('1');
    await expect(section.getByRole('link', { name: '高德地图' })).toBeVisible();
    await expect(section.getByRole('link', { name: '百度地图' })).toBeVisible();
    await expect(section.getByRole('link', { name: '腾讯地图' })).toBeVisible();
    await expectNoAxeViolations(page);
  }
  expect(foreign).toEqual([]);
});

test('the poster prints the directions line but not the map links', async ({ page }) => {
  await page.goto('/stations/lingxiu/poster/');
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('[data-directions-line]')).toBeVisible();
  await expect(page.locator('a[data-map]').first()).toBeHidden();
});

test('every station page says how to get there (a visitor going to an activity must find the way)', async ({ request }) => {
  const list = await (await request.get('/stations/')).text();
  const ids = [...new Set([...list.matchAll(/href="\/stations\/([a-z0-9-]+)\/"/g)].map((m) => m[1]!))];
  expect(ids.length).toBe(31);
  for (const id of ids) {
    const html = await (await request.get(`/stations/${id}/`)).text();
    expect(html, id).toMatch(/data-directions-line[^>]*>[^<]{4,60}</);
    expect(html, id).toContain('data-map="amap"');
  }
});
