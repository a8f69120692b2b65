// @vitest-environment happy-dom
/**
 * The search page's controller (src/lib/search/site-search.browser.ts) in happy-dom, over the
 * real sharded loader with a stand-in for Pagefind's bundle: the search in the address runs on
 * load, full and partial matches are listed apart, an excerpt never becomes markup, a form change
 * is a new address, a short result widens to older shards, and the older-years button covers the rest.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { defineSiteSearch, SiteSearchElement } from '../../src/lib/search/site-search.browser.ts';
import { ShardedSearch, type PagefindData, type PagefindModule } from '../../src/lib/search/search-loader.browser.ts';
import type { ShardManifest } from '../../src/lib/search/search-shards.ts';
import { zhCN } from '../../src/i18n/zh-CN.ts';

const MESSAGES = JSON.stringify(zhCN).replaceAll('&', '&amp;').replaceAll('"', '&quot;');

const MARKUP = `
<ld-site-search data-messages="${MESSAGES}">
  <form action="/search/" method="get" role="search">
    <input id="search-q" type="search" name="q">
    <button type="submit">搜索</button>
    <details data-fold><summary>筛选<span data-filter-count hidden></span></summary>
      <fieldset data-filters>
        <select name="type" data-filter="type"><option value="">全部</option><option value="新闻">新闻</option><option value="党建日记">党建日记</option></select>
        <select name="station" data-filter="station"><option value="">全部</option></select>
        <select name="year" data-filter="year"><option value="">全部</option><option value="2026">2026</option></select>
        <select name="sort"><option value="">相关度</option><option value="date">日期</option></select>
      </fieldset>
    </details>
  </form>
  <p role="status" data-status></p>
  <ol data-results></ol>
  <p data-older hidden><button type="button" data-older-button></button></p>
  <section data-partial hidden><ol data-partial-results></ol></section>
</ld-site-search>`;

const MANIFEST: ShardManifest = {
  months: 12,
  recent: 1,
  shards: [
    { id: 'base', path: '/pagefind/', years: [], pages: 1 },
    { id: '2026', path: '/pagefind/2026/', years: ['2026'], pages: 3 },
    { id: '2025', path: '/pagefind/2025/', years: ['2025'], pages: 1 },
    { id: '2024', path: '/pagefind/2024/', years: ['2024'], pages: 1 },
  ],
};

const page = (url: string, title: string, content: string, date: string | undefined, excerpt = content, type = '新闻'): PagefindData => ({
  url,
  content,
  excerpt,
  meta: { title, type, ...(date ? { sortdate: `${date}T09:00`, date } : {}) },
  filters: { type: [type], ...(date ? { year: [date.slice(0, 4)] } : {}) },
});

/** A stand-in for Pagefind: every merged bundle's pages, searched as one index by any term of the query. */
class FakePagefind implements PagefindModule {
  merged: string[] = [];
  searches: { q: string; filters?: Record<string, string> }[] = [];
  failing = false;
  readonly pages: Record<string, PagefindData[]>;
  constructor(pages: Record<string, PagefindData[]>) {
    this.pages = pages;
  }
  options = () => Promise.resolve();
  init = () => {
    this.merged.push('/pagefind/');
    return Promise.resolve();
  };
  mergeIndex = (path: string) => {
    this.merged.push(path);
    return Promise.resolve();
  };
  search(q: string, o: { filters?: Record<string, string> } = {}) {
    this.searches.push({ q, filters: o.filters });
    if (this.failing) return Promise.reject(new Error('index unreadable'));
    const chars = [...q.replace(/\s+/g, '')];
    const pages = this.merged.flatMap((p) => this.pages[p] ?? []);
    const hits = pages.filter(
      (d) => chars.some((c) => `${d.meta.title}${d.content}`.includes(c)) && Object.entries(o.filters ?? {}).every(([k, v]) => d.filters[k]?.includes(v)),
    );
    return Promise.resolve({ results: hits.map((d) => ({ id: d.url, data: () => Promise.resolve(d) })) });
  }
}

