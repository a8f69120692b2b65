import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { citationProblems, uncitedArticles } from '../../src/lib/school/citations.ts';
import { activityHosts, stationLocationFindings } from '../../src/lib/stations/location-check.ts';
import { contentWarnings, formatProblem, validateContent } from '../../src/lib/schema/validate.node.ts';

describe('uncitedArticles: a paragraph citing 第…条 names its document', () => {
  it.each([
    ['an article with its document in the same paragraph', '按照《中国共产党党员教育管理工作条例》（2019年）第二十五条，应当转移。', []],
    ['an article with no document', '第二十五条对此也有安排：一般编入楼宇党组织。', ['第二十五条']],
    ['Arabic numerals count too', '见第32条的规定。', ['第32条']],
    ['the document in the previous paragraph does not count', '《中国共产党章程》是根本大法。\n\n第八条要求编入支部。', ['第八条']],
    ['a heading mentioning an article is checked on its own', '## 第三条讲了什么\n\n《中国共产党章程》规定……', ['第三条']],
    ['no article, no finding', '党员要按时参加组织生活。', []],
  ])('%s', (_name, body, articles) => {
    expect(uncitedArticles(body).map((u) => u.article)).toEqual(articles);
  });
  it('gives the line the paragraph starts on, in one line naming the file', () => {
    const [problem, ...rest] = citationProblems('content/lessons/a.md', '第一段。\n\n第二段引用第十六条。');
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ file: 'content/lessons/a.md' });
    expect(problem!.message).toContain('第 3 行');
    expect(problem!.message).not.toContain('\n');
  });
});

describe('stationLocationFindings', () => {
  const located = { file: 'a.md', id: 'a', location: { lat: 39.9, lng: 116.2, directions: '步行5分钟' } };
  const bare = { file: 'b.md', id: 'b' };
  it('refuses a station that hosts activities but has no location', () => {
    const { errors, warnings } = stationLocationFindings([located, bare], activityHosts([{ station: { id: 'b' } }]));
    expect(errors.map((e) => e.file)).toEqual(['b.md']);
    expect(warnings).toEqual([]);
  });
  it('warns about a station without a location that hosts nothing', () => {
    const { errors, warnings } = stationLocationFindings([located, bare], activityHosts([{ station: { id: 'a' } }, {}]));
    expect(errors).toEqual([]);
    expect(warnings.map((w) => `${w.file}:${w.field}`)).toEqual(['b.md:location']);
  });
});

describe('the validator runs both checks on content', () => {
  const temp = mkdtempSync(path.join(tmpdir(), 'places-citations-'));
  afterAll(() => rmSync(temp, { recursive: true, force: true }));
  const copy = (name: string) => {
    const root = path.join(temp, name);
    cpSync('tests/fixtures/content-min', root, { recursive: true });
    return root;
  };
  const dropLocation = (file: string) => writeFileSync(file, readFileSync(file, 'utf8').replace(/^location:\n(?: {2}.*\n)+/m, ''));

  it('the demo content passes: every station has a location and every cited article its document', () => {
    expect(validateContent('content').map(formatProblem)).toEqual([]);
    expect(contentWarnings('content').filter((w) => w.field === 'location')).toEqual([]);
  });
  it('refuses a station hosting an activity without a location', () => {
    const root = copy('host');
    dropLocation(path.join(root, 'stations/lingxiu.md'));
    const lines = validateContent(root).map(formatProblem);
    expect(
      lines.some((l) => /stations\/lingxiu\.md: 字段 location：.*活动/.test(l)),
      lines.join('\n'),
    ).toBe(true);
  });
  it('only warns when the station hosts nothing', () => {
    const root = copy('nohost');
    dropLocation(path.join(root, 'stations/lingxiu.md'));
    rmSync(path.join(root, 'activities'), { recursive: true });
    expect(validateContent(root).filter((p) => p.field === 'location')).toEqual([]);
    expect(
      contentWarnings(root)
        .map(formatProblem)
        .some((l) => l.includes('stations/lingxiu.md: 字段 location：')),
    ).toBe(true);
  });
  it('refuses a lesson paragraph citing an article without its document', () => {
    const root = copy('lesson');
    const file = path.join(root, 'lessons/xinren-01-zhineng.md');
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n\n按照第二十五条，应当及时转移组织关系。\n`);
    const lines = validateContent(root).map(formatProblem);
    expect(
      lines.some((l) => l.includes('lessons/xinren-01-zhineng.md') && l.includes('第二十五条')),
      lines.join('\n'),
    ).toBe(true);
  });
});
