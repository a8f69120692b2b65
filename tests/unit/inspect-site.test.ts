import { readFileSync } from 'node:fs';
import yaml from 'js-yaml';
import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { makeSchemas } from '../../src/lib/schema/schema.ts';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import { brokenLinks, findWording, footerIdentifierProblems } from '../../src/lib/inspect/inspect-site.ts';
import { buildReport, escapeHtml, reportHtml, reportText } from '../../src/lib/inspect/inspect-report.ts';
import { judge, type InspectionFacts } from '../../src/lib/inspect/inspect.ts';
import { ICP_RE, PSB_RE, SITE_CODE_RE, psbRecordUrl } from '../../src/lib/site-ids.ts';
import { robotsTxt, siteMapGroups } from '../../src/lib/site-map.ts';

const SITE = new URL('https://louyu.example.gov.cn');

describe('brokenLinks', () => {
  const pages = new Map([
    [
      'index.html',
      '<a href="/news/">新闻</a><a href="/news/#top">顶部</a><a href="#main">跳</a><main id="main"></main><a href="https://other.example/x">外站</a><a href="mailto:a@b.cn">信</a>',
    ],
    ['news/index.html', '<h1 id="top">新闻</h1><a href="/diary/month/2026-11/#2026-11-27-lanting">日记</a><a href="/gone/">旧</a><a href="#nowhere">无</a>'],
    ['diary/month/2026-11/index.html', '<article id="2026-11-20-other"></article><a href="/rss.xml">订阅</a>'],
  ]);
  const files = new Set([...pages.keys(), 'rss.xml']);
  it('finds missing pages and missing fragments, and only those', () => {
    expect(brokenLinks(pages, (f) => files.has(f), SITE)).toEqual([
      '/news/index.html → /diary/month/2026-11/#2026-11-27-lanting',
      '/news/index.html → /gone/',
      '/news/index.html → #nowhere',
    ]);
  });
  it('an absolute link to the own origin is checked like a relative one', () => {
    expect(brokenLinks(new Map([['index.html', '<a href="https://louyu.example.gov.cn/missing/">x</a>']]), () => false, SITE)).toEqual([
      '/index.html → https://louyu.example.gov.cn/missing/',
    ]);
  });
});

describe('references and anchors', () => {
  it('srcset candidates, poster, data and action are checked too', () => {
    const page =
      '<img src="/a.png" srcset="/a.png 1x, /b.png 2x"><video poster="/p.jpg"></video><object data="/o.svg"></object><form action="/search/"></form>';
    const files = new Set(['index.html', 'a.png', 'search/index.html']);
    expect(brokenLinks(new Map([['index.html', page]]), (f) => files.has(f), SITE)).toEqual([
      '/index.html → /b.png',
      '/index.html → /p.jpg',
      '/index.html → /o.svg',
    ]);
  });
  it('a fragment names an id or an <a name>, not a data-*-id or a <meta name>', () => {
    const page =
      '<meta name="viewport"><li data-lesson-id="x" id="real"></li><a name="legacy"></a><a href="#real">1</a><a href="#legacy">2</a><a href="#x">3</a><a href="#viewport">4</a>';
    expect(brokenLinks(new Map([['index.html', page]]), () => true, SITE)).toEqual(['/index.html → #x', '/index.html → #viewport']);
  });
});

describe('footer identifiers', () => {
  const footer = (ids: string) => `<main></main><footer><p>主办单位：某单位</p><p>联系电话：010-00000000</p><p>${ids}</p></footer>`;
  const good =
    '<span>网站标识码：1101000001</span> <a href="https://beian.miit.gov.cn/">京ICP备12345678号-1</a> <a href="https://beian.mps.gov.cn/#/query/webSearch?code=11010502012345">京公网安备 11010502012345号</a>';
  it('a complete footer has no problem', () => expect(footerIdentifierProblems(footer(good))).toEqual([]));
  it.each([
    [good.replace('1101000001', '110100'), '网站标识码'],
    [good.replace('京ICP备12345678号-1', '京ICP备1234号'), 'ICP备案号'],
    [good.replace('京公网安备 11010502012345号', '京公网安备 123号'), '公安机关备案号'],
    [good.replace('code=11010502012345', 'code=99999999999999'), '公安机关备案号链接'],
  ])('%s lacks %s', (ids, missing) => expect(footerIdentifierProblems(footer(ids))).toEqual([missing]));
  it('a page without a footer lacks the footer', () => expect(footerIdentifierProblems('<main>网站标识码：1101000001</main>')).toEqual(['页脚']));
});

describe('site identifier formats', () => {
  it.each([
    [ICP_RE, '京ICP备12345678号', true],
    [ICP_RE, '京ICP备12345678号-12', true],
    [ICP_RE, '京ICP备1234567号', false],
    [ICP_RE, 'ICP备12345678号', false],
    [PSB_RE, '京公网安备 11010502012345号', true],
    [PSB_RE, '京公网安备11010502012345号', true],
    [PSB_RE, '京公网安备 1101050201234号', false],
    [SITE_CODE_RE, '1101000001', true],
    [SITE_CODE_RE, 'bm01000001', true],
    [SITE_CODE_RE, '110100000', false],
  ])('%s matches %j: %s', (re, value, ok) => expect(re.test(value)).toBe(ok));
  it('the 公安 record link carries the 14-digit number', () => {
    expect(psbRecordUrl('京公网安备 11010502012345号')).toBe('https://beian.mps.gov.cn/#/query/webSearch?code=11010502012345');
    expect(psbRecordUrl('京公网安备 110号')).toBeUndefined();
  });
});