let pagefind: FakePagefind;
let mounted = 0;

/**
 * Puts the page's markup in place, then defines its element, as the page does: the module script
 * runs after the markup is parsed. Each mount gets a tag of its own (a tag is defined only once).
 */
function mount(search: string, pages: Record<string, PagefindData[]>): HTMLElement {
  history.replaceState(null, '', `/search/${search}`);
  const fake = new FakePagefind(pages);
  pagefind = fake;
  const tag = `ld-site-search-${++mounted}`;
  const template = document.createElement('template');
  template.innerHTML = MARKUP.replaceAll('ld-site-search', tag);
  document.body.append(template.content);
  customElements.define(
    tag,
    class extends SiteSearchElement {
      static override openIndex = () => ShardedSearch.open('/pagefind/', { excerptLength: 40 }, () => Promise.resolve(fake));
    },
  );
  return document.querySelector<HTMLElement>(tag)!;
}

const status = (host: HTMLElement) => host.querySelector('[data-status]')!.textContent;
const titles = (host: HTMLElement, list: string) => [...host.querySelectorAll(`${list} li a`)].map((a) => a.textContent);
/** Waits until the status shows a finished search (not 正在搜索……). */
async function settled(host: HTMLElement) {
  await vi.waitFor(() => expect(['', zhCN['search.loading']]).not.toContain(status(host)));
}

const PAGES = {
  '/pagefind/': [page('/stations/lingxiu/', '领秀大厦工作站', '楼宇党建工作站', undefined)],
  '/pagefind/2026/': [
    page(
      '/news/a/',
      '楼宇党建 观摩会召开',
      '全区楼宇党建工作观摩会在领秀大厦召开',
      '2026-11-20',
      '全区<mark>楼宇党建</mark>工作观摩会 &lt;img src=x onerror=alert(1)&gt;',
    ),
    page('/news/b/', '党员志愿服务', '楼宇里的志愿者在大厅服务', '2026-10-02'),
    page('/news/c/', '冬季消防演练', '消防安全培训', '2026-12-01'),
  ],
  '/pagefind/2025/': [page('/news/d/', '2025 年楼宇党建总结', '楼宇党建全年工作总结', '2025-12-20')],
  '/pagefind/2024/': [page('/news/e/', '2024 年楼宇党建回顾', '楼宇党建回顾', '2024-06-01')],
};

beforeAll(() => {
  vi.stubGlobal('fetch', (url: string) =>
    Promise.resolve(
      new Response(url.endsWith('/pagefind/shards.json') ? JSON.stringify(MANIFEST) : 'not found', { status: url.endsWith('shards.json') ? 200 : 404 }),
    ),
  );
});

afterEach(() => {
  document.body.replaceChildren();
});

