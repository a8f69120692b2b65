/**
 * The bad-content corpus: each case in tests/fixtures/bad-content/ overlays one broken file on a
 * small valid content root. The validator must refuse it with one plain line that names the
 * file and the field, and no stack trace, within CASE_SECONDS (a case that hangs fails here
 * instead of stalling CI). One case also runs the full build, which must fail without touching
 * the previous output.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { cpSync, existsSync, readdirSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const BASE = 'tests/fixtures/content-min';
const CORPUS = 'tests/fixtures/bad-content';
const temp = mkdtempSync(path.join(tmpdir(), 'bad-content-'));
afterAll(() => {
  service?.kill('SIGKILL');
  rmSync(temp, { recursive: true, force: true });
}, 60_000);

/** A content root made of the valid base plus one case's files. */
function rootFor(name: string): string {
  const root = path.join(temp, name);
  cpSync(BASE, root, { recursive: true });
  cpSync(path.join(CORPUS, name), root, { recursive: true });
  return root;
}

/** Time bound of one validation: the valid base takes well under a second on a loaded machine. */
const CASE_SECONDS = 20;

interface Outcome {
  status: number | null;
  out: string;
}

/** The validator process of the corpus (support/validate-service.ts), started on first use and after a hang. */
let service: ChildProcess | undefined;
let answers: ((line: string) => void)[] = [];
function serviceProcess(): ChildProcess {
  if (service && service.exitCode === null && !service.killed) return service;
  const child = spawn(process.execPath, ['tests/integration/support/validate-service.ts'], { stdio: ['pipe', 'pipe', 'inherit'] });
  createInterface({ input: child.stdout }).on('line', (line) => answers.shift()?.(line));
  service = child;
  answers = [];
  return child;
}

/** Validates one content root as `npm run validate` does, within CASE_SECONDS; a hang is an outcome that fails. */
function validate(root: string): Promise<Outcome> {
  const publicDir = existsSync(path.join(root, 'public')) ? path.join(root, 'public') : 'public';
  const child = serviceProcess();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      // Stop the hung process; the next case starts a new one.
      child.kill('SIGKILL');
      resolve({ status: null, out: `validation hung for more than ${CASE_SECONDS} s` });
    }, CASE_SECONDS * 1000);
    answers.push((line) => {
      clearTimeout(timer);
      resolve(JSON.parse(line) as Outcome);
    });
    child.stdin!.write(`${JSON.stringify({ root, publicDir })}\n`);
  });
}

/** `npm run validate` itself, as a process (bounded the same way). */
function validateCli(root: string): Outcome {
  // A case may bring its own public/ (uploads); otherwise the repository's is checked.
  const publicDir = existsSync(path.join(root, 'public')) ? path.join(root, 'public') : 'public';
  const r = spawnSync(process.execPath, ['scripts/validate-content.ts', root], {
    encoding: 'utf8',
    env: { ...process.env, PUBLIC_DIR: publicDir },
    timeout: CASE_SECONDS * 1000,
    killSignal: 'SIGKILL',
  });
  const error: NodeJS.ErrnoException | undefined = r.error;
  const timedOut = error?.code === 'ETIMEDOUT';
  return { status: r.status, out: `${timedOut ? `validation hung for more than ${CASE_SECONDS} s\n` : ''}${r.stdout}${r.stderr}` };
}

const NO_STACK = /\n\s+at\s|Error:|node:internal|\.ts:\d+:\d+/;

describe('the corpus', () => {
  it('holds at least 30 cases', () => expect(readdirSync(CORPUS).length).toBeGreaterThanOrEqual(30));
});

