import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { markdownToHtml, type MarkdownToHtmlResult } from 'satteri';
import { describe, expect, it } from 'vitest';
import { MARKDOWN_FEATURES, headingIdsPlugin, mayNeedSanitizing, sanitizeEntry, sanitizePlugin } from '../../src/lib/markdown.ts';
import { generateContent } from '../../scripts/bench/generate.ts';
import { bodyOf } from '../../src/lib/front-matter.ts';

// Every plugin here is synchronous, so the result is never a promise.
const render = (source: string) => (markdownToHtml(source, { features: MARKDOWN_FEATURES, hastPlugins: [sanitizeEntry] }) as MarkdownToHtmlResult).html;
const renderAlwaysSanitised = (source: string) => markdownToHtml(source, { features: MARKDOWN_FEATURES, hastPlugins: [sanitizePlugin] }).html;
/** Parsed as the site does, with the site's prefixed heading ids but no sanitiser. */
const renderNeverSanitised = (source: string) => markdownToHtml(source, { features: MARKDOWN_FEATURES, hastPlugins: [headingIdsPlugin()] }).html;

function bodies(root: string): { file: string; body: string }[] {
  const out: { file: string; body: string }[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const file = path.join(dir, name);
      if (statSync(file).isDirectory()) walk(file);
      else if (name.endsWith('.md')) out.push({ file, body: bodyOf(readFileSync(file, 'utf8')) });
    }
  };
  walk(root);
  return out;
}

describe('mayNeedSanitizing', () => {
  it('is false for plain prose, lists, tables, emphasis and bare web addresses', () => {
    expect(
      mayNeedSanitizing(
        '## 活动安排\n\n- 时间：上午九点\n- 地点：三楼\n\n| 项目 | 人数 |\n| --- | --- |\n| 讲座 | 30 |\n\n**注意**：详见 https://louyu.example.gov.cn/news/ 或 www.example.cn',
      ),
    ).toBe(false);
  });
  it('is true for raw HTML, autolinks, character references, links, images and definitions', () => {
    for (const source of ['正文<b>粗</b>', '<https://a.cn>', '&#106;avascript', '[链接](https://a.cn)', '![图](x.png)', '[a][r]\n\n[r]: https://a.cn']) {
      expect(mayNeedSanitizing(source), source).toBe(true);
    }
  });
});

describe('rendering', () => {
  it('removes scripts, event handlers and script URLs', () => {
    const html = render(
      '正文<script>alert(1)</script> <img src="x.png" onerror="alert(1)"> [链](javascript:alert(1)) <a href="vbscript:x">v</a> <iframe src="https://e.cn"></iframe>',
    );
    expect(html).not.toMatch(/<script|onerror|javascript:|vbscript:|<iframe/i);
    expect(html).toContain('<img src="x.png">');
  });
  it('keeps safe markup and links', () => {
    const html = render('<u>下划线</u> [区政府](https://www.example.gov.cn/) <sup>1</sup>');
    expect(html).toContain('<a href="https://www.example.gov.cn/">区政府</a>');
    expect(html).toContain('<sup>1</sup>');
  });
  it('keeps every in-body link pointing at an id of the body (footnotes, anchors)', () => {
    for (const source of [
      '正文[^1]，再引一处[^说明]。\n\n[^1]: 注释一\n[^说明]: 注释二',
      '<a href="#part2">跳到第二部分</a>\n\n<h3 id="part2">第二部分</h3>',
    ]) {
      const html = render(source);
      const ids = new Set([...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1] ?? ''));
      const targets = [...html.matchAll(/ href="#([^"]+)"/g)].map((m) => m[1] ?? '');
      expect(targets.length, source).toBeGreaterThan(0);
      // As a browser does: the fragment as written, then percent-decoded.
      for (const target of targets) expect(ids.has(target) || ids.has(decodeURIComponent(target)), `${target} in ${html}`).toBe(true);
      // Ids stay prefixed, so a body cannot clobber the page's own names.
      for (const id of ids) expect(id.startsWith('user-content-'), id).toBe(true);
    }
  });

  it('labels footnotes in Chinese', () => {
    const html = render('正文[^1]\n\n[^1]: 注释内容');
    expect(html).toContain('注释</h2>');
    expect(html).toContain('aria-label="返回引用 1"');
    expect(html).not.toMatch(/Footnotes|Back to reference/);
  });
  it('gives the same HTML with or without the sanitiser for every body it skips (demo and generated)', () => {
    const generated = path.join('.tmp', `markdown-test-${process.pid}`);
    generateContent({ n: 300, seed: 7, out: generated });
    try {
      const all = [...bodies('content'), ...bodies(generated)];
      const skipped = all.filter((b) => !mayNeedSanitizing(b.body));
      expect(skipped.length).toBeGreaterThan(300);
      for (const { file, body } of skipped) {
        const plain = renderNeverSanitised(body);
        expect(renderAlwaysSanitised(body), file).toBe(plain);
        expect(render(body), file).toBe(plain);
      }
    } finally {
      rmSync(generated, { recursive: true, force: true });
    }
  });
});

describe('heading ids', () => {
  it.each([
    ['plain', '## main\n\n## search\n\n## main'],
    ['sanitised', '## main\n\n## search\n\n## main\n\n<b>粗</b>'],
  ])("are prefixed like the sanitiser's ids in a %s body, so they cannot clobber the page's own", (_, source) => {
    const html = render(source);
    expect([...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1])).toEqual(['user-content-main', 'user-content-search', 'user-content-main-1']);
  });
  it('keeps fragment links to a heading working', () => {
    const html = render('## 活动安排\n\n[跳到安排](#活动安排)');
    expect(html).toContain('id="user-content-活动安排"');
    expect(html).toMatch(/href="#user-content-(活动安排|%E6%B4%BB%E5%8A%A8%E5%AE%89%E6%8E%92)"/);
  });
  it('never repeats an id the body already has', () => {
    const html = render('## search\n\n<a id="search">锚点</a>');
    const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain('user-content-search');
  });
});