describe('<ld-site-search>', () => {
  it('is defined once by defineSiteSearch', () => {
    defineSiteSearch();
    defineSiteSearch();
    expect(customElements.get('ld-site-search')).toBe(SiteSearchElement);
  });

  it('runs the search in the address on load, full matches apart from partial ones', async () => {
    const host = mount('?q=楼宇党建', PAGES);
    await settled(host);
    expect((host.querySelector('input[name="q"]') as HTMLInputElement).value).toBe('楼宇党建');
    // Phrase in the title first; then the text matches; 2024 and 2025 merged while results ran short.
    expect(titles(host, '[data-results]')).toEqual(['楼宇党建 观摩会召开', '2025 年楼宇党建总结', '2024 年楼宇党建回顾', '领秀大厦工作站']);
    expect(status(host)).toBe('找到 4 条与“楼宇党建”相关的结果');
    expect(pagefind.merged).toEqual(['/pagefind/', '/pagefind/2026/', '/pagefind/2025/', '/pagefind/2024/']);
    // 党员志愿服务 holds 楼 and 党 apart, never 楼宇党建 as written: dropped, not listed as partial.
    expect(titles(host, '[data-partial-results]')).toEqual([]);
    expect((host.querySelector('[data-partial]') as HTMLElement).hidden).toBe(true);
  });

  it('lists pages with only some of the terms under their own heading', async () => {
    const host = mount('?q=楼宇 消防', PAGES);
    await settled(host);
    expect(titles(host, '[data-results]')).toEqual([]);
    expect(titles(host, '[data-partial-results]')).toContain('冬季消防演练');
    expect((host.querySelector('[data-partial]') as HTMLElement).hidden).toBe(false);
    expect(host.querySelector('[data-partial-results] h3')).not.toBeNull();
    expect(status(host)).toBe('没有找到与“楼宇 消防”相关的内容，请换一个词试试。');
  });

  it('builds the excerpt from text nodes: marks become <mark>, escaped markup stays text', async () => {
    const host = mount('?q=楼宇党建', PAGES);
    await settled(host);
    const excerpt = host.querySelector('[data-results] li .ld-result__excerpt')!;
    expect(excerpt.querySelector('mark')?.textContent).toBe('楼宇党建');
    expect(excerpt.querySelector('img')).toBeNull();
    expect(excerpt.textContent).toContain('<img src=x onerror=alert(1)>');
    const meta = [...host.querySelectorAll('[data-results] li:first-child .ld-meta span')].map((s) => s.textContent);
    expect(meta).toEqual(['类型：新闻', '日期：2026-11-20']);
  });

  it('makes a form change a new address, and counts the filters set', async () => {
    const host = mount('', PAGES);
    expect(status(host)).toBe('');
    expect(pagefind.searches).toEqual([]);
    (host.querySelector('input[name="q"]') as HTMLInputElement).value = '观摩会';
    const year = host.querySelector<HTMLSelectElement>('select[name="year"]')!;
    year.value = '2026';
    year.dispatchEvent(new Event('change'));
    await settled(host);
    expect(location.search).toBe(`?${new URLSearchParams({ q: '观摩会', year: '2026' })}`);
    expect(pagefind.searches.at(-1)).toEqual({ q: '观摩会', filters: { year: '2026' } });
    expect(titles(host, '[data-results]')).toEqual(['楼宇党建 观摩会召开']);
    expect(status(host)).toBe('找到 1 条与“观摩会”相关的结果（已筛选）');
    const count = host.querySelector<HTMLElement>('[data-filter-count]')!;
    expect(count.hidden).toBe(false);
    expect(count.textContent).toBe('（已选 1 项）');
  });

  it('offers the older years while some are not searched, and searches them on request', async () => {
    const host = mount('?q=观摩会', PAGES);
    await settled(host);
    // Enough full matches? No: one, so 2025 and 2024 are merged and nothing older is left to offer.
    expect((host.querySelector('[data-older]') as HTMLElement).hidden).toBe(true);
    document.body.replaceChildren();
    const many = { ...PAGES, '/pagefind/2026/': [1, 2, 3].map((n) => page(`/news/${n}/`, `观摩会 ${n}`, '观摩会', `2026-0${n}-01`)) };
    const host2 = mount('?q=观摩会', many);
    await settled(host2);
    const older = host2.querySelector<HTMLElement>('[data-older]')!;
    expect(older.hidden).toBe(false);
    expect(older.querySelector('button')!.textContent).toBe('同时搜索更早的内容（2024—2025年）');
    expect(pagefind.merged).toEqual(['/pagefind/', '/pagefind/2026/']);
    older.querySelector('button')!.click();
    await vi.waitFor(() => expect(pagefind.merged).toContain('/pagefind/2024/'));
    await settled(host2);
    expect(new URL(location.href).searchParams.get('older')).toBe('1');
    expect(older.hidden).toBe(true);
  });

  it('prompts for a word when the query has none, and says so when the index fails', async () => {
    const host = mount('?q=%20%EF%BC%8C', PAGES);
    expect(status(host)).toBe(zhCN['search.prompt']);
    document.body.replaceChildren();
    const host2 = mount('?q=党建', PAGES);
    pagefind.failing = true;
    await settled(host2);
    expect(status(host2)).toBe(zhCN['search.error']);
  });
});
