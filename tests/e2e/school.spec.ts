import type { Locator, Page } from '@playwright/test';
import { expect, expectNoAxeViolations, test } from './helpers.ts';
import { CASES, PHONES, expectResultInView, setTextSize, tapAt } from './result-view.ts';

interface BankQuestion {
  question: string;
  type: 'single' | 'multiple' | 'truefalse';
  options: string[];
  answer: number[];
}

const COURSE = '/school/xinren-peixun/';
const LESSON_1 = '/school/xinren-peixun/xinren-01-zhineng/';
const LESSON_2 = '/school/xinren-peixun/xinren-02-mingcheng/';
const EXAM = '/school/xinren-peixun/exam/';
const LESSON_3 = '/school/xinren-peixun/xinren-03-taizhang/';

/** A version 3 record in which the given lessons, each with its course, were learned. */
function learnedRecord(lessons: Record<string, string>, at = '2026-05-01T02:00:00.000Z') {
  return {
    version: 3,
    lessons: Object.fromEntries(Object.entries(lessons).map(([id, course]) => [id, { course, learnedAt: at }])),
    courses: {},
    exams: {},
    daily: {},
  };
}

/** Puts a record in the learner's storage before the page's first script runs (once per tab). */
async function seed(page: Page, record: unknown): Promise<void> {
  await page.addInitScript((value) => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem('ld-school-progress', value);
      sessionStorage.setItem('seeded', '1');
    }
  }, JSON.stringify(record));
}

/** Collects the addresses of the lessons.json files the page asks for. */
function lessonFetches(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (r) => {
    const { pathname } = new URL(r.url());
    if (pathname.endsWith('/lessons.json')) seen.push(pathname);
  });
  return seen;
}

/** Option indices that answer a question wrongly: a wrong option, or too few right ones. */
function wrongChoice(answer: number[], optionCount: number): number[] {
  const wrong = Array.from({ length: optionCount }, (_, i) => i).find((i) => !answer.includes(i));
  if (wrong !== undefined) return [wrong];
  return answer.slice(0, 1);
}

async function choose(fieldset: Locator, indices: number[]): Promise<void> {
  for (const i of indices) await fieldset.locator('input').nth(i).check();
}

