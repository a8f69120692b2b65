// @vitest-environment happy-dom
/**
 * The party school's browser controllers (src/lib/school/*.browser.ts), run in happy-dom: the
 * result of 提交 gets the focus and is scrolled into view, right/wrong is said in words, an exam
 * paper is shuffled and reproducible from its seed, and 继续学习 follows the record.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { defineQuiz } from '../../src/lib/school/quiz.browser.ts';
import { defineExam, type ExamElement } from '../../src/lib/school/exam.browser.ts';
import { defineDaily } from '../../src/lib/school/daily.browser.ts';
import { lastCourse } from '../../src/lib/school/resume.ts';
import { emptyProgress } from '../../src/lib/school/progress.ts';
import { beijingDay } from '../../src/lib/dates.ts';
import { zhCN } from '../../src/i18n/zh-CN.ts';

const MESSAGES = JSON.stringify(zhCN).replaceAll('"', '&quot;');
let scrolled: Element[] = [];

beforeAll(() => {
  defineQuiz();
  defineExam();
  defineDaily();
  Element.prototype.scrollIntoView = function (this: Element) {
    scrolled.push(this);
  };
});
/** Adds markup as one finished subtree, as a page does before its module scripts run. */
function mount(html: string): void {
  const template = document.createElement('template');
  template.innerHTML = html;
  document.body.append(template.content);
}

afterEach(() => {
  document.body.replaceChildren();
  localStorage.clear();
  scrolled = [];
});

const QUIZ = `
<ld-quiz data-lesson="l1" data-course="c1" data-answers="[[1],[0,2]]" data-explanations='["甲","乙"]' data-messages="${MESSAGES}">
  <form novalidate>
    <fieldset data-question="0"><legend>问一</legend>
      <label><input type="radio" name="q0" value="0">A</label><label><input type="radio" name="q0" value="1">B</label>
      <details data-fallback><summary>看答案</summary></details></fieldset>
    <fieldset data-question="1"><legend>问二</legend>
      <label><input type="checkbox" name="q1" value="0">A</label><label><input type="checkbox" name="q1" value="1">B</label><label><input type="checkbox" name="q1" value="2">C</label></fieldset>
    <p data-actions hidden><button type="submit">提交</button><button type="reset">清空重做</button></p>
  </form>
  <div role="status" data-feedback></div>
</ld-quiz>`;

describe('lesson quiz', () => {
  const submit = (form: HTMLFormElement) => form.dispatchEvent(new Event('submit', { cancelable: true }));

  it('focuses and scrolls to the score, and marks each question right or wrong in words', () => {
    mount(QUIZ);
    const quiz = document.querySelector('ld-quiz')!;
    expect(quiz.querySelector<HTMLElement>('[data-actions]')!.hidden).toBe(false);
    quiz.querySelector<HTMLInputElement>('input[name="q0"][value="1"]')!.checked = true;
    quiz.querySelector<HTMLInputElement>('input[name="q1"][value="0"]')!.checked = true;
    submit(quiz.querySelector('form')!);
    const summary = quiz.querySelector<HTMLElement>('[data-feedback] .summary')!;
    expect(summary.textContent).toBe('答对 1 题，共 2 题。');
    expect(document.activeElement).toBe(summary);
    expect(summary.getAttribute('tabindex')).toBe('-1');
    expect(scrolled).toContain(summary);
    expect([...quiz.querySelectorAll('fieldset [data-mark]')].map((m) => m.textContent)).toEqual([
      zhCN['school.quiz.markRight'],
      zhCN['school.quiz.markWrong'],
    ]);
    expect(JSON.parse(localStorage.getItem('ld-school-progress')!).lessons.l1.quiz).toMatchObject({ correct: 1, total: 2 });
  });

  it('brings the "answer every question" note into view too, and a reset clears the marks', () => {
    mount(QUIZ);
    const quiz = document.querySelector('ld-quiz')!;
    const form = quiz.querySelector('form')!;
    submit(form);
    const note = quiz.querySelector<HTMLElement>('[data-feedback] p')!;
    expect(note.textContent).toContain('还有 2 题未作答');
    expect(document.activeElement).toBe(note);
    quiz.querySelector<HTMLInputElement>('input[name="q0"][value="0"]')!.checked = true;
    quiz.querySelector<HTMLInputElement>('input[name="q1"][value="1"]')!.checked = true;
    submit(form);
    expect(quiz.querySelectorAll('[data-mark]')).toHaveLength(2);
    form.dispatchEvent(new Event('reset'));
    expect(quiz.querySelectorAll('[data-mark]')).toHaveLength(0);
    expect(quiz.querySelector('[data-feedback]')!.childElementCount).toBe(0);
  });
});

