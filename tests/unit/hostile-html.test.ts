/**
 * The content validator's unsafe-content check runs the site's own pipeline: it parses a body as
 * the renderer does and reports what the sanitiser removes. So the validator and the sanitiser
 * cannot disagree: a body is refused exactly when the page would lose something.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { markdownToHtml, defineHastPlugin } from 'satteri';
import { sanitize } from 'hast-util-sanitize';
import type { Root } from 'hast';
import { describe, expect, it } from 'vitest';
import { decodeEntities } from '../../src/lib/hostile-html.ts';
import { isUnsafeUrl } from '../support/unsafe-url.ts';
import { MARKDOWN_FEATURES } from '../../src/lib/markdown.ts';
import { SANITIZE_SCHEMA } from '../../src/lib/sanitize-schema.ts';
import { sanitiserRemovals } from '../../src/lib/sanitize-report.ts';
import { validateContent } from '../../src/lib/schema/validate.node.ts';

const CORPUS = 'tests/fixtures/hostile';
const payloads = readdirSync(CORPUS)
  .filter((f) => f.endsWith('.md'))
  .sort();

/** The body rendered as parsed, and with nothing but the sanitiser applied. */
const html = (source: string, sanitised: boolean) =>
  markdownToHtml(source, {
    features: MARKDOWN_FEATURES,
    hastPlugins: sanitised
      ? [defineHastPlugin({ name: 'only-sanitize', after: (root, ctx) => ctx.replaceNode(root, sanitize(root as Root, SANITIZE_SCHEMA) as Root) })]
      : [],
  }).html.replaceAll(SANITIZE_SCHEMA.clobberPrefix ?? '', '');

/** Bodies with nothing for the sanitiser to remove: payload rendered as text, or ids it only prefixes. */
const TEXT_ONLY = new Set([
  '04-svg-onload.md',
  '36-heading-clobber.md',
  '37-xhtml-namespace-script.md',
  '38-control-characters.md',
  '39-cdata-and-entities.md',
]);

describe('the hostile corpus', () => {
  it('holds at least 30 payloads', () => expect(payloads.length).toBeGreaterThanOrEqual(30));
});

describe.each(payloads)('payload %s', (file) => {
  const body = readFileSync(path.join(CORPUS, file), 'utf8');
  it('is reported exactly when the sanitiser changes the page', () => {
    const changed = html(body, false) !== html(body, true);
    expect(sanitiserRemovals(body).length > 0, file).toBe(changed);
    expect(changed, file).toBe(!TEXT_ONLY.has(file));
  });
});

describe.each([
  ['a script element', '<script>x()</script>', '不允许的 HTML 标签 <script>'],
  ['a mixed-case tag', '<IfRaMe src="/x"></iframe>', '<iframe>'],
  ['an event handler on an allowed tag', '<img src="/a.png" onerror="x()">', '事件属性 onerror'],
  ['an attribute holding ">" before the handler', '<p title="a>b" onclick="x()">段落</p>', '事件属性 onclick'],
  ['a style attribute', '<span style="color:red">红</span>', '<span> 的 style 属性'],
  ['a javascript: link in Markdown', '[报名](javascript:x())', '“javascript:”'],
  ['a backslash-escaped colon in a Markdown link', '[报名](javascript\\:x())', '“javascript:”'],
  ['an entity-encoded scheme in a Markdown link', '[报名](&#106;avascript:x())', '“javascript:”'],
  ['an entity-encoded scheme', '<a href="&#106;avascript&#58;x()">a</a>', '“javascript:”'],
  ['a hex entity without semicolon', '<a href="&#x6A;avascript:x()">a</a>', '“javascript:”'],
  ['a data: image in Markdown', '![图](data:image/png;base64,AAAA)', '“data:”'],
  ['a vbscript: link', '<a href="VBScript:x">a</a>', '“vbscript:”'],
  ['an autolink with a script scheme', '<javascript:x()>', '“javascript:”'],
  ['a reference definition', '[a][b]\n\n[b]: javascript:x()', '“javascript:”'],
  ['a script hidden in a comment', '<!--><script>x()</script>-->', '<script>'],
  ['a meta refresh', '<meta http-equiv="refresh" content="0">', '<meta>'],
  ['a base element', '<base href="https://evil.example/">', '<base>'],
])('reports %s', (_, body, expected) => {
  it(`names it (${expected})`, () => {
    expect(sanitiserRemovals(body).join('\n')).toContain(expected);
    expect(html(body, true)).not.toBe(html(body, false));
  });
});

describe.each([
  ['plain Chinese prose', '工作站召开联席会议，企业负责人参加。'],
  ['a comparison with angle brackets', '产值 a < b，且 c > d；人数<500的楼宇'],
  ['an https link', '[通知](https://example.gov.cn/a)'],
  ['a site-relative link and image', '[工作站](/stations/lingxiu/) ![图](./a.png)'],
  ['mail and phone links', '[写信](mailto:louyu@example.gov.cn) [电话](tel:010-00000000)'],
  ['an https autolink', '<https://example.gov.cn/>'],
  ['harmless inline HTML', '第1<sup>次</sup>会议<br>H<sub>2</sub>O，<kbd>Ctrl</kbd>'],
  ['a table in HTML', '<table><tr><th>楼宇</th></tr><tr><td>领秀大厦</td></tr></table>'],
  ['an image with alt text', '<img src="/a.png" alt="会议现场">'],
  ['headings and a footnote', '## main\n\n正文[^1]\n\n[^1]: 注释'],
  ['javascript: as prose', '不要点击以 javascript: 开头的链接。'],
])('accepts %s', (_, body) => {
  it('reports nothing, and the sanitiser changes nothing', () => {
    expect(sanitiserRemovals(body)).toEqual([]);
    expect(html(body, true)).toBe(html(body, false));
  });
});

describe.each([
  ['javascript:x', true],
  ['  JAVASCRIPT:x', true],
  ['jav&#x09;ascript:x', true],
  ['data:text/html,x', true],
  ['https://example.gov.cn', false],
  ['/news/', false],
  ['../a.png', false],
  ['#top', false],
  ['mailto:a@b.cn', false],
])('isUnsafeUrl(%j)', (url, unsafe) => {
  it(`is ${unsafe}`, () => expect(isUnsafeUrl(url)).toBe(unsafe));
});

describe('decodeEntities', () => {
  it('decodes decimal, hex and named references', () => {
    expect(decodeEntities('&#106;&#x61;&colon;&Tab;')).toBe('ja:\t');
  });
});

describe('the content validator', () => {
  it('refuses a hostile body with one line per finding, naming the file', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'hostile-validate-'));
    try {
      cpSync('tests/fixtures/content-min', root, { recursive: true });
      const news = path.join(root, 'news', '2026-11-20-lingxiu-lianxi-huiyi.md');
      writeFileSync(news, `${readFileSync(news, 'utf8')}\n<svg onload="alert(1)"></svg> <p title="a>b" onclick="x()">p</p>\n`);
      const problems = validateContent(root);
      expect(problems.map((p) => p.message)).toEqual(
        sanitiserRemovals('<svg onload="alert(1)"></svg> <p title="a>b" onclick="x()">p</p>').map((f) => `正文含有不安全的内容：${f}，请删除后再发布`),
      );
      for (const p of problems) expect(p.file).toContain('news/2026-11-20-lingxiu-lianxi-huiyi.md');
      expect(problems.map((p) => p.message).join('\n')).toContain('<svg>');
      expect(problems.map((p) => p.message).join('\n')).toContain('onclick');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