/** Checks the options of a shuffled exam question by their text (bank indices → shown options). */
async function chooseByText(fieldset: Locator, options: string[], indices: number[]): Promise<void> {
  for (const i of indices) {
    const text = (options[i] ?? '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    await fieldset
      .locator('label')
      .filter({ hasText: new RegExp(`^[A-Z]\\. ${text}$`) })
      .locator('input')
      .check();
  }
}

async function answerQuiz(page: Page, right: boolean): Promise<void> {
  const quiz = page.locator('ld-quiz');
  const answers = JSON.parse((await quiz.getAttribute('data-answers')) ?? '[]') as number[][];
  await quiz.getByRole('button', { name: '清空重做' }).click();
  const fieldsets = quiz.locator('fieldset');
  for (const [i, answer] of answers.entries()) {
    const f = fieldsets.nth(i);
    await choose(f, right ? answer : wrongChoice(answer, await f.locator('input').count()));
  }
  await quiz.getByRole('button', { name: '提交' }).click();
}

/** Answers every drawn exam question, right or wrong, using the bank in the page's JSON island. */
async function answerExam(page: Page, right: boolean): Promise<void> {
  const bank = JSON.parse((await page.locator('ld-exam script[data-bank]').textContent()) ?? '[]') as BankQuestion[];
  const fieldsets = page.locator('ld-exam form fieldset');
  await expect(fieldsets).toHaveCount(10);
  for (let i = 0; i < 10; i++) {
    const f = fieldsets.nth(i);
    const legend = (await f.locator('legend').textContent()) ?? '';
    const q = bank.find((b) => legend.includes(b.question));
    expect(q, `question "${legend}" is in the bank`).toBeDefined();
    await chooseByText(f, q!.options, right ? q!.answer : wrongChoice(q!.answer, q!.options.length));
  }
  await page.getByRole('button', { name: '交卷' }).click();
}

test('a learner studies a lesson, answers its quiz wrongly then rightly, and keeps the progress', async ({ page }) => {
  await page.goto(COURSE);
  await expect(page.locator('ld-course-progress')).toContainText('已学 0/4 课');
  await page.getByRole('link', { name: /开始学习/ }).click();
  await expect(page).toHaveURL(LESSON_1);

  const status = page.locator('ld-lesson-tracker [data-status]');
  await expect(status).toHaveText('读完正文并提交课后自测后，本课记为已学。');

  await answerQuiz(page, false);
  const feedback = page.locator('ld-quiz [data-feedback]');
  await expect(feedback).toHaveAttribute('role', 'status');
  await expect(feedback).toContainText('回答错误');
  await expect(feedback).toContainText('解析：');
  await expect(feedback).toContainText('答对 0 题，共 3 题');
  await expectNoAxeViolations(page);

  await answerQuiz(page, true);
  await expect(feedback).toContainText('答对 3 题，共 3 题');
  await expect(feedback).not.toContainText('回答错误');

  await page.locator('[data-lesson-end]').scrollIntoViewIfNeeded();
  await expect(status).toHaveText('本课已学完。');
  await expectNoAxeViolations(page);

  await page.reload();
  await expect(status).toHaveText('本课已学完。');

  await page.goto(COURSE);
  await expect(page.locator('ld-course-progress')).toContainText('已学 1/4 课');
  const start = page.locator('a[data-start]');
  await expect(start).toHaveAttribute('href', LESSON_2);
  await expect(start).toHaveText('继续学习：名称、标识与办公规范');
  await expect(page.locator('[data-lesson-id="xinren-01-zhineng"]')).toContainText('已学');
  await expect(page.locator('[data-lesson-id="xinren-02-mingcheng"]')).not.toContainText('已学');
});

test("the quiz result is kept in the learner's record on this device", async ({ page }) => {
  await page.goto(LESSON_2);
  await answerQuiz(page, false);
  await answerQuiz(page, true);
  await expect(page.locator('ld-quiz [data-feedback]')).toContainText('答对 3 题');
  const record = await page.evaluate(() => JSON.parse(localStorage.getItem('ld-school-progress') ?? '{}'));
  expect(record.lessons['xinren-02-mingcheng'].quiz).toMatchObject({ correct: 3, total: 3 });
});

test('a learner fails the exam, retakes it and passes; the record page and an export/import keep it', async ({ page, browser }) => {
  await page.goto(EXAM);
  await expect(page.locator('[data-nojs]')).toBeHidden();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: '开始考试' }).click();
  await expect(page.locator('ld-exam .clock')).toContainText(/剩余时间 1[45]:\d\d/);

  await answerExam(page, false);
  await expect(page.locator('[data-passed]')).toHaveAttribute('data-passed', 'false');
  await expect(page.locator('.score')).toContainText('得分 0 分');
  await expect(page.locator('.review > li')).toHaveCount(10);
  await expect(page.locator('.review')).toContainText('正确答案：');
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: '再考一次' }).click();
  await answerExam(page, true);
  await expect(page.locator('[data-passed]')).toHaveAttribute('data-passed', 'true');
  await expect(page.locator('.score')).toContainText('得分 100 分');
  await expect(page.locator('[data-best]')).toHaveAttribute('data-best', '100');
  await expect(page.locator('[data-attempt-list] li')).toHaveCount(2);

  await page.goto('/school/record/');
  const exams = page.locator('[data-exam="xinren-peixun"]');
  await expect(exams).toContainText('最好成绩：100 分');
  await expect(exams.locator('li')).toHaveCount(2);
  await expectNoAxeViolations(page);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出记录（JSON 文件）' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^xuexi-jilu-\d{8}\.json$/);
  const file = await download.path();

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto('/school/record/');
  await expect(other.locator('[data-body]')).toContainText('还没有参加过考试。');
  await other.locator('[data-import]').setInputFiles(file);
  await expect(other.locator('ld-record [data-status]')).toHaveText('已导入学习记录。');
  await expect(other.locator('[data-exam="xinren-peixun"]')).toContainText('最好成绩：100 分');
  await other.goto(EXAM);
  await expect(other.locator('[data-best]')).toHaveAttribute('data-best', '100');
  await fresh.close();
});

test('an import of a file that is not a record is refused with a reason', async ({ page }) => {
  await page.goto('/school/record/');
  await page.locator('[data-import]').setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('{"hello":1}') });
  await expect(page.locator('ld-record [data-status]')).toHaveText('导入失败：无法识别这个文件的格式。');
});