describe('findWording', () => {
  const list = [
    { correct: '全国人民代表大会', wrong: ['全国人大代表大会'] },
    { correct: '党的二十届三中全会', wrong: ['党的二十大三中全会', '党的二十次三中全会'] },
  ];
  it('reports every occurrence with its line', () => {
    const text = '第一行没有问题\n学习党的二十大三中全会精神，召开全国人大代表大会\n\n再提党的二十次三中全会和党的二十大三中全会';
    expect(findWording(text, list)).toEqual([
      { line: 2, wrong: '全国人大代表大会', correct: '全国人民代表大会' },
      { line: 2, wrong: '党的二十大三中全会', correct: '党的二十届三中全会' },
      { line: 4, wrong: '党的二十大三中全会', correct: '党的二十届三中全会' },
      { line: 4, wrong: '党的二十次三中全会', correct: '党的二十届三中全会' },
    ]);
  });
  it('the correct form is not a hit', () => expect(findWording('全国人民代表大会、党的二十届三中全会', list)).toEqual([]));
});

describe('site map and robots.txt', () => {
  it('drops empty groups and keeps the order', () => {
    expect(
      siteMapGroups([
        { heading: 'a', links: [{ label: 'x', href: '/x/' }] },
        { heading: 'b', links: [] },
        { heading: 'c', links: [{ label: 'y', href: '/y/' }] },
      ]).map((g) => g.heading),
    ).toEqual(['a', 'c']);
  });
  it('robots.txt keeps crawlers out of /admin/ and names the XML sitemap on the published origin', () => {
    expect(robotsTxt(SITE)).toBe('User-agent: *\nDisallow: /admin/\n\nSitemap: https://louyu.example.gov.cn/sitemap-index.xml\n');
  });
});

describe('the report page', () => {
  const facts: InspectionFacts = {
    on: '2026-12-04',
    builtAt: new Date('2026-11-30T00:00:00Z'),
    home: [new Date('2026-11-27T02:00:00Z')],
    columns: [
      { name: '<script>alert(1)</script>', kind: 'dynamic', dates: [] },
      { name: '新闻：通知公告', kind: 'notice', dates: [new Date('2026-11-26T02:00:00Z')] },
    ],
    stations: [],
    consultation: 'mailto:liuyan@example.gov.cn',
    emptyPages: [],
    future: [{ file: 'content/news/a.md', date: new Date('2026-12-24T02:00:00Z'), shown: false }],
    wording: [{ file: 'content/news/b.md', line: 3, wrong: '全国人大代表大会', correct: '全国人民代表大会' }],
    brokenLinks: [],
    identifierProblems: [],
    siteMapProblems: [],
    robotsProblems: [],
  };
  const report = buildReport(facts, judge(facts));
  const html = reportHtml(report, '/_astro/site.css');

  it('is valid HTML under the site rules, with noindex and a policy that runs no script', async () => {
    const result = await new HtmlValidate(new FileSystemConfigLoader()).validateString(html, 'report.html');
    expect(result.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`))).toEqual([]);
    expect(html).toContain('<meta name="robots" content="noindex, nofollow">');
    expect(html).toMatch(/content-security-policy" content="default-src 'none'/);
  });
  it('escapes content: a hostile column name stays text', () => {
    expect(html).not.toContain('<script>');
    expect(html).toContain(escapeHtml('<script>alert(1)</script>'));
  });
  it('says in words what failed, with file and line', () => {
    const text = reportText(report);
    expect(text).toContain('【不合格】严重表述错误：1 处');
    expect(text).toContain('content/news/b.md 第 3 行：“全国人大代表大会”应为“全国人民代表大会”');
    expect(text).toContain('content/news/a.md：定时发布于 2026-12-24 10:00');
    expect(text.trim().endsWith('请先处理标为“不合格”的项目。')).toBe(true);
  });
});

describe('identifiers in the settings schema', () => {
  const { settings } = makeSchemas({ ref: () => z.string(), image: () => z.string() });
  const base = yaml.load(readFileSync('content/settings/site.yaml', 'utf8')) as Record<string, unknown>;
  const errors = (change: Record<string, unknown>) => {
    const r = settings.safeParse({ ...base, ...change });
    return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  };
  it('the demo settings are valid, and their identifiers plainly fictional (all zeros)', () => {
    expect(errors({})).toEqual([]);
    expect([base.icp, base.psb, base.siteCode].join('').replace(/\D/g, '')).toMatch(/^0+1?0*$/);
  });
  it.each([
    [{ icp: '京ICP备123号' }, 'icp'],
    [{ psb: '京公网安备 123号' }, 'psb'],
    [{ siteCode: '123' }, 'siteCode'],
    [{ partyGovMark: { image: 'https://dcs.conac.cn/image/red.png', href: 'https://bszs.conac.cn/' } }, 'partyGovMark.image'],
    [{ partyGovMark: { image: '/media/mark.png', href: 'http://bszs.conac.cn/' } }, 'partyGovMark.href'],
    [{ wording: [{ correct: '全国人民代表大会', wrong: [] }] }, 'wording.0.wrong'],
  ])('%j is refused at %s', (change, field) => expect(errors(change).map((e) => e.split(':')[0])).toEqual([field]));
  it('the 党政机关网站标识 is optional and, when given, a local picture with an https link', () => {
    expect(errors({ partyGovMark: { image: '/media/uploads/mark.png', href: 'https://bszs.conac.cn/sitename?method=show&id=0' } })).toEqual([]);
  });
});
