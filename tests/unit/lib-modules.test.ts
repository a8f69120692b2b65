import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Element, Root } from 'hast';
import { describe, expect, it } from 'vitest';
import { ID_PREFIX, prefixHeadingIds, relinkPrefixedIds } from '../../src/lib/heading-ids.ts';
import { NAV } from '../../src/lib/nav.ts';
import { previewTree } from '../../src/lib/preview-markdown.ts';
import { topicPeriod } from '../../src/lib/topic-labels.ts';
import { zhCN } from '../../src/i18n/zh-CN.ts';

const el = (tagName: string, properties: Record<string, string>, text = ''): Element => ({
  type: 'element',
  tagName,
  properties,
  children: text ? [{ type: 'text', value: text }] : [],
});
const ids = (root: Root) => root.children.map((c) => (c.type === 'element' ? c.properties.id : undefined));

describe("heading ids from a body never take the page's own", () => {
  it.each([
    ['a heading named like a page id', [el('h2', {}, 'main')], [`${ID_PREFIX}main`]],
    ['two headings with one text', [el('h2', {}, '做法'), el('h3', {}, '做法')], [`${ID_PREFIX}做法`, `${ID_PREFIX}做法-1`]],
    [
      'a heading whose slug an existing id already holds',
      [el('p', { id: `${ID_PREFIX}search` }), el('h2', {}, 'search')],
      [`${ID_PREFIX}search`, `${ID_PREFIX}search-1`],
    ],
    ['a heading that carries an id already', [el('h2', { id: `${ID_PREFIX}own` }, 'x')], [`${ID_PREFIX}own`]],
  ])('%s', (_, children, expected) => {
    expect(ID_PREFIX).not.toBe('');
    expect(ids(prefixHeadingIds({ type: 'root', children }))).toEqual(expected);
  });

  it('links to an id of the body follow its prefix; other fragments are left alone', () => {
    const root: Root = {
      type: 'root',
      children: [el('h2', { id: `${ID_PREFIX}fn-1` }, '注'), el('a', { href: '#fn-1' }, '1'), el('a', { href: '#main' }, '跳')],
    };
    relinkPrefixedIds(root);
    const hrefs = root.children.map((c) => (c.type === 'element' ? c.properties.href : undefined));
    expect(hrefs).toEqual([undefined, `#${ID_PREFIX}fn-1`, '#main']);
  });
});

describe('the CMS preview tree', () => {
  it('drops script and prefixes heading ids, as the site does', () => {
    const html = JSON.stringify(previewTree('## main\n\n<script>alert(1)</script>\n\n正文'));
    expect(html).not.toContain('script');
    expect(html).toContain(`${ID_PREFIX}main`);
    expect(html).toContain('正文');
  });
});

describe("a topic's period", () => {
  it.each([
    [{ start: new Date('2026-09-30T16:00:00Z') }, '2026年10月1日'],
    [{ start: new Date('2026-02-28T16:00:00Z'), end: new Date('2026-06-29T16:00:00Z') }, '2026年6月30日'],
  ])('is said in Beijing dates', (topic, part) => expect(topicPeriod(topic)).toContain(part));

  it('says whether it has ended', () => {
    expect(topicPeriod({ start: new Date(0) })).not.toBe(topicPeriod({ start: new Date(0), end: new Date(0) }));
  });
});

describe('the main navigation', () => {
  it.each(NAV.map((n) => [n.href, n.label] as const))('%s has a page and a dictionary label', (href, label) => {
    expect(Object.keys(zhCN)).toContain(label);
    const dir = path.join('src/pages', href);
    expect(
      href === '/' ? existsSync('src/pages/index.astro') : existsSync(path.join(dir, 'index.astro')) || readdirSync(dir).some((f) => f.startsWith('[')),
    ).toBe(true);
  });
});

describe('every pure module in src/lib has a unit test of its own', () => {
  const tests = readdirSync('tests/unit')
    .filter((f) => f.endsWith('.test.ts'))
    .map((f) => readFileSync(path.join('tests/unit', f), 'utf8'))
    .join('\n');
  // Shared modules and feature folders; build-time content queries and browser-only files are
  // reached through pages and e2e specs, the schema folder through its own tests.
  const modules = readdirSync('src/lib', { recursive: true, encoding: 'utf8' }).filter(
    (f) => f.endsWith('.ts') && !f.endsWith('.content.ts') && !f.endsWith('.browser.ts') && !f.startsWith('schema/'),
  );
  it.each(modules)('%s', (file) => {
    expect(tests, `no file in tests/unit imports src/lib/${file}`).toMatch(new RegExp(`src/lib/${file.replace('.', '\\.')}['"]`));
  });
});