test('an older record is migrated: completed course, certificate and 学时 by year; clearing asks first', async ({ page }) => {
  const learned = Date.parse('2025-06-01T02:00:00Z');
  const v1 = {
    version: 1,
    learned: { 'xinren-01-zhineng': learned, 'xinren-02-mingcheng': learned, 'xinren-03-taizhang': learned, 'xinren-04-zoufang': learned, 'jiu-ke': learned },
    exams: { 'xinren-peixun': [{ score: 90, passed: true, date: learned }] },
  };
  await page.addInitScript((value) => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem('ld-school-progress', value);
      sessionStorage.setItem('seeded', '1');
    }
  }, JSON.stringify(v1));
  await page.goto('/school/record/');
  await expect(page.locator('[data-learned-lessons] > li')).toHaveCount(5);
  await expect(page.locator('[data-lesson="jiu-ke"]')).toContainText('（该课已下线）');
  await expect(page.locator('[data-completed] > li')).toHaveCount(1);
  await expect(page.locator('[data-hours]')).toContainText('2025年');
  await expect(page.locator('[data-hours] tbody td').first()).toHaveText('4');
  await page.getByLabel('学员姓名（只用于打印，不会保存）').fill('学员甲');
  await expect(page.locator('.certificate')).toContainText('学员甲于 2025年6月1日 在本设备上自学完成“新任工作人员上岗培训”课程，计 4 学时。');
  await expect(page.locator('.certificate')).toContainText('仅供个人留存');
  await expectNoAxeViolations(page);

  page.once('dialog', (d) => d.dismiss());
  await page.getByRole('button', { name: '清除学习记录' }).click();
  await expect(page.locator('[data-completed] > li')).toHaveCount(1);
  page.once('dialog', (d) => d.accept());
  await page.getByRole('button', { name: '清除学习记录' }).click();
  await expect(page.locator('ld-record [data-status]')).toHaveText('已清除本设备上的学习记录。');
  await expect(page.locator('[data-body]')).toContainText('还没有学完的课。');
});

test('a corrupt record is reported and kept aside', async ({ page }) => {
  await page.addInitScript(() => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem('ld-school-progress', '{"version":2,"lessons":');
      sessionStorage.setItem('seeded', '1');
    }
  });
  await page.goto('/school/record/');
  await expect(page.locator('ld-record [data-status]')).toContainText('已损坏');
  expect(await page.evaluate(() => localStorage.getItem('ld-school-progress-backup'))).toBe('{"version":2,"lessons":');
});

test('the timed exam announces the last minute and submits itself at zero', async ({ page }) => {
  await page.clock.install();
  await page.goto(EXAM);
  await page.getByRole('button', { name: '开始考试' }).click();
  await page.clock.runFor('14:01');
  await expect(page.locator('ld-exam [data-announce]')).toHaveText('还剩 1 分钟，时间到将自动交卷。');
  await page.clock.runFor('01:00');
  await expect(page.locator('ld-exam div[data-result]')).toContainText('时间到，已自动交卷。');
  await expect(page.locator('[data-passed]')).toHaveAttribute('data-passed', 'false');
});

test('the lesson video has a Chinese captions track', async ({ page, request }) => {
  await page.goto(LESSON_1);
  const track = page.locator('video track');
  await expect(track).toHaveAttribute('kind', 'captions');
  await expect(track).toHaveAttribute('srclang', 'zh-CN');
  await expect(track).toHaveAttribute('label', '中文');
  expect(await track.evaluate((t: HTMLTrackElement) => t.default)).toBe(true);
  const vtt = await request.get((await track.getAttribute('src'))!);
  expect(await vtt.text()).toMatch(/^WEBVTT[\s\S]*五站合一/);
  const video = await request.get((await page.locator('video source').getAttribute('src'))!);
  expect(video.ok()).toBe(true);
  expect((await video.body()).length).toBeLessThan(300_000);
});

