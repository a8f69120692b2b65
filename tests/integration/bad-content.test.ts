/**
 * The bad-content corpus: each case in tests/fixtures/bad-content/ overlays one broken file on a
 * small valid content root. The validator must refuse it with one plain line that names the
 * file and the field, and no stack trace. One case also runs the full build, which must fail
 * without touching the previous output.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const BASE = 'tests/fixtures/content-min';
const CORPUS = 'tests/fixtures/bad-content';
const temp = mkdtempSync(path.join(tmpdir(), 'bad-content-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** A content root made of the valid base plus one case's files. */
function rootFor(name: string): string {
  const root = path.join(temp, name);
  cpSync(BASE, root, { recursive: true });
  cpSync(path.join(CORPUS, name), root, { recursive: true });
  return root;
}

function validate(root: string) {
  const r = spawnSync(process.execPath, ['scripts/validate-content.ts', root], { encoding: 'utf8' });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

const NO_STACK = /\n\s+at\s|Error:|node:internal|\.ts:\d+:\d+/;

describe('the corpus', () => {
  it('holds at least 30 cases', () => expect(readdirSync(CORPUS).length).toBeGreaterThanOrEqual(30));
});

describe('the valid base', () => {
  it('passes validation', () => {
    const r = validate(BASE);
    expect(r.out).toContain('内容检查通过');
    expect(r.status).toBe(0);
  });
});

describe.each([
  // case, file that must be named, field (or a phrase) that must be named
  ['missing-title', 'news/2026-01-01-no-title.md', '字段 title'],
  ['wrong-type', 'stations/wrongtype.md', '字段 partyMembers'],
  ['unknown-enum', 'news/2026-01-02-bad-category.md', '字段 category'],
  ['bad-date', 'activities/2026-01-03-bad-date.md', '字段 start'],
  ['broken-yaml', 'news/2026-01-04-broken-yaml.md', 'YAML 格式错误（第'],
  ['missing-station', 'diary/2026-01-05-missing-station.md', '字段 station'],
  ['missing-street', 'stations/nostreet.md', '字段 street'],
  ['end-before-start', 'activities/2026-01-06-end-before-start.md', '字段 end'],
  ['quiz-answer-range', 'lessons/bad-quiz.md', '字段 quiz[0].answer'],
  ['exam-draw-too-many', 'exams/too-many.yaml', '字段 draw'],
  ['reply-cycle', 'exchange/cycle-a.md', '字段 replyTo'],
  ['non-ascii-name', 'news/2026-01-08-中文文件名.md', '文件名'],
  ['no-frontmatter', 'news/2026-01-09-no-frontmatter.md', '缺少'],
  ['bad-service', 'stations/badservice.md', '字段 services[1]'],
  // Every reference type: station→street above; news, activity, diary, exchange→station;
  // lesson and exam→course; theory→column; exchange→exchange (replyTo).
  ['news-missing-station', 'news/2026-01-10-missing-station.md', '字段 station'],
  ['activity-missing-station', 'activities/2026-01-11-missing-station.md', '字段 station'],
  ['exchange-missing-station', 'exchange/2026-01-12-missing-station.md', '字段 station'],
  ['exchange-missing-reply', 'exchange/2026-01-13-missing-reply.md', '字段 replyTo'],
  ['lesson-missing-course', 'lessons/no-course.md', '字段 course'],
  ['exam-missing-course', 'exams/no-course.yaml', '字段 course'],
  ['theory-missing-column', 'theory/2026-01-15-missing-column.md', '字段 column'],
  // Every collection.
  ['settings-bad-colour', 'settings/site.yaml', '字段 mainColor'],
  ['settings-two-files', 'settings', '正好有一个站点设置文件'],
  ['street-bad-kind', 'streets/badkind.yaml', '字段 kind'],
  ['column-missing-title', 'columns/notitle.yaml', '字段 title'],
  ['course-negative-hours', 'courses/bad-hours.md', '字段 hours'],
  ['lesson-order-zero', 'lessons/order-zero.md', '字段 order'],
  ['exam-passmark-range', 'exams/pass-mark.yaml', '字段 passMark'],
  ['exchange-bad-topic', 'exchange/2026-01-14-bad-topic.md', '字段 topic'],
  ['page-missing-description', 'pages/nodesc.md', '字段 description'],
  ['diary-bad-date', 'diary/2026-01-19-bad-date.md', '字段 date'],
  ['station-mobile-over-members', 'stations/mobile.md', '字段 mobilePartyMembers'],
  ['news-summary-too-long', 'news/2026-01-16-long-summary.md', '字段 summary'],
  ['news-missing-cover', 'news/2026-01-17-missing-cover.md', '字段 cover'],
  // Unsafe HTML in a body (see tests/fixtures/hostile/ for the full corpus).
  ['hostile-body', 'news/2026-01-18-hostile-body.md', '正文含有不安全的内容'],
  ['cover-without-alt', 'news/2026-01-10-cover-no-alt.md', '字段 coverAlt'],
  ['cover-missing-file', 'news/2026-01-11-cover-missing.md', '字段 cover'],
])('bad content: %s', (name, file, field) => {
  const r = validate(rootFor(name));
  const line = r.out.split('\n').find((l) => l.includes(file));

  it('fails with a non-zero exit', () => expect(r.status).toBe(1));
  it('names the file and the field on one line', () => {
    expect(line, r.out).toBeDefined();
    expect(line).toContain(field);
  });
  it('prints no stack trace', () => expect(r.out).not.toMatch(NO_STACK));
});

describe('a full build of bad content', () => {
  it('fails, names the file and field, and leaves the previous output untouched', () => {
    const out = path.join(temp, 'dist-previous');
    mkdirSync(out, { recursive: true });
    writeFileSync(path.join(out, 'marker.txt'), 'previous build');
    const r = spawnSync(process.execPath, ['scripts/build.ts'], {
      encoding: 'utf8',
      env: { ...process.env, CONTENT_ROOT: rootFor('full-build-missing-station'), BUILD_OUT_DIR: out },
    });
    const output = `${r.stdout}${r.stderr}`;
    expect(r.status).toBe(1);
    expect(output).toMatch(/diary\/2026-01-05-missing-station\.md: 字段 station/);
    expect(output).not.toMatch(NO_STACK);
    expect(readFileSync(path.join(out, 'marker.txt'), 'utf8')).toBe('previous build');
    expect(existsSync(path.join(out, 'index.html'))).toBe(false);
  });
});
