import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { paragraphs, repeatedParagraphs } from '../../src/lib/repeated-paragraphs.ts';
import { contentWarnings } from '../../src/lib/schema/validate.node.ts';

const long = '工作站将把会上收集的意见分类登记，能当场解决的当场解决，不能当场解决的明确责任人和办结时限。';
const short = '欢迎楼宇员工踊跃报名参加。';

describe('repeated paragraphs', () => {
  it('splits a body into paragraphs, collapsing line breaks and leaving headings out', () => {
    expect(paragraphs(`## 标题\n\n第一段\n接着写。\n\n\n第二段`)).toEqual(['第一段 接着写。', '第二段']);
  });

  it.each([
    {
      name: 'a long paragraph in two files is named with both',
      texts: [
        { file: 'a.md', body: long },
        { file: 'b.md', body: `开头。\n\n${long}` },
      ],
      found: [{ first: 'a.md', again: 'b.md' }],
    },
    { name: 'a long paragraph twice in one file', texts: [{ file: 'a.md', body: `${long}\n\n中间。\n\n${long}` }], found: [{ first: 'a.md', again: 'a.md' }] },
    {
      name: 'a short set phrase may repeat',
      texts: [
        { file: 'a.md', body: short },
        { file: 'b.md', body: short },
      ],
      found: [],
    },
    {
      name: 'different paragraphs are fine',
      texts: [
        { file: 'a.md', body: long },
        { file: 'b.md', body: `${long.slice(1)}另写一句。` },
      ],
      found: [],
    },
  ])('$name', ({ texts, found }) => {
    expect(repeatedParagraphs(texts).map(({ first, again }) => ({ first, again }))).toEqual(found);
  });

  it('counts characters, not bytes: 39 Chinese characters are below the threshold', () => {
    const p39 = '字'.repeat(39);
    expect(
      repeatedParagraphs([
        { file: 'a.md', body: p39 },
        { file: 'b.md', body: p39 },
      ]),
    ).toEqual([]);
    expect(
      repeatedParagraphs([
        { file: 'a.md', body: `${p39}字` },
        { file: 'b.md', body: `${p39}字` },
      ]),
    ).toHaveLength(1);
  });

  it('the content check warns naming both files, and ignores front matter', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'ld-repeat-'));
    mkdirSync(path.join(root, 'news'));
    mkdirSync(path.join(root, 'theory'));
    writeFileSync(path.join(root, 'news', 'a.md'), `---\nsummary: ${long}\n---\n${long}\n`);
    writeFileSync(path.join(root, 'theory', 'b.md'), `---\nsummary: ${long}\n---\n另一段。\n\n${long}\n`);
    const warnings = contentWarnings(root);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.file).toMatch(/theory[/\\]b\.md$/);
    expect(warnings[0]?.message).toMatch(/news[/\\]a\.md/);
  });
});