test.describe('progress from lessons.json', () => {
  // The page's own requests only: the service worker's precache would fetch every course's file.
  test.use({ serviceWorkers: 'block' });

  test('with no record, every course shows 已学 0/N from the page alone and no lessons.json is fetched', async ({ page }) => {
    const fetched = lessonFetches(page);
    await page.goto('/school/');
    const cards = page.locator('ld-course-progress');
    await expect(cards).toHaveCount(3);
    for (const card of await cards.all()) await expect(card).toContainText('已学 0/4 课');
    await expect(page.locator('[data-continue]')).toHaveCount(0);
    await page.goto(COURSE);
    await expect(page.locator('ld-course-progress')).toContainText('已学 0/4 课');
    await expect(page.locator('a[data-start]')).toHaveText('开始学习：工作站的“五站合一”职能');
    await expect(page.locator('a[data-start]')).toHaveAttribute('href', LESSON_1);
    expect(fetched).toEqual([]);
  });

  test('a seeded record gives progress and the continue link on /school/ and the course page, fetching only that course', async ({ page }) => {
    await seed(page, learnedRecord({ 'xinren-01-zhineng': 'xinren-peixun', 'xinren-02-mingcheng': 'xinren-peixun' }));
    const fetched = lessonFetches(page);
    await page.goto('/school/');
    const card = page.locator('li.ld-card', { has: page.locator(`a[href="${COURSE}"]`) });
    await expect(card.locator('ld-course-progress')).toContainText('已学 2/4 课');
    const next = card.locator('a[data-continue]');
    await expect(next).toHaveText('继续学习：需求台账与日常工作流程');
    await expect(next).toHaveAttribute('href', LESSON_3);
    await expect(page.locator('li.ld-card', { has: page.locator('a[href="/school/louyu-shiwu/"]') })).toContainText('已学 0/4 课');
    await expectNoAxeViolations(page);
    expect(fetched).toEqual(['/school/xinren-peixun/lessons.json']);

    await page.goto(COURSE);
    await expect(page.locator('ld-course-progress')).toContainText('已学 2/4 课');
    await expect(page.locator('a[data-start]')).toHaveText('继续学习：需求台账与日常工作流程');
    await expect(page.locator('a[data-start]')).toHaveAttribute('href', LESSON_3);
    for (const id of ['xinren-01-zhineng', 'xinren-02-mingcheng']) await expect(page.locator(`[data-lesson-id="${id}"]`)).toContainText('已学');
    await expect(page.locator('[data-lesson-id="xinren-03-taizhang"]')).not.toContainText('已学');
    // No pagination for a course that fits one syllabus page.
    await expect(page.locator('.ld-pagination')).toHaveCount(0);
  });

  test('a course learned to the end offers review, and the record page completes it from the fetched lessons', async ({ page }) => {
    const xinren = ['xinren-01-zhineng', 'xinren-02-mingcheng', 'xinren-03-taizhang', 'xinren-04-zoufang'];
    await seed(page, learnedRecord({ ...Object.fromEntries(xinren.map((id) => [id, 'xinren-peixun'])), 'changshi-01-dangzhang': 'jiben-changshi' }));
    const fetched = lessonFetches(page);
    await page.goto(COURSE);
    await expect(page.locator('ld-course-progress')).toContainText('已学 4/4 课');
    await expect(page.locator('a[data-start]')).toHaveText('已全部学完，可以参加结业考试或复习任一课。');

    fetched.length = 0;
    await page.goto('/school/record/');
    await expect(page.locator('[data-learned-lessons] > li')).toHaveCount(5);
    await expect(page.locator('[data-lesson="xinren-03-taizhang"] a')).toHaveText('需求台账与日常工作流程');
    await expect(page.locator('[data-lesson="xinren-03-taizhang"] a')).toHaveAttribute('href', LESSON_3);
    await expect(page.locator('[data-lesson="changshi-01-dangzhang"]')).toContainText('党的基本知识');
    await expect(page.locator('[data-completed] > li')).toHaveCount(1);
    await expect(page.locator('[data-completed] > li')).toHaveAttribute('data-course', 'xinren-peixun');
    await expect(page.locator('.certificate')).toContainText('2026年5月1日 在本设备上自学完成“新任工作人员上岗培训”课程，计 4 学时。');
    await expect(page.locator('[data-hours] tbody td').first()).toHaveText('4');
    await expect(page.locator('[data-lessons-unavailable]')).toHaveCount(0);
    await expectNoAxeViolations(page);
    expect(fetched.sort()).toEqual(['/school/jiben-changshi/lessons.json', '/school/xinren-peixun/lessons.json']);
    // The completion was saved, as before.
    const record = await page.evaluate(() => JSON.parse(localStorage.getItem('ld-school-progress') ?? '{}'));
    expect(record.courses['xinren-peixun']).toEqual({ completedAt: '2026-05-01T02:00:00.000Z', hours: 4 });
  });

  test("继续学习's code is fetched only once there is a record: not for a visitor, then on the page where the first lesson is learned", async ({ page }) => {
    const resumeCode: string[] = [];
    page.on('request', (r) => {
      if (/\/_astro\/(resume\.browser|progress)\.[\w-]+\.js$/.test(new URL(r.url()).pathname)) resumeCode.push(new URL(r.url()).pathname);
    });
    const defined = () => page.evaluate(() => customElements.get('ld-resume') !== undefined);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/news/');
    await page.locator('.ld-menu > summary').click();
    await expect(page.locator('[data-resume-item]')).toBeHidden();
    expect(await defined()).toBe(false);
    expect(resumeCode).toEqual([]);

    await page.goto(LESSON_1);
    expect(await defined()).toBe(false);
    await answerQuiz(page, true);
    await page.locator('[data-lesson-end]').scrollIntoViewIfNeeded();
    await expect(page.locator('ld-lesson-tracker [data-status]')).toHaveText('本课已学完。');
    await expect.poll(defined).toBe(true);
    expect(resumeCode.some((p) => p.includes('/resume.browser.'))).toBe(true);
    await page.locator('.ld-menu > summary').click();
    await expect(page.locator('.ld-menu').getByRole('link', { name: '继续学习：名称、标识与办公规范' })).toHaveAttribute('href', LESSON_2);

    await page.goto('/news/');
    await page.locator('.ld-menu > summary').click();
    await expect(page.locator('.ld-menu').getByRole('link', { name: '继续学习：名称、标识与办公规范' })).toBeVisible();
  });

  test('when lessons.json cannot be fetched, the course and record pages say so plainly and nothing breaks', async ({ page }) => {
    await page.route('**/lessons.json', (route) => route.abort('internetdisconnected'));
    await seed(page, learnedRecord({ 'xinren-01-zhineng': 'xinren-peixun' }));
    await page.goto(COURSE);
    await expect(page.locator('ld-course-progress [data-unavailable]')).toHaveText(/暂时无法读取本课程的目录/);
    await expect(page.locator('[data-lesson-id="xinren-01-zhineng"]')).toContainText('已学');
    await expect(page.locator('a[data-start]')).toHaveAttribute('href', LESSON_1);
    await page.goto('/school/record/');
    await expect(page.locator('[data-lessons-unavailable]')).toContainText('暂时无法读取部分课程的目录');
    await expect(page.locator('[data-lesson="xinren-01-zhineng"]')).toContainText('xinren-01-zhineng（课程目录暂时无法读取）');
    await expect(page.locator('[data-lesson="xinren-01-zhineng"]')).not.toContainText('已下线');
    await expect(page.locator('[data-completed] > li')).toHaveCount(0);
    await expectNoAxeViolations(page);
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('lessons are readable and the quiz shows its answers in details', async ({ page }) => {
    await page.goto(LESSON_1);
    await expect(page.locator('.ld-prose')).toContainText('五站合一');
    await expect(page.locator('ld-quiz fieldset')).toHaveCount(3);
    await page.locator('ld-quiz details summary').first().click();
    await expect(page.locator('ld-quiz details').first()).toContainText('正确答案：C');
    await expect(page.getByRole('button', { name: '提交' })).toBeHidden();
  });

  test('the course page lists all lessons and links to the first', async ({ page }) => {
    await page.goto(COURSE);
    await expect(page.locator('.syllabus li')).toHaveCount(4);
    await expect(page.locator('a[data-start]')).toHaveAttribute('href', LESSON_1);
  });

  test('the exam and record pages say they need JavaScript', async ({ page }) => {
    await page.goto(EXAM);
    await expect(page.locator('[data-nojs]')).toContainText('需要启用 JavaScript');
    await page.goto('/school/record/');
    await expect(page.locator('[data-nojs]')).toContainText('需要启用 JavaScript');
    await expect(page.locator('.notice').first()).toContainText('保存在本设备浏览器中的自学记录');
  });
});

for (const path of ['/school/', COURSE, LESSON_1, '/school/jiben-changshi/changshi-02-zuzhi-shenghuo/', EXAM, '/school/louyu-shiwu/exam/', '/school/record/']) {
  test(`${path} is accessible and fits 320 px`, async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto(path);
    await expectNoAxeViolations(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
}

for (const phone of PHONES) {
  test.describe(`result in view at ${phone.width}×${phone.height}, touch`, () => {
    test.use({ viewport: phone, hasTouch: true, isMobile: true });

    test('the lesson quiz score lands on screen with focus, at 大 and 特大, tapped at the top or bottom; right/wrong in words', async ({ page }) => {
      await page.goto(LESSON_1);
      const quiz = page.locator('ld-quiz');
      for (const { size, at } of CASES) {
        const label = `${size}, button at ${at}`;
        await setTextSize(page, size);
        await quiz.getByRole('button', { name: '清空重做' }).click();
        // The first option of each question: some right, some wrong.
        await quiz.locator('fieldset').evaluateAll((sets) => sets.forEach((f) => f.querySelector('input')?.click()));
        await tapAt(quiz.getByRole('button', { name: '提交' }), at);
        await expectResultInView(page, quiz.locator('[data-feedback] .summary'), label);
        await expect(quiz.locator('[data-feedback]')).toHaveAttribute('role', 'status');
        // Each question says right or wrong in words, not by its border colour alone.
        const marks = quiz.locator('fieldset [data-mark]');
        await expect(marks).toHaveCount(await quiz.locator('fieldset').count());
        for (const text of await marks.allTextContents()) expect(text).toMatch(/本题回答(正确|错误)/);
      }
    });

    test('the exam result lands on screen with focus, at 大 and 特大, tapped at the top or bottom', async ({ page }) => {
      await page.goto(EXAM);
      const exam = page.locator('ld-exam');
      await exam.getByRole('button', { name: '开始考试' }).click();
      for (const { size, at } of CASES) {
        const label = `${size}, button at ${at}`;
        await setTextSize(page, size);
        await exam.locator('form fieldset').first().waitFor();
        await exam.locator('form fieldset').evaluateAll((sets) => sets.forEach((f) => f.querySelector('input')?.click()));
        await tapAt(exam.getByRole('button', { name: '交卷' }), at);
        const summary = exam.locator('[data-summary]');
        await expectResultInView(page, summary, label);
        await expect(summary.locator('[data-passed]')).toHaveText(/^✓ 恭喜|^✗ 未通过/);
        await expect(exam.locator('[data-announce]')).toContainText('分');
        await exam.getByRole('button', { name: '再考一次' }).click();
      }
    });
  });
}

test('a printed lesson has its text and the quiz as questions with options; no buttons or pager; the key only once opened', async ({ page }) => {
  const { extractText, getDocumentProxy } = await import('unpdf');
  const pdfText = async () => {
    const pdf = await getDocumentProxy(new Uint8Array(await page.pdf({ format: 'A4' })));
    const { text } = await extractText(pdf, { mergePages: true });
    // Chromium may split CJK runs with spaces or line breaks: compare without white space.
    return text.normalize('NFKC').replace(/\s+/g, '');
  };
  const path = '/school/jiben-changshi/changshi-02-zuzhi-shenghuo/';
  await page.goto(path);
  const quiz = page.locator('ld-quiz');
  await expect(quiz.getByRole('button', { name: '提交' })).toBeVisible();
  const question = ((await quiz.locator('legend').first().textContent()) ?? '').replace(/^第 1 题（[^）]+）/, '');
  const firstOption = (await quiz.locator('.options label').first().textContent()) ?? '';
  const text = await pdfText();
  const strip = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');
  expect(text).toContain(strip((await page.locator('h1').textContent()) ?? ''));
  expect(text).toContain(strip((await page.locator('.ld-prose p').first().textContent()) ?? '').slice(0, 15));
  expect(text).toContain(strip(question));
  expect(text).toContain(strip(firstOption));
  for (const control of ['提交', '清空重做', '返回课程目录', '上一课', '下一课', '查看答案与解析', '适老化', '正确答案']) {
    expect(text, `the printout has no "${control}"`).not.toContain(control);
  }
  // Once the reader has opened the key (submitted the quiz), the key prints too.
  await quiz.locator('fieldset').evaluateAll((sets) => sets.forEach((f) => f.querySelector('input')?.click()));
  await quiz.getByRole('button', { name: '提交' }).click();
  const after = await pdfText();
  expect(after).toContain('正确答案');
  expect(after).not.toContain('清空重做');
});