const BANK = Array.from({ length: 6 }, (_, i) => ({
  question: `题${i}`,
  type: 'single',
  options: ['甲', '乙', '丙', '丁'],
  answer: [i % 4],
  explanation: '解析',
  lesson: { href: '/school/c/l/', title: '课' },
}));

function mountExam(): ExamElement {
  mount(`<ld-exam data-course="c1" data-draw="4" data-pass-mark="60" data-messages="${MESSAGES}">
    <script type="application/json" data-bank>${JSON.stringify(BANK)}</script>
    <p data-nojs></p><p data-intro hidden><button data-start>开始</button></p>
    <div data-paper hidden></div><div data-result hidden></div><p role="status" data-announce></p>
    <section data-attempts hidden><div data-attempt-list></div></section></ld-exam>`);
  return document.querySelector('ld-exam') as ExamElement;
}
const shown = (exam: ExamElement) =>
  [...exam.querySelectorAll('fieldset')].map(
    (f) => `${f.querySelector('legend')!.textContent}:${[...f.querySelectorAll('label span')].map((s) => s.textContent).join('|')}`,
  );

describe('exam', () => {
  it('draws the same shuffled paper from the same seed, and another from another seed', () => {
    const exam = mountExam();
    exam.start(42);
    const first = shown(exam);
    expect(exam.querySelector<HTMLElement>('[data-paper]')!.dataset.seed).toBe('42');
    exam.start(42);
    expect(shown(exam)).toEqual(first);
    exam.start(43);
    expect(shown(exam)).not.toEqual(first);
  });

  it('scores against the shuffled options and brings the result into view with words and an announcement', () => {
    const exam = mountExam();
    exam.start(7);
    for (const [i, q] of exam.paper.entries()) {
      exam.querySelector<HTMLInputElement>(`input[name="exam-q${i}"][value="${q.answer[0]}"]`)!.checked = true;
    }
    exam.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    const summary = exam.querySelector<HTMLElement>('[data-summary]')!;
    expect(summary.querySelector('[data-score]')!.getAttribute('data-score')).toBe('100');
    expect(summary.querySelector('[data-passed]')!.textContent).toBe(`✓ ${zhCN['school.exam.passed']}`);
    expect(document.activeElement).toBe(summary);
    expect(scrolled).toContain(summary);
    expect(exam.querySelector('[data-announce]')!.textContent).toContain(zhCN['school.exam.passed']);
  });
});

describe('每日一题', () => {
  it('moves focus to the verdict, which says right or wrong in words', () => {
    const today = beijingDay(new Date());
    const entry = {
      key: 'k1',
      day: today,
      question: '今天的题',
      type: 'single',
      options: ['甲', '乙'],
      answer: [1],
      explanation: '解析',
      lesson: { href: '/school/c/l/', title: '课' },
      course: '课程',
    };
    // The list is picked by day; a one-entry list always gives its entry.
    mount(`<ld-daily data-messages="${MESSAGES}"><script type="application/json" data-list>${JSON.stringify([entry])}</script>
      <div data-static></div><div data-live hidden></div><p role="status" data-announce></p>
      <section data-progress hidden><p data-streak></p><div data-history></div></section></ld-daily>`);
    const daily = document.querySelector('ld-daily')!;
    daily.querySelector<HTMLInputElement>('input[value="0"]')!.checked = true;
    daily.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    const verdict = daily.querySelector<HTMLElement>('[data-verdict]')!;
    expect(verdict.querySelector('[data-correct]')!.textContent).toBe(zhCN['school.daily.wrong']);
    expect(document.activeElement).toBe(verdict);
    expect(scrolled).toContain(verdict);
    expect(daily.querySelector('[data-announce]')!.textContent).toBe(zhCN['school.daily.wrong']);
  });
});

describe('lastCourse: where a learner left off', () => {
  it('is the course of the lesson touched last, and nothing for a new learner', () => {
    const record = emptyProgress();
    expect(lastCourse(record, ['a', 'b'])).toBeUndefined();
    record.lessons.x = { course: 'a', learnedAt: '2026-01-01T00:00:00.000Z' };
    record.lessons.y = { course: 'b', reachedEndAt: '2026-02-01T00:00:00.000Z' };
    record.lessons.z = { course: 'gone', learnedAt: '2026-03-01T00:00:00.000Z' };
    expect(lastCourse(record, ['a', 'b'])).toBe('b');
    record.lessons.x.quiz = { correct: 1, total: 1, at: '2026-02-02T00:00:00.000Z' };
    expect(lastCourse(record, ['a', 'b'])).toBe('a');
  });
});