describe('the valid base', () => {
  it('passes validation, in the corpus process and as npm run validate', { timeout: 60_000 }, async () => {
    for (const r of [await validate(BASE), validateCli(BASE)]) {
      expect(r.out).toContain('内容检查通过');
      expect(r.status).toBe(0);
    }
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
  ['settings-bad-icp', 'settings/site.yaml', '字段 icp：应写作 京ICP备12345678号'],
  ['settings-bad-psb', 'settings/site.yaml', '字段 psb：应写作 京公网安备'],
  ['settings-bad-sitecode', 'settings/site.yaml', '字段 siteCode：应为 10 位'],
  ['settings-two-files', 'settings', '正好有一个站点设置文件'],
  ['street-bad-kind', 'streets/badkind.yaml', '字段 kind'],
  ['column-missing-title', 'columns/notitle.yaml', '字段 title'],
  ['course-negative-hours', 'courses/bad-hours.md', '字段 hours'],
  ['lesson-order-zero', 'lessons/order-zero.md', '字段 order'],
  ['exam-passmark-range', 'exams/pass-mark.yaml', '字段 passMark'],
  ['exchange-bad-topic', 'exchange/2026-01-14-bad-topic.md', '字段 topic'],
  ['page-missing-description', 'pages/nodesc.md', '字段 description'],
  ['diary-bad-date', 'diary/2026-01-19-bad-date.md', '字段 date'],
  // Exam questions name a lesson of their own course; station locations lie inside the district.
  ['exam-missing-lesson', 'exams/no-lesson.yaml', '字段 questions[0].lesson'],
  ['exam-lesson-other-course', 'exams/wrong-lesson.yaml', '字段 questions[0].lesson'],
  ['station-outside-bounds', 'stations/lingxiu.md', '字段 location'],
  ['settings-bounds-reversed', 'settings/site.yaml', '字段 bounds.north'],
  ['station-mobile-over-members', 'stations/mobile.md', '字段 mobilePartyMembers'],
  ['news-summary-too-long', 'news/2026-01-16-long-summary.md', '字段 summary'],
  ['news-missing-cover', 'news/2026-01-17-missing-cover.md', '字段 cover'],
  // Unsafe HTML in a body (see tests/fixtures/hostile/ for the full corpus).
  ['hostile-body', 'news/2026-01-18-hostile-body.md', '正文含有不安全的内容'],
  ['cover-without-alt', 'news/2026-01-10-cover-no-alt.md', '字段 coverAlt'],
  ['cover-missing-file', 'news/2026-01-11-cover-missing.md', '字段 cover'],
  // An entry's identity is its file name: no key may take another entry's address.
  ['slug-takeover', 'stations/newcomer.md', '字段 slug：不允许设置 slug'],
  ['page-slug-offsite', 'pages/links.md', '字段 slug'],
  ['undeclared-key', 'news/2026-01-20-extra-key.md', '字段 layout：不是这一类内容的字段'],
  ['page-reserved-id', 'pages/news.md', '是网站栏目的地址'],
  // Control characters and lengths.
  ['control-char-title', 'news/2026-01-21-control.md', '字段 title：含有不可见的控制字符'],
  ['title-too-long', 'news/2026-01-22-long-title.md', '字段 title：不能超过 100 个字'],
  // Images: an SVG cover, a cover or body image outside content/ or missing.
  ['cover-svg', 'news/2026-01-23-svg-cover.md', '字段 cover：图片只能是 jpg'],
  ['cover-outside-content', 'news/2026-01-24-outside-cover.md', '字段 cover：图片“../../../../../../etc/hosts.jpg”在内容目录之外'],
  ['body-image-missing', 'news/2026-01-25-missing-image.md', '正文图片“../media/not-there.jpg”不存在'],
  ['body-image-outside', 'news/2026-01-26-outside-image.md', '指向内容目录之外'],
  // The naming rule, and ids where an id is expected.
  ['street-naming', 'streets/bad-name.yaml', '字段 name：应以“街道”或“社区”结尾'],
  ['building-naming', 'stations/bad-building.md', '字段 buildings[0].name：楼宇名称不应以“工作站”结尾'],
  ['ref-path-like', 'diary/2026-01-27-path-ref.md', '字段 station：应为所引用条目的文件名'],
  ['ref-multi-line', 'diary/2026-01-28-multiline-ref.md', '字段 station：应为所引用条目的文件名'],
  ['video-offsite', 'lessons/offsite-video.md', '字段 video.src：应为本站 /media/ 下的文件地址'],
  // Uploads: only raster images (and lesson video/captions under public/media), content sniffed.
  ['upload-svg', 'media/logo.svg', '不接受 .svg 文件'],
  ['upload-html', 'public/media/uploads/page.html', '不接受 .html 文件'],
  ['upload-xml', 'public/media/uploads/feed.xml', '不接受 .xml 文件'],
  ['upload-js', 'public/media/uploads/app.js', '不接受 .js 文件'],
  ['upload-disguised', 'media/photo.jpg', '文件内容与扩展名 .jpg 不符'],
  ['upload-bad-name', 'media/a b.jpg', '文件名“a b.jpg”不合规'],
  // Topics: a hand-picked entry that does not exist, an end before the start, tags that match
  // nothing, neither tags nor entries, a banner that is not a raster picture.
  ['topic-missing-entry', 'topics/missing-entry.md', '字段 entries[1].entry'],
  ['topic-end-before-start', 'topics/end-before-start.md', '字段 end'],
  ['topic-gathers-nothing', 'topics/gathers-nothing.md', '字段 tags'],
  ['topic-no-gathering', 'topics/no-gathering.md', '字段 entries'],
  ['topic-svg-banner', 'topics/svg-banner.md', '字段 banner'],
  // Issue 26: content that hung or crashed the build.
  ['yaml-alias-fanout', 'news/2026-02-01-laughs.md', 'YAML 中不允许使用锚点和别名（& 和 *）（第 6 行）'],
  ['yaml-too-deep', 'news/2026-02-04-yaml-deep.md', '文件头嵌套过深（超过 20 层）'],
  ['body-deep-quote', 'news/2026-02-02-deep-quote.md', '正文嵌套过深'],
  ['body-deep-lists', 'news/2026-02-03-deep-lists.md', '正文嵌套过深'],
  ['cover-too-large', 'news/2026-02-05-huge-cover.md', '字段 cover：图片“../media/huge-cover.png”：图片尺寸 17000×17000（289.0 百万像素）过大'],
  ['body-image-too-large', 'news/2026-02-06-huge-body.md', '正文图片“../media/huge-body.png”：图片尺寸 17000×17000'],
  ['upload-too-large', 'public/media/uploads/huge-upload.png', '图片尺寸 17000×17000'],
  ['image-too-wide', 'media/wide.png', '图片尺寸 20000×100'],
  // The validator splits front matter as Astro does.
  ['title-plus-line', 'news/2026-02-07-plus.md', '文件头在第 3 行被以 +++ 开头的一行提前结束'],
  ['front-matter-toml', 'news/2026-02-08-toml.md', '文件头应以 --- 开头'],
  // Invisible and bidirectional characters, C1 controls.
  ['building-zero-width', 'stations/lingxiu.md', '字段 buildings[0].name：含有不可见的格式字符（U+200B'],
  ['title-rtl-override', 'news/2026-02-09-rtl.md', '字段 title：含有不可见的格式字符（U+202E'],
  ['control-c1-title', 'news/2026-02-10-c1.md', '字段 title：含有不可见的控制字符'],
  // A reference to a draft is reported as a draft; ids that are Object.prototype names.
  ['exam-draft-lesson', 'exams/xinren-peixun.yaml', '字段 questions[0].lesson：引用的 lessons 条目“xinren-02-caogao”是草稿'],
  ['course-prototype-id', 'courses/constructor.md', '文件名“constructor”是程序内部使用的名称'],
  ['lesson-prototype-id', 'lessons/constructor.md', '文件名“constructor”是程序内部使用的名称'],
])('bad content: %s', (name, file, field) => {
  let r: Outcome = { status: null, out: '' };
  beforeAll(
    async () => {
      r = await validate(rootFor(name));
    },
    (CASE_SECONDS + 10) * 1000,
  );
  const line = () => r.out.split('\n').find((l) => l.includes(file));

  it('fails with a non-zero exit, in time', () => expect(r.status, r.out).toBe(1));
  it('names the file and the field on one line', () => {
    expect(line(), r.out).toBeDefined();
    expect(line()).toContain(field);
  });
  it('prints no stack trace', () => expect(r.out).not.toMatch(NO_STACK));
});

describe('bad content made at test time', () => {
  it('refuses a body over 512 KB, naming the file and its size', { timeout: 30_000 }, () => {
    const root = rootFor('title-too-long');
    rmSync(path.join(root, 'news'), { recursive: true, force: true });
    cpSync(path.join(BASE, 'news'), path.join(root, 'news'), { recursive: true });
    writeFileSync(
      path.join(root, 'news/2026-02-11-huge-body.md'),
      `---\ntitle: 正文很大的新闻\npublished: 2026-01-20 09:00\ncategory: 党建动态\nsummary: 测试。\n---\n${'很长的正文段落。\n\n'.repeat(80_000)}`,
    );
    const r = validateCli(root);
    expect(r.status).toBe(1);
    expect(r.out).toMatch(/news\/2026-02-11-huge-body\.md: 正文过大（2\.\d MB），超过上限 512 KB/);
    expect(r.out).not.toMatch(NO_STACK);
  });

  it('passes a body with invisible characters, warning with file and line', { timeout: 30_000 }, async () => {
    const root = rootFor('title-too-long');
    rmSync(path.join(root, 'news'), { recursive: true, force: true });
    cpSync(path.join(BASE, 'news'), path.join(root, 'news'), { recursive: true });
    writeFileSync(
      path.join(root, 'news/2026-02-12-zwsp.md'),
      '---\ntitle: 正文含零宽空格\npublished: 2026-01-20 09:00\ncategory: 党建动态\nsummary: 测试。\n---\n第一段。\n\n安宁大厦\u200b工作站\n',
    );
    const r = await validate(root);
    expect(r.status, r.out).toBe(0);
    expect(r.out).toMatch(/news\/2026-02-12-zwsp\.md: 正文第 9 行含有不可见的格式字符（U\+200B）/);
  });
});

describe('a full build of bad content', () => {
  it('fails, names the file and field, and leaves the previous output untouched', { timeout: 30_000 }, () => {
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

describe('build steps have time bounds', () => {
  const build = (limits: string) => {
    const out = path.join(temp, `dist-bounded-${limits.replace(/\W/g, '')}`);
    mkdirSync(out, { recursive: true });
    writeFileSync(path.join(out, 'marker.txt'), 'previous build');
    const r = spawnSync(process.execPath, ['scripts/build.ts'], {
      encoding: 'utf8',
      env: { ...process.env, CONTENT_ROOT: BASE, BUILD_OUT_DIR: out, BUILD_STEP_SECONDS: limits },
      timeout: 120_000,
    });
    return { status: r.status, out: `${r.stdout}${r.stderr}`, dir: out };
  };

  it.each([
    ['validate=0.01', '内容检查'],
    ['astro=1', 'Astro 构建'],
  ])('a step past its bound (%s) fails the build naming the step, releases the lock, leaves the output', { timeout: 150_000 }, (limits, step) => {
    const r = build(limits);
    expect(r.status, r.out).toBe(1);
    expect(r.out).toContain(`构建步骤“${step}”超过时限`);
    expect(r.out).not.toMatch(NO_STACK);
    // The lock is released: nothing holds .tmp/build.lock once the build has exited.
    expect(existsSync('.tmp/build.lock')).toBe(false);
    expect(readFileSync(path.join(r.dir, 'marker.txt'), 'utf8')).toBe('previous build');
  });

  it('refuses a malformed bound with one line', () => {
    const r = build('astro=soon');
    expect(r.status).toBe(1);
    expect(r.out).toContain('BUILD_STEP_SECONDS 中的“astro=soon”不合规');
    expect(r.out).not.toMatch(NO_STACK);
  });
});
