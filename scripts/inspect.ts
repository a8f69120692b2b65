/**
 * `npm run inspect [-- --date YYYY-MM-DD] [--dist dist] [--content content]`: checks the built
 * site and its content against the 单项否决 and deduction items of the national website
 * inspection (src/lib/inspect/inspect.ts holds the rules), prints the report in Chinese, writes it as
 * a page for the chief editor at <dist>/admin/inspect/ (noindex, not linked), and exits with 1
 * when a 单项否决 item fails. The date defaults to today in Beijing.
 */
import { replaceFile } from '../src/lib/replace-file.node.ts';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readCollection } from '../src/lib/schema/validate.node.ts';
import { judge, parseDay, todayInBeijing, type ColumnInput, type FutureEntry, type InspectionFacts } from '../src/lib/inspect/inspect.ts';
import { brokenLinks, findWording, footerIdentifierProblems, type Wording } from '../src/lib/inspect/inspect-site.ts';
import { buildReport, reportHtml, reportText } from '../src/lib/inspect/inspect-report.ts';
import { NEWS_CATEGORIES } from '../src/lib/schema/enums.ts';
import { stationShortName } from '../src/lib/stations/naming.ts';
import { diaryMonthHref } from '../src/lib/publishing.ts';
import { toInstant } from '../src/lib/dates.ts';
import { walkFiles } from './site-files.ts';
import { recordInManifest } from './build-manifest.ts';

/** Where the report page is written, under the built site: the CMS's area, never linked publicly. */
export const REPORT_PATH = 'admin/inspect/index.html';

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

const { values } = parseArgs({
  options: { date: { type: 'string' }, dist: { type: 'string', default: 'dist' }, content: { type: 'string', default: process.env.CONTENT_ROOT ?? 'content' } },
});
const on = values.date === undefined ? todayInBeijing() : parseDay(values.date);
if (!on) fail(`--date：无法识别的日期“${values.date}”，应写作 2026-12-04`);
const dist = values.dist;
const root = values.content;
if (!existsSync(path.join(dist, 'index.html'))) fail(`${dist}/：没有构建好的网站，请先运行 npm run build`);
if (!existsSync(root)) fail(`${root}/：内容目录不存在`);

const buildFile = path.join(dist, '.build.json');
const builtAt = existsSync(buildFile) ? toInstant((JSON.parse(readFileSync(buildFile, 'utf8')) as { builtAt?: string }).builtAt) : undefined;
if (!builtAt) fail(`${buildFile}：缺少构建时间，请用 npm run build 重新构建`);

const rel = (f: string) => path.relative(process.cwd(), f) || f;
const distFile = (f: string) => path.join(dist, f);
// Every file of the built site, listed once: the link check asks about each reference of each
// page, and a stat per reference was most of the inspection's time at 10,000 entries.
const siteFiles = new Set(walkFiles(dist));
const isFile = (f: string) => siteFiles.has(f);

// Content, as the build sees it: drafts out; dated entries published after the build held back.
const [settings] = readCollection(root, 'settings');
if (!settings) fail(`${root}/settings/site.yaml：缺少站点设置，或站点设置有误（运行 npm run validate 查看）`);
const live = <T extends { data: { draft?: boolean } }>(list: T[]) => list.filter((e) => !e.data.draft);
const released = (d: Date) => d.getTime() <= builtAt.getTime();
const news = live(readCollection(root, 'news'));
const theory = live(readCollection(root, 'theory'));
const exchange = live(readCollection(root, 'exchange'));
const diary = live(readCollection(root, 'diary'));
const activities = live(readCollection(root, 'activities'));
const lessons = live(readCollection(root, 'lessons'));
const stations = readCollection(root, 'stations');
const columns = readCollection(root, 'columns').sort((a, b) => a.data.order - b.data.order);
const courses = readCollection(root, 'courses').sort((a, b) => a.data.order - b.data.order);
const pages = readCollection(root, 'pages');

const newsOut = news.filter((e) => released(e.data.published));
const theoryOut = theory.filter((e) => released(e.data.published));
const exchangeOut = exchange.filter((e) => released(e.data.published));
const diaryOut = diary.filter((e) => released(e.data.date));

// The site's navigation columns (栏目), 一级 and their 二级, each dated by the publication dates of
// what it lists: never by an event's start. A station's page is not a column; stations are
// checked on their own below, as warnings. 新闻 and 理论 count by their 二级 columns.
// 活动通知 lists activities by their start, and content records no publication time for them: it
// is checked for being empty only (dating it by start showed a February event as "0 天前").
const columnFacts: ColumnInput[] = [
  ...NEWS_CATEGORIES.map((c): ColumnInput => ({
    name: `新闻：${c}`,
    kind: c === '通知公告' ? 'notice' : 'dynamic',
    dates: newsOut.filter((e) => e.data.category === c).map((e) => e.data.published),
  })),
  { name: '活动通知', kind: 'other', dates: activities.map((e) => e.data.start) },
  { name: '党建日记', kind: 'dynamic', dates: diaryOut.map((e) => e.data.date) },
  { name: '经验交流', kind: 'regular', dates: exchangeOut.map((e) => e.data.published) },
  ...columns.map((c): ColumnInput => ({
    name: `理论专栏：${c.data.title}`,
    kind: 'regular',
    dates: theoryOut.filter((e) => e.data.column.id === c.id).map((e) => e.data.published),
  })),
];
// Per-station freshness (the freshness report's rule): publication dates only, no veto.
const stationFacts = stations.map((s) => ({
  name: `工作站：${stationShortName(s.data)}`,
  dates: [
    ...newsOut.filter((e) => e.data.station?.id === s.id).map((e) => e.data.published),
    ...diaryOut.filter((e) => e.data.station.id === s.id).map((e) => e.data.date),
    ...exchangeOut.filter((e) => e.data.station.id === s.id).map((e) => e.data.published),
  ],
}));
const emptyPages = [
  ...courses.filter((c) => !lessons.some((l) => l.data.course.id === c.id)).map((c) => `网上党校课程：${c.data.title}（没有课时）`),
  ...pages.filter((p) => p.body.trim() === '').map((p) => `${rel(p.file)}（页面没有正文）`),
];

