/**
 * The content validator's hostile-HTML detector: every payload of the corpus in
 * tests/fixtures/hostile/ is caught, ordinary Markdown and harmless HTML are not.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeEntities, findHostileHtml, isUnsafeUrl } from '../../src/lib/hostile-html.ts';
import { ALLOWED_TAGS } from '../../src/lib/sanitize-schema.ts';
import { validateContent } from '../../src/lib/validate.node.ts';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';

const CORPUS = 'tests/fixtures/hostile';
const payloads = readdirSync(CORPUS).filter((f) => f.endsWith('.md')).sort();

describe('the hostile corpus', () => {
  it('holds at least 20 payloads', () => expect(payloads.length).toBeGreaterThanOrEqual(20));
});

describe.each(payloads)('payload %s', (file) => {
  it('is refused with a description of what was found', () => {
    const findings = findHostileHtml(readFileSync(path.join(CORPUS, file), 'utf8'), ALLOWED_TAGS);
    expect(findings.length, file).toBeGreaterThan(0);
  });
});

describe.each([
  ['a script element', '<script>x()</script>', '不允许的 HTML 标签 <script>'],
  ['a mixed-case tag', '<IfRaMe src="/x"></iframe>', '<iframe>'],
  ['an event handler on an allowed tag', '<img src="/a.png" onerror="x()">', '事件属性 onerror'],
  ['a style attribute', '<span style="color:red">红</span>', 'style 样式属性'],
  ['a javascript: link in Markdown', '[报名](javascript:x())', '“javascript:”'],
  ['an entity-encoded scheme', '<a href="&#106;avascript&#58;x()">a</a>', '“javascript:”'],
  ['a hex entity without semicolon', '<a href="&#x6A;avascript:x()">a</a>', '“javascript:”'],
  ['a tab inside the scheme', '<a href="java\tscript:x()">a</a>', '“javascript:”'],
  ['a data: image in Markdown', '![图](data:image/png;base64,AAAA)', '“data:”'],
  ['a vbscript: link', '<a href="VBScript:x">a</a>', '“vbscript:”'],
  ['an autolink with a script scheme', '<javascript:x()>', '自动链接'],
  ['a reference definition', '[a][b]\n\n[b]: javascript:x()', '链接定义'],
  ['a script hidden in a comment', '<!--><script>x()</script>-->', '<script>'],
  ['a meta refresh', '<meta http-equiv="refresh" content="0">', '<meta>'],
  ['a base element', '<base href="https://evil.example/">', '<base>'],
])('refuses %s', (_, body, expected) => {
  it(`names it (${expected})`, () => {
    const findings = findHostileHtml(body, ALLOWED_TAGS);
    expect(findings.join('\n')).toContain(expected);
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
])('accepts %s', (_, body) => {
  it('finds nothing', () => expect(findHostileHtml(body, ALLOWED_TAGS)).toEqual([]));
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
  it('refuses a hostile body with one line naming the file and 正文', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'hostile-validate-'));
    try {
      cpSync('tests/fixtures/content-min', root, { recursive: true });
      const news = path.join(root, 'news', '2026-11-20-lingxiu-lianxi-huiyi.md');
      writeFileSync(news, `${readFileSync(news, 'utf8')}\n<svg onload="alert(1)"></svg>\n`);
      const problems = validateContent(root);
      expect(problems).toHaveLength(2);
      for (const p of problems) {
        expect(p.file).toContain('news/2026-11-20-lingxiu-lianxi-huiyi.md');
        expect(p.message).toMatch(/^正文含有不安全的内容：/);
      }
      expect(problems.map((p) => p.message).join('\n')).toContain('<svg>');
      expect(problems.map((p) => p.message).join('\n')).toContain('onload');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