// Entries dated after the build: scheduled, unless the built site shows them anyway.
const monthPage = (d: Date) => `${diaryMonthHref(d).slice(1)}index.html`;
const hasId = (file: string, id: string) => isFile(file) && readFileSync(distFile(file), 'utf8').includes(`id="${id}"`);
const future: FutureEntry[] = [
  ...news.filter((e) => !released(e.data.published)).map((e) => ({ file: rel(e.file), date: e.data.published, shown: isFile(`news/${e.id}/index.html`) })),
  ...theory
    .filter((e) => !released(e.data.published))
    .map((e) => ({ file: rel(e.file), date: e.data.published, shown: isFile(`theory/${e.data.column.id}/${e.id}/index.html`) })),
  ...exchange
    .filter((e) => !released(e.data.published))
    .map((e) => ({ file: rel(e.file), date: e.data.published, shown: isFile(`exchange/${e.id}/index.html`) })),
  ...diary.filter((e) => !released(e.data.date)).map((e) => ({ file: rel(e.file), date: e.data.date, shown: hasId(monthPage(e.data.date), e.id) })),
].sort((a, b) => a.date.getTime() - b.date.getTime());

// Wording: every Markdown and YAML file of the content, except the settings that hold the list.
const wordingList: readonly Wording[] = settings.data.wording;
function contentFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const full = path.join(dir, d.name);
    if (d.isDirectory()) return full === path.join(root, 'settings') ? [] : contentFiles(full);
    return /\.(md|mdx|ya?ml)$/.test(d.name) ? [full] : [];
  });
}
const wording = contentFiles(root)
  .sort()
  .flatMap((f) => findWording(readFileSync(f, 'utf8'), wordingList).map((h) => ({ file: rel(f), ...h })));

// The built pages: links, footers, the 网站地图 page and robots.txt.
const site = new URL(process.env.SITE_URL?.trim() || 'https://louyu.example.gov.cn');
const htmlFiles = [...siteFiles].filter((f) => f.endsWith('.html') && !f.startsWith('admin/') && !f.startsWith('pagefind/'));
const html = new Map(htmlFiles.map((f) => [f, readFileSync(distFile(f), 'utf8')]));
// Printable posters are made to be printed alone (no header or footer), and are not in the sitemap.
const identifierProblems = [...html]
  .filter(([f]) => !f.endsWith('/poster/index.html'))
  .flatMap(([f, text]) => {
    const missing = footerIdentifierProblems(text);
    return missing.length ? [`/${f}：${missing.join('、')}`] : [];
  });
const siteMapProblems: string[] = [];
if (!isFile('sitemap/index.html')) siteMapProblems.push('缺少 /sitemap/ 页面');
if (!/<footer\b[\s\S]*href="\/sitemap\/"[\s\S]*<\/footer>/.test(html.get('index.html') ?? '')) siteMapProblems.push('首页页脚没有指向网站地图的链接');
const robotsProblems: string[] = [];
if (!isFile('robots.txt')) robotsProblems.push('缺少 /robots.txt');
else {
  const sitemapLine = /^Sitemap:\s*(\S+)/im.exec(readFileSync(distFile('robots.txt'), 'utf8'))?.[1];
  if (!sitemapLine) robotsProblems.push('robots.txt 没有 Sitemap 行');
  else if (!isFile(new URL(sitemapLine, site).pathname.slice(1))) robotsProblems.push(`robots.txt 指向的 ${sitemapLine} 不存在`);
}

const facts: InspectionFacts = {
  on,
  builtAt,
  home: [...newsOut.map((e) => e.data.published), ...theoryOut.map((e) => e.data.published), ...exchangeOut.map((e) => e.data.published)],
  columns: columnFacts,
  stations: stationFacts,
  consultation: settings.data.consultation ?? '',
  emptyPages,
  future,
  wording,
  brokenLinks: brokenLinks(html, isFile, site),
  identifierProblems,
  siteMapProblems,
  robotsProblems,
};
const verdict = judge(facts);
const report = buildReport(facts, verdict);
process.stdout.write(reportText(report));

const stylesheet = /<link rel="stylesheet" href="(\/_astro\/[^"]+\.css)"/.exec(html.get('index.html') ?? '')?.[1];
mkdirSync(path.dirname(distFile(REPORT_PATH)), { recursive: true });
replaceFile(distFile(REPORT_PATH), reportHtml(report, stylesheet));
// The report is part of what the pipelines deploy: scripts/deploy.sh checks dist/ against its manifest.
recordInManifest(dist, REPORT_PATH);
console.log(`报告页面：${rel(distFile(REPORT_PATH))}（网址 /${REPORT_PATH.replace(/index\.html$/, '')}，不公开链接，不被搜索引擎收录）`);
process.exit(verdict.pass ? 0 : 1);
